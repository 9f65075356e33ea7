/**
 * A Spring Boot application with alert-router, to copy from: {@code application.yaml} points
 * {@code alert-router.config-location} at {@code alert-router.yaml} and turns on the Alertmanager
 * webhook endpoint; {@link io.github.alertrouter.example.springboot.CheckoutAlerts} submits an
 * alert from application code.
 */
package io.github.alertrouter.example.springboot;

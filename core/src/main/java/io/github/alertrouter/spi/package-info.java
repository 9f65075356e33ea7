/**
 * The service-provider interface a platform module implements: {@link
 * io.github.alertrouter.spi.PlatformProvider} and the values it exchanges with the router.
 */
package io.github.alertrouter.spi;

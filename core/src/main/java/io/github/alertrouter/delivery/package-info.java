/**
 * How a notification reaches its robots: the {@link io.github.alertrouter.delivery.Dispatcher}
 * with one lane per robot (its outbox queue, rate window, retries with backoff, digests when the
 * robot is saturated) and the {@link io.github.alertrouter.delivery.MentionPlanner}, which turns a
 * policy's mention targets into the identities each platform @s. Closed: the router drives it;
 * what an application sees of it are {@code notify.DeliveryListener} events and
 * {@code AlertRouter.lanes()}.
 */
package io.github.alertrouter.delivery;

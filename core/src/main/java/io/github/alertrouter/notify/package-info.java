/**
 * What the router says and to whom, and what became of it: a {@link
 * io.github.alertrouter.notify.Notification} with its links and reason, the resolved {@link
 * io.github.alertrouter.notify.Mention}s, a {@link io.github.alertrouter.notify.Delivery} waiting
 * for its robot, and the {@link io.github.alertrouter.notify.DeliveryListener} events and {@link
 * io.github.alertrouter.notify.LaneStatus} an application observes. How deliveries are made is the
 * closed {@code delivery} package.
 */
package io.github.alertrouter.notify;

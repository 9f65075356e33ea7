/**
 * What the router says and to whom: {@link io.github.alertrouter.notify.Notification}, resolved
 * {@link io.github.alertrouter.notify.Mention}s, mention planning and delivery.
 */
package io.github.alertrouter.notify;

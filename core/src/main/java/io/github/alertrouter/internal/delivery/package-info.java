/** Delivery internals: HTTP transport, dispatch queues, rate limiting, retries. */
package io.github.alertrouter.internal.delivery;

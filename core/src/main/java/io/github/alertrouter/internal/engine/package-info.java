/**
 * The router engine: the alert store, aggregation groups and their timers, the dedup decision,
 * and the flush that turns a group into deliveries.
 */
package io.github.alertrouter.internal.engine;

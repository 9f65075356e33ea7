/**
 * The router's state in PostgreSQL, shared by every instance given the same database: {@link
 * io.github.alertrouter.store.postgresql.PostgresStores} implements the seams of core's {@code
 * store} package (notification log, rate windows, escalation episodes, handoffs, used action
 * links, bindings) on one connection pool, with the schema migrated on start.
 */
package io.github.alertrouter.store.postgresql;

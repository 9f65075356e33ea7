/**
 * The router's state in PostgreSQL, shared by every instance given the same database: {@link
 * io.github.alertrouter.store.postgresql.PostgresStores} implements the seams of core's {@code
 * store} package (notification log, rate windows, escalation episodes, handoffs, used action
 * links, bindings, alerts, silences, the outbox) on one connection pool, with the schema migrated on start,
 * and {@code Fleet}: several instances on that database, one of them active by a lease.
 */
package io.github.alertrouter.store.postgresql;

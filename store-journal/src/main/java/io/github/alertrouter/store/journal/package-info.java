/**
 * The router's state on one node, durable in a directory: {@link
 * io.github.alertrouter.store.journal.JournalStores} implements the seams of core's {@code store}
 * package (alerts, notification log, rate windows, escalation episodes, handoffs, used action
 * links, bindings, run-time silences, each robot's outbox) as state in memory, mostly core's
 * in-memory stores, plus a write-ahead journal that each change is synced to before it returns,
 * and that is replayed into them at open. What {@code serve --storage.path} runs on.
 */
package io.github.alertrouter.store.journal;

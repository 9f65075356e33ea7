/**
 * Where a router keeps the state that must outlive it or be shared between routers: what each
 * robot's chat last received ({@link io.github.alertrouter.store.NotificationLog}), the deliveries
 * waiting for their robot ({@link io.github.alertrouter.store.Outbox}), each robot's rate window
 * ({@link io.github.alertrouter.store.RateWindows}), escalation episodes and acknowledgements
 * ({@link io.github.alertrouter.store.EscalationStore}), announced handoffs
 * ({@link io.github.alertrouter.store.HandoffLog}), used action tokens
 * ({@link io.github.alertrouter.store.UsedTokens}) and mobile-number bindings
 * ({@link io.github.alertrouter.store.BindingStore}).
 *
 * <p>Each seam has an in-memory implementation ({@code inMemory()}), the default of an embedded
 * router; a store module implements them all on one database so that several instances share one
 * state. One package, because a store implementation implements all of them together.
 */
package io.github.alertrouter.store;

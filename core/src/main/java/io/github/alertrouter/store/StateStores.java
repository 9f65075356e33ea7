package io.github.alertrouter.store;

/**
 * Every seam of a router's state, kept in one place (a database, a journal): what a store module
 * opens, and what {@code AlertRouter.Builder.stores} wires in one call. Bindings are the
 * {@code BindingService}'s, which a router is given built.
 */
public interface StateStores {
  NotificationLog notificationLog();

  RateWindows rateWindows();

  EscalationStore escalations();

  HandoffLog handoffs();

  UsedTokens usedTokens();

  BindingStore bindings();

  AlertStore alerts();

  SilenceStore silences();

  Outbox outbox();
}

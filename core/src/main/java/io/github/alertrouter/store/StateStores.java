package io.github.alertrouter.store;

/**
 * Every seam of a router's state, kept in one place (a database, a journal): what a store module
 * opens, and what {@code AlertRouter.Builder.stores} wires in one call. Bindings are the
 * {@code BindingService}'s, which a router is given built.
 */
public interface StateStores {
  /** What each robot's chat last received from each group: what dedup decides against. */
  NotificationLog notificationLog();

  /** Each robot's rate window and throttling penalty. */
  RateWindows rateWindows();

  /** Each group's escalation episode and acknowledgement. */
  EscalationStore escalations();

  /** Which on-call handoffs were announced. */
  HandoffLog handoffs();

  /** Which action tokens were used. */
  UsedTokens usedTokens();

  /** Who bound which mobile number, for the {@code BindingService}. */
  BindingStore bindings();

  /** The alerts by fingerprint. */
  AlertStore alerts();

  /** The silences added at run time. */
  SilenceStore silences();

  /** The deliveries waiting for their robot. */
  Outbox outbox();
}

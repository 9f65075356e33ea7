package io.github.alertrouter;

/**
 * What a router holds at one instant, for a status page or gauges: cheap enough to ask every few
 * seconds (one pass over the stored alerts).
 *
 * @param alerts alerts in the store: firing, and resolved ones not yet collected (Alertmanager
 *     keeps a resolved alert until its group has notified about it)
 * @param firingAlerts of those, the ones still firing
 * @param groups alert groups held (one per policy and set of grouping label values)
 * @param activeSilences silences in effect now (configured and added at run time)
 */
public record RouterStats(int alerts, int firingAlerts, int groups, int activeSilences) {}

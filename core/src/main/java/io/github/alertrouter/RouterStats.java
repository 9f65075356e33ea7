package io.github.alertrouter;

/**
 * What a router holds at one instant, for a status page or gauges: cheap enough to ask every few
 * seconds, whatever it holds (the router keeps these counts as they change; asking visits no
 * alert and no group).
 *
 * <p>A {@link io.github.alertrouter.store.Fleet fleet}'s active member counts the fleet's alerts,
 * those another member accepted from its next lease tick on; a standby holds no groups and counts
 * no alerts, so a sum over the fleet counts each alert once.
 *
 * @param alerts alerts in the store: firing, and resolved ones not yet collected (Alertmanager
 *     keeps a resolved alert until its group has notified about it)
 * @param firingAlerts of those, the ones still firing
 * @param groups alert groups held (one per policy and set of grouping label values)
 * @param activeSilences silences in effect now (configured and added at run time)
 * @param undeliveredNotices group notices to a robot that gave up and wait for their group's next
 *     flush, which sends them again (one per group and robot)
 */
public record RouterStats(int alerts, int firingAlerts, int groups, int activeSilences, int undeliveredNotices) {
  /** Stats without undelivered notices (the shape before they were counted). */
  public RouterStats(int alerts, int firingAlerts, int groups, int activeSilences) {
    this(alerts, firingAlerts, groups, activeSilences, 0);
  }
}

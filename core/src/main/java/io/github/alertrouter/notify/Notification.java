package io.github.alertrouter.notify;

import io.github.alertrouter.Alert;
import io.github.alertrouter.internal.text.GoStrings;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one alert group has to say at one flush: the alerts that fire and the ones that resolved,
 * the group's labels, why it is sent, and trusted links. Platform-neutral: a platform renders it
 * together with the mentions resolved for one robot. Immutable and thread-safe.
 *
 * @param policy the policy (route) name
 * @param groupKey the group's key (Alertmanager's format)
 * @param groupLabels the grouping labels and their values, in Go string order
 * @param reason why it is sent
 * @param firing alerts still firing, oldest first
 * @param resolved alerts that resolved, oldest first; empty unless the policy sends resolved
 *     notices
 * @param links trusted links (runbook, silence, acknowledge, ...), in button order
 * @param at the instant the notification is made (the flush time)
 * @param groups how many groups' notifications this one carries: 1, or more for a
 *     {@link NotifyReason#DIGEST}
 * @param reasonDetail what the reason alone does not say, or {@code null}: which escalation step
 *     ({@code "escalation step 2 of 3"}) for an {@link NotifyReason#ESCALATION}, who
 *     ({@code "acknowledged by alice"}) for an {@link NotifyReason#ACKNOWLEDGED} or
 *     {@link NotifyReason#UNACKNOWLEDGED}
 */
public record Notification(
    String policy,
    String groupKey,
    SortedMap<String, String> groupLabels,
    NotifyReason reason,
    List<Alert> firing,
    List<Alert> resolved,
    List<NotificationLink> links,
    Instant at,
    int groups,
    String reasonDetail) {

  /**
   * Who acknowledged, when the person gave no name (the claim page's default): kept in English in
   * {@link #reasonDetail} ({@code "acknowledged by someone"}), worded per robot in messages (有人已认领).
   */
  public static final String SOMEONE = "someone";

  /**
   * Copies the lists and sorts {@code groupLabels} in Go string order.
   *
   * @throws IllegalArgumentException if {@code groups} is below 1
   * @throws NullPointerException if a component other than {@code reasonDetail} is null
   */
  public Notification {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(groupKey, "groupKey");
    TreeMap<String, String> labels = new TreeMap<>(GoStrings.ORDER);
    labels.putAll(Objects.requireNonNull(groupLabels, "groupLabels"));
    groupLabels = Collections.unmodifiableSortedMap(labels);
    Objects.requireNonNull(reason, "reason");
    firing = List.copyOf(firing);
    resolved = List.copyOf(resolved);
    links = List.copyOf(links);
    Objects.requireNonNull(at, "at");
    if (groups < 1) {
      throw new IllegalArgumentException("groups must be >= 1, but was " + groups);
    }
  }

  /** A notification that is not an escalation. */
  public Notification(
      String policy, String groupKey, SortedMap<String, String> groupLabels, NotifyReason reason,
      List<Alert> firing, List<Alert> resolved, List<NotificationLink> links, Instant at, int groups) {
    this(policy, groupKey, groupLabels, reason, firing, resolved, links, at, groups, null);
  }

  /** This notification as escalation step {@code step} (its description). */
  public Notification asEscalation(String step) {
    return new Notification(policy, groupKey, groupLabels, NotifyReason.ESCALATION, firing, resolved, links, at,
        groups, Objects.requireNonNull(step, "step"));
  }

  /** This notification as the news that {@code who} acknowledged the group, or withdrew that. */
  public Notification asAcknowledgement(boolean acknowledged, String who) {
    NotifyReason r = acknowledged ? NotifyReason.ACKNOWLEDGED : NotifyReason.UNACKNOWLEDGED;
    return new Notification(policy, groupKey, groupLabels, r, firing, resolved, links, at, groups,
        r.description() + " by " + Objects.requireNonNull(who, "who"));
  }

  /** This notification with {@code more} links after its own (a robot's action links). */
  public Notification withLinks(List<NotificationLink> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<NotificationLink> all = new java.util.ArrayList<>(links);
    all.addAll(more);
    return new Notification(policy, groupKey, groupLabels, reason, firing, resolved, all, at, groups, reasonDetail);
  }

  /**
   * The reason as messages show it: its {@link #reasonDetail} when it has one (which says the
   * reason too: {@code "escalation step 2 of 3"}, {@code "acknowledged by alice"}).
   */
  public String reasonText() {
    return reasonDetail == null ? reason.description() : reasonDetail;
  }

  /** A notification for one group. */
  public static Notification of(
      String policy, String groupKey, SortedMap<String, String> groupLabels, NotifyReason reason,
      List<Alert> firing, List<Alert> resolved, List<NotificationLink> links, Instant at) {
    return new Notification(policy, groupKey, groupLabels, reason, firing, resolved, links, at, 1);
  }

  /** Whether every alert in it has resolved: the "resolved" look rather than the "firing" one. */
  public boolean isResolved() {
    return firing.isEmpty();
  }

  /** Whether it is the {@link NotifyReason#DIGEST} of several queued notifications. */
  public boolean isDigest() {
    return reason == NotifyReason.DIGEST;
  }

  /** How many alerts it carries. */
  public int alertCount() {
    return firing.size() + resolved.size();
  }
}

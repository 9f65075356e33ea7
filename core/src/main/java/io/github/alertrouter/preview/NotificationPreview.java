package io.github.alertrouter.preview;

import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.OutboundMessage;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One notification the router would send to one robot: which group, why, when, who it @s (with
 * the identity used, or why not), and each message exactly as the platform would receive it.
 * Immutable.
 *
 * @param policy the policy (route) name
 * @param groupKey the group's key
 * @param groupLabels the group's labels
 * @param reason why it is sent
 * @param firing how many firing alerts it carries
 * @param resolved how many resolved alerts it carries
 * @param sendAt when it would be sent (the group's first notice: after groupWait)
 * @param escalationStep the escalation step, or {@code null} (escalation comes in a later version)
 * @param robot the robot id
 * @param platform the robot's platform id
 * @param mentions who it @s, as the platform resolved them
 * @param messages the messages; empty when {@code error} is set
 * @param error why nothing can be sent (no platform module, a broken template), or {@code null}
 * @param escalationPlan the policy's escalation firings if nobody acknowledges and nothing
 *     resolves, in order (empty without an escalation policy)
 */
public record NotificationPreview(
    String policy, String groupKey, SortedMap<String, String> groupLabels, NotifyReason reason, int firing,
    int resolved, Instant sendAt, Integer escalationStep, String robot, String platform, List<Mention> mentions,
    List<OutboundMessage> messages, String error, List<PlannedEscalation> escalationPlan) {
  /**
   * Copies the lists.
   *
   * @throws NullPointerException if {@code groupKey}, {@code reason} or a list is null
   */
  public NotificationPreview {
    Objects.requireNonNull(groupKey, "groupKey");
    Objects.requireNonNull(reason, "reason");
    mentions = List.copyOf(mentions);
    messages = List.copyOf(messages);
    escalationPlan = List.copyOf(escalationPlan);
  }

  /**
   * One planned escalation firing.
   *
   * @param at when it would fire
   * @param step its description ({@code "escalation step 1 of 2 (repeat 1 of 1)"})
   * @param when {@code UNACKED} or {@code UNRESOLVED}
   * @param targets its mention targets (YAML {@code notify})
   * @param robots its robots (the policy's when the step names none)
   */
  public record PlannedEscalation(Instant at, String step, String when, List<String> targets, List<String> robots) {
    /** Copies the lists; neither may be null. */
    public PlannedEscalation {
      targets = List.copyOf(targets);
      robots = List.copyOf(robots);
    }
  }
}

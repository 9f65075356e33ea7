package io.github.alertrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code GET /api/v1/status} document:
 *
 * <pre>{@code
 * {"now": T, "policies": [NAME], "robots": [{"id": ID, "platform": P}],
 *  "onCall": [{"schedule": ID, "contacts": [{"contact": ID, "name": NAME, "source": SOURCE}]}],
 *  "router": {"alerts": N, "firingAlerts": N, "groups": N, "activeSilences": N, "undeliveredNotices": N,
 *             "active": true|false},
 *  "lanes": [{"robot": ID, "pending": N, "penaltyEnds": T|null}]}
 * }</pre>
 *
 * Robots are listed by id and platform only: a webhook URL carries its access token, and the
 * document never holds one. Stateless.
 */
final class ServeStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServeStatus() {}

  static String of(ReceiverServer.Running running, Instant now) {
    RouterConfig config = running.config();
    ObjectNode root = JSON.createObjectNode();
    root.put("now", now.toString());
    ArrayNode policies = root.putArray("policies");
    for (NotificationPolicy policy : config.notificationPolicies()) {
      policies.add(policy.name());
    }
    ArrayNode robots = root.putArray("robots");
    for (Robot robot : config.robots()) {
      robots.addObject().put("id", robot.id()).put("platform", robot.platform());
    }
    Map<String, String> names = new HashMap<>();
    for (Contact contact : config.contacts()) {
      names.put(contact.id(), contact.name());
    }
    ArrayNode onCall = root.putArray("onCall");
    for (Schedule schedule : config.schedules()) {
      ObjectNode entry = onCall.addObject().put("schedule", schedule.id());
      ArrayNode contacts = entry.putArray("contacts");
      for (OnDuty duty : OnCallSchedule.of(schedule).onCall(now)) {
        contacts.addObject().put("contact", duty.contactId())
            .put("name", names.getOrDefault(duty.contactId(), duty.contactId()))
            .put("source", duty.source());
      }
    }
    RouterStats stats = running.router().stats();
    root.putObject("router")
        .put("alerts", stats.alerts())
        .put("firingAlerts", stats.firingAlerts())
        .put("groups", stats.groups())
        .put("activeSilences", stats.activeSilences())
        .put("undeliveredNotices", stats.undeliveredNotices())
        .put("active", running.router().active());
    // what waits in each robot's lane, and a platform penalty holding it: kept, sent when it ends
    ArrayNode lanes = root.putArray("lanes");
    for (LaneStatus lane : running.router().lanes()) {
      lanes.addObject().put("robot", lane.robotId()).put("pending", lane.pending())
          .put("penaltyEnds", lane.penaltyEnds() == null ? null : lane.penaltyEnds().toString());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}

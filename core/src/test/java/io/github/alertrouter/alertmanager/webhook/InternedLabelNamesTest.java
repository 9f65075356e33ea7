package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.route.RoutingTree;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Routing looks up every label name of an alert, and its name table holds interned strings, so
 * that a name read from a payload is found by the identity check before any bytes are compared
 * ({@link RoutingTree}). That only pays off if the payload reader hands out interned names.
 */
class InternedLabelNamesTest {

  @Test
  void labelNamesReadFromAPayloadAreInterned() {
    String body = """
        {"version":"4","status":"firing","receiver":"r","groupLabels":{},"commonLabels":{},
         "commonAnnotations":{},"externalURL":"","groupKey":"{}:{}","truncatedAlerts":0,
         "alerts":[{"status":"firing","labels":{"alertname":"DiskFull","team_%s":"pay%s"},
                    "annotations":{},"startsAt":"2026-01-02T03:04:05Z","endsAt":"0001-01-01T00:00:00Z",
                    "generatorURL":"","fingerprint":""}]}
        """.formatted(System.nanoTime(), System.nanoTime()); // names no other code interned yet

    Alert alert = WebhookCodec.create().parse(body.getBytes(StandardCharsets.UTF_8)).toAlerts().get(0);

    // alertname, team_…, and the receiver's label (a constant, so interned as well)
    assertThat(alert.labels()).hasSize(3).containsKey(WebhookPayload.RECEIVER_LABEL);
    for (String name : alert.labels().keySet()) {
      // an equal string built here finds the parsed instance in the JVM's table only if the
      // reader interned it (otherwise intern() would enter this copy and return it)
      assertThat(new String(name.toCharArray()).intern()).isSameAs(name);
    }
  }
}

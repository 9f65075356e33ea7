package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a webhook brings besides its alerts, through {@code AlertRouter.submitAlertmanager}: the
 * receiver a policy can match ({@code __receiver__}), and Grafana's payloads routed like
 * Alertmanager's.
 */
class WebhookIntakeScenariosTest {
  /** One policy per receiver, as an alertmanager.yml with a receiver per team becomes. */
  private static final String BY_RECEIVER = """
      notificationPolicies:
        - name: team-x
          matchingRules: [ { conditions: [ { key: __receiver__, op: eq, value: team-x } ] } ]
          groupRule: { groupWait: 30s, groupingFields: [] }
          notifyRule: { robots: [ops] }
          repeatInterval: 4h
        - name: team-y
          matchingRules: [ { conditions: [ { key: __receiver__, op: eq, value: team.y } ] } ]
          groupRule: { groupWait: 30s, groupingFields: [alertname] }
          notifyRule: { robots: [dev] }
          repeatInterval: 4h
      """;

  private RouterFixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.router.close();
    }
  }

  /** An Alertmanager 0.25 body for {@code receiver} (as sent: QuoteMeta-escaped) with one firing alert. */
  private static byte[] webhook(String receiver, String alertname) {
    return webhook(receiver, alertname, "");
  }

  private static byte[] webhook(String receiver, String alertname, String externalUrl) {
    return ("{\"receiver\":\"" + receiver + "\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
        + "\"labels\":{\"alertname\":\"" + alertname + "\"},\"annotations\":{},\"startsAt\":\"2026-03-09T00:59:00Z\","
        + "\"endsAt\":\"0001-01-01T00:00:00Z\",\"generatorURL\":\"\",\"fingerprint\":\"0000000000000001\"}],"
        + "\"groupLabels\":{},\"commonLabels\":{},\"commonAnnotations\":{},\"externalURL\":\"" + externalUrl + "\",\"version\":\"4\","
        + "\"groupKey\":\"{}:{}\",\"truncatedAlerts\":0}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPolicyMatchesTheReceiverThePayloadWasSentTo() {
    f = new RouterFixture(BY_RECEIVER);

    f.router.submitAlertmanager(webhook("team-x", "DiskFull"));
    f.router.submitAlertmanager(webhook("team\\\\.y", "CpuHigh")); // "team.y" as Alertmanager escapes it
    f.router.submitAlertmanager(webhook("team-z", "Nobody"));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops")).singleElement().satisfies(m -> assertThat(m.firing()).containsExactly("DiskFull"));
    assertThat(f.messages("dev")).singleElement().satisfies(m -> assertThat(m.firing()).containsExactly("CpuHigh"));
    assertThat(f.messages("ops").get(0).notification().firing().get(0).label(WebhookPayload.RECEIVER_LABEL))
        .isEqualTo("team-x");
  }

  @Test
  void theSameAlertSentToTwoReceiversIsTwoAlertsAsInAlertmanager() {
    f = new RouterFixture(BY_RECEIVER);

    f.router.submitAlertmanager(webhook("team-x", "DiskFull"));
    f.router.submitAlertmanager(webhook("team\\\\.y", "DiskFull"));
    f.router.submitAlertmanager(webhook("team-x", "DiskFull")); // Alertmanager's repeat: the same alert again
    f.advance(Duration.ofSeconds(30));

    assertThat(f.router.stats().alerts()).isEqualTo(2);
    assertThat(f.messages("ops")).hasSize(1);
    assertThat(f.messages("dev")).hasSize(1);
  }

  @Test
  void eachAlertKeepsTheSendersUrlAsAnInternalAnnotationThatChangesNothingElse() {
    f = new RouterFixture(BY_RECEIVER);

    f.router.submitAlertmanager(webhook("team-x", "DiskFull", "http://am.example:9093"));
    f.router.submitAlertmanager(webhook("team-x", "DiskFull", "http://am-2.example:9093")); // the same alert
    f.router.submitAlertmanager(webhook("team-x", "CpuHigh", "javascript:alert(1)"));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.router.stats().alerts()).isEqualTo(2);
    assertThat(f.messages("ops")).singleElement().satisfies(m -> {
      assertThat(m.notification().firing()).extracting(a -> a.annotations().get(WebhookPayload.EXTERNAL_URL_ANNOTATION))
          .containsExactlyInAnyOrder("http://am-2.example:9093", null);
    });
  }

  @Test
  void aGrafanaPayloadRoutesLikeAnyOtherAndKeepsItsLinks() throws Exception {
    f = new RouterFixture("""
        notificationPolicies:
          - name: payments
            matchingRules: [ { conditions: [ { key: team, op: eq, value: payments },
                                             { key: __receiver__, op: eq, value: dingtalk-payments } ] } ]
            groupRule: { groupWait: 30s, groupingFields: [alertname] }
            notifyRule: { robots: [ops] }
            repeatInterval: 4h
        """);
    byte[] grafana = Files.readAllBytes(Path.of("src", "test", "resources", "grafana", "firing.json"));

    f.router.submitAlertmanager(grafana);
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops")).singleElement().satisfies(m -> {
      assertThat(m.firing()).containsExactly("HighCPU");
      assertThat(m.notification().firing().get(0).annotations())
          .containsEntry("grafana_values", "A=93.5 B=1")
          .containsKeys("grafana_dashboardURL", "grafana_panelURL", "grafana_silenceURL", "grafana_imageURL");
    });
  }
}

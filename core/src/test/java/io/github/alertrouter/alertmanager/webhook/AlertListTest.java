package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AlertListTest {
  private final WebhookCodec codec = WebhookCodec.create();

  @Test
  void readsPostableAlertsWithoutStatusOrStart() {
    List<WebhookAlert> alerts = codec.parseAlertList("""
        [ { "labels": { "alertname": "A", "team": "payments" }, "annotations": { "summary": "s" },
            "startsAt": "2026-03-08T01:59:30.5Z", "generatorURL": "http://g" },
          { "labels": { "alertname": "B" }, "endsAt": "2026-03-08T02:00:00Z" },
          { "labels": { "alertname": "C" }, "endsAt": "0001-01-01T00:00:00Z", "unknown": [1, 2] } ]
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(alerts).extracting(WebhookAlert::status)
        .containsExactly(WebhookStatus.FIRING, WebhookStatus.RESOLVED, WebhookStatus.FIRING);
    assertThat(alerts.get(0).alert().startsAt()).isEqualTo(Instant.parse("2026-03-08T01:59:30.5Z"));
    assertThat(alerts.get(0).alert().annotations()).containsEntry("summary", "s");
    assertThat(alerts.get(1).alert().startsAt()).isNull();
    assertThat(alerts.get(1).alert().endsAt()).isEqualTo(Instant.parse("2026-03-08T02:00:00Z"));
    assertThat(alerts.get(2).alert().endsAt()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not an array       | {\"alerts\": []}                                  | ''",
      "no labels          | [ {\"annotations\": {}} ]                         | /0/labels",
      "empty labels       | [ {\"labels\": {}} ]                              | /0/labels",
      "bad time           | [ {\"labels\": {\"a\": \"b\"}, \"startsAt\": \"x\"} ] | /0/startsAt",
      "second element     | [ {\"labels\": {\"a\": \"b\"}}, 7 ]                 | /1",
      "label name a space | [ {\"labels\": {\"my label\": \"b\"}} ]            | /0/labels/my label",
      "annotation name    | [ {\"labels\": {\"a\": \"b\"}, \"annotations\": {\"a-b\": \"c\"}} ] | /0/annotations/a-b",
      "trailing garbage   | [] []                                             | ''"})
  void refusesMalformedListsWithThePointer(String name, String body, String pointer) {
    assertThatThrownBy(() -> codec.parseAlertList(body.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.pointer()).isEqualTo(pointer));
  }

  @Test
  void appliesTheAlertLimit() {
    WebhookCodec small = WebhookCodec.create(new WebhookLimits(1024, 2));
    byte[] body = "[{\"labels\":{\"a\":\"1\"}},{\"labels\":{\"a\":\"2\"}},{\"labels\":{\"a\":\"3\"}}]"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> small.parseAlertList(body))
        .isInstanceOfSatisfying(PayloadException.class, e -> assertThat(e.pointer()).isEqualTo("/2"))
        .hasMessageContaining("more than 2 alerts");
  }
}

package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.RouterStats;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ServeMetricsTest {
  private static final Instant T = Instant.parse("2026-03-09T10:00:00Z");

  // the text format 0.0.4, line by line: comments, or name{labels} value
  private static final Pattern HELP_OR_TYPE =
      Pattern.compile("# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram))");
  private static final Pattern SAMPLE = Pattern.compile(
      "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\""
          + "(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*\\})? -?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  private static DeliveryEvent event(String robot, SendResult result) {
    return new DeliveryEvent(T, robot, "dingtalk", "payments", "{}:{}", NotifyReason.FIRST_NOTIFICATION,
        1, 1, 100, 1, result, List.of());
  }

  @Test
  void countsDeliveriesPerRobotAndKindAndReadsGaugesFromTheRouter() {
    ServeMetrics metrics = new ServeMetrics(T);
    metrics.sent(event("ops", SendResult.sent()));
    metrics.sent(event("ops", SendResult.sent()));
    metrics.retrying(event("ops", new SendResult.Retryable(FailureKind.RATE_LIMITED, "130101", "slow down", null)),
        Duration.ofSeconds(1));
    metrics.failed(event("dev", new SendResult.Permanent(FailureKind.SIGNATURE_REJECTED, "310000", "sign not match")));
    metrics.merged("ops", 3);
    metrics.sent(event("ops", new SendResult.Sent(List.of(Mention.all(new MentionTarget(MentionTarget.Kind.ALL, ""))), "group allows only admins to @all (11235)")));
    metrics.alertsReceived("/api/v1/alertmanager", 5);
    metrics.response("/api/v1/alertmanager", 200);
    metrics.response("/wp-login.php", 404);
    metrics.response("/actions/abc123", 404);

    String text = metrics.scrape(new RouterStats(7, 4, 2, 1));

    assertThat(text.lines()).contains(
        "alert_router_messages_sent_total{robot=\"ops\",platform=\"dingtalk\"} 3",
        "alert_router_mentions_withheld_total{robot=\"ops\",platform=\"dingtalk\"} 1",
        "alert_router_message_retries_total{robot=\"ops\",platform=\"dingtalk\",kind=\"RATE_LIMITED\"} 1",
        "alert_router_messages_failed_total{robot=\"dev\",platform=\"dingtalk\",kind=\"SIGNATURE_REJECTED\"} 1",
        "alert_router_notifications_merged_total{robot=\"ops\"} 3",
        "alert_router_alerts_received_total{endpoint=\"/api/v1/alertmanager\"} 5",
        "alert_router_http_responses_total{endpoint=\"/api/v1/alertmanager\",code=\"200\"} 1",
        "alert_router_http_responses_total{endpoint=\"other\",code=\"404\"} 1", // paths never become labels
        "alert_router_http_responses_total{endpoint=\"/actions\",code=\"404\"} 1",
        "alert_router_alerts{state=\"firing\"} 4",
        "alert_router_alerts{state=\"resolved\"} 3",
        "alert_router_groups 2",
        "alert_router_silences_active 1",
        "alert_router_config_last_reload_successful 1",
        "alert_router_config_last_reload_success_timestamp_seconds " + T.getEpochSecond());
    assertThat(text).doesNotContain("wp-login");
    assertWellFormed(text);
  }

  @Test
  void showsWhatWaitsInEachRobotsLaneWhatGaveUpAndWhatAMessageLeftOut() {
    ServeMetrics metrics = new ServeMetrics(T);
    metrics.omitted("ops", null, 250);
    metrics.omitted("ops", null, 30);

    String text = metrics.scrape(new RouterStats(7, 4, 2, 1, 3), List.of(
        new LaneStatus("ops", 12, T.plusSeconds(540)), new LaneStatus("dev", 0, null)), T, false);

    assertThat(text.lines()).contains(
        "alert_router_leases_held 0",
        "alert_router_alerts_omitted_total{robot=\"ops\"} 280",
        "alert_router_notices_undelivered 3",
        "alert_router_robot_queued_deliveries{robot=\"dev\"} 0",
        "alert_router_robot_queued_deliveries{robot=\"ops\"} 12",
        "alert_router_robot_penalty_seconds{robot=\"dev\"} 0",
        "alert_router_robot_penalty_seconds{robot=\"ops\"} 540");
    assertWellFormed(text);
  }

  @Test
  void aRefusedReloadShowsUntilOneSucceeds() {
    ServeMetrics metrics = new ServeMetrics(T);
    metrics.reloaded(false, T.plusSeconds(60));
    String refused = metrics.scrape(new RouterStats(0, 0, 0, 0));
    assertThat(refused.lines()).contains("alert_router_config_last_reload_successful 0",
        "alert_router_config_last_reload_success_timestamp_seconds " + T.getEpochSecond());

    metrics.reloaded(true, T.plusSeconds(120));
    assertThat(metrics.scrape(new RouterStats(0, 0, 0, 0)).lines()).contains(
        "alert_router_config_last_reload_successful 1",
        "alert_router_config_last_reload_success_timestamp_seconds " + T.plusSeconds(120).getEpochSecond());
  }

  @Test
  void labelValuesAreEscaped() {
    String text = new PrometheusText().metric("m", "gauge", "a \\ help\nline")
        .sample("m", 1, "robot", "a\"b\\c\nd").text();
    assertThat(text).isEqualTo("# HELP m a \\\\ help\\nline\n# TYPE m gauge\nm{robot=\"a\\\"b\\\\c\\nd\"} 1\n");
    assertWellFormed(text);
  }

  static void assertWellFormed(String text) {
    assertThat(text).endsWith("\n");
    for (String line : text.split("\n")) {
      assertThat(HELP_OR_TYPE.matcher(line).matches() || SAMPLE.matcher(line).matches())
          .as("exposition line: %s", line).isTrue();
    }
  }
}

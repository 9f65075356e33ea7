package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hand-made edge-case payloads in fixtures/payloads. */
class HandMadePayloadsTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();

  @Test
  void version3HasNoGroupKeyFingerprintOrTruncation() {
    WebhookPayload v3 = parse("v3-minimal.json");

    assertThat(v3.version()).isEqualTo("3");
    assertThat(v3.groupKey()).isNull();
    assertThat(v3.truncatedAlerts()).isZero();
    assertThat(v3.receiver()).isEqualTo("ops");
    assertThat(v3.alerts()).singleElement().satisfies(a -> {
      assertThat(a.fingerprint()).isNull();
      assertThat(a.fingerprintMatches()).isFalse();
      assertThat(a.status()).isEqualTo(WebhookStatus.FIRING);
      assertThat(a.alert().endsAt()).isNull();
      assertThat(a.alert().startsAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
      assertThat(a.alert().generatorURL()).isEmpty();
      assertThat(a.alert().annotations()).containsEntry("summary", "disk /var/lib/pg_data 95% full_now *critical* `df`");
    });
  }

  @Test
  void groupLabelsNeedNotBeASubsetOfCommonLabels() {
    WebhookPayload v3 = parse("v3-minimal.json");

    assertThat(v3.groupLabels()).containsEntry("instance", "db-1:9100");
    assertThat(v3.commonLabels()).doesNotContainKey("instance");
  }

  @Test
  void version3IsWrittenAsVersion4WithComputedFingerprints() {
    WebhookPayload v3 = parse("v3-minimal.json");

    String written = new String(CODEC.write(v3), StandardCharsets.UTF_8);
    WebhookPayload reread = CODEC.parse(written.getBytes(StandardCharsets.UTF_8));

    assertThat(written).contains("\"version\":\"4\",\"groupKey\":\"\",\"truncatedAlerts\":0}\n");
    assertThat(reread.alerts().get(0).fingerprintMatches()).isTrue();
    assertThat(reread.toAlerts()).isEqualTo(v3.toAlerts());
  }

  @Test
  void unknownMembersAreIgnoredAtEveryLevel() {
    WebhookPayload v4 = parse("v4-mixed-cjk.json");

    assertThat(v4.version()).isEqualTo("4");
    assertThat(v4.receiver()).isEqualTo("payments\\.dingtalk");
    assertThat(v4.receiverName()).isEqualTo("payments.dingtalk");
    assertThat(v4.groupKey()).isEqualTo("{}/{team=\"payments\"}:{alertname=\"接口错误率过高\", cluster=\"prod-hz\"}");
    assertThat(v4.groupLabels()).containsExactly(
        java.util.Map.entry("alertname", "接口错误率过高"), java.util.Map.entry("cluster", "prod-hz"));
    assertThat(v4.alerts()).hasSize(2);
  }

  @Test
  void mentionInjectionStringsAreKeptVerbatimAsData() {
    Alert firing = parse("v4-mixed-cjk.json").alerts().get(0).alert();

    assertThat(firing.annotations().get("summary"))
        .isEqualTo("pay_api 5xx 比例 12.5% > 5% (*P1*) @all <at user_id=\"all\"></at> <@all>");
    assertThat(firing.label("owner")).isEqualTo("13800000001");
    assertThat(firing.label("alertname")).isEqualTo("接口错误率过高");
    assertThat(firing.startsAt()).isEqualTo(Instant.parse("2026-03-08T01:59:30.123Z"));
    assertThat(firing.endsAt()).isNull();
  }

  @Test
  void fakeFingerprintsAreKeptButDoNotMatch() {
    WebhookPayload v4 = parse("v4-mixed-cjk.json");

    assertThat(v4.alerts()).extracting(WebhookAlert::fingerprint)
        .containsExactly("a1b2c3d4e5f60718", "0f1e2d3c4b5a6978");
    assertThat(v4.alerts()).allSatisfy(a -> {
      assertThat(a.fingerprintMatches()).isFalse();
      assertThat(a.computedFingerprint()).isEqualTo(a.alert().fingerprint());
    });
    // The writer keeps what was sent rather than silently "correcting" it.
    assertThat(new String(CODEC.write(v4), StandardCharsets.UTF_8)).contains("\"fingerprint\":\"a1b2c3d4e5f60718\"");
  }

  @Test
  void resolvedAlertKeepsItsEnd() {
    WebhookAlert resolved = parse("v4-mixed-cjk.json").alerts().get(1);

    assertThat(resolved.status()).isEqualTo(WebhookStatus.RESOLVED);
    assertThat(resolved.alert().endsAt()).isEqualTo(Instant.parse("2026-03-08T02:04:00Z"));
  }

  @Test
  void writingEscapesHtmlAndKeepsCjkRaw() {
    String written = new String(CODEC.write(parse("v4-mixed-cjk.json")), StandardCharsets.UTF_8);

    assertThat(written)
        .contains("\"summary\":\"pay_api 5xx 比例 12.5% \\u003e 5% (*P1*) @all \\u003cat user_id=\\\"all\\\"\\u003e"
            + "\\u003c/at\\u003e \\u003c@all\\u003e\"")
        .doesNotContain("routeLabels", "notification_reason", "someFutureField")
        .endsWith("}\n");
  }

  private static WebhookPayload parse(String name) {
    return CODEC.parse(Fixtures.read(Fixtures.resource("fixtures/payloads/" + name)));
  }
}

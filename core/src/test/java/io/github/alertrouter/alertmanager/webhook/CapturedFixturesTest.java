package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every payload a real Alertmanager 0.25 sent us: it parses, and writes back to the same bytes. */
class CapturedFixturesTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();

  static Stream<Arguments> captures() {
    return Fixtures.rawCaptures().stream()
        .map(f -> Arguments.of(Named.of(Fixtures.name(f), f)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void writingAParsedCaptureGivesBackTheExactBytes(Path capture) {
    byte[] raw = Fixtures.read(capture);

    byte[] written = CODEC.write(CODEC.parse(raw));

    assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(new String(raw, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(written).isEqualTo(raw);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void everySentFingerprintEqualsTheComputedOne(Path capture) {
    WebhookPayload payload = CODEC.parse(Fixtures.read(capture));

    assertThat(payload.alerts()).isNotEmpty().allSatisfy(a -> {
      assertThat(a.fingerprint()).isEqualTo(a.alert().fingerprint().toString());
      assertThat(a.fingerprintMatches()).isTrue();
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void envelopeFollowsAlertmanagerRules(Path capture) {
    WebhookPayload payload = CODEC.parse(Fixtures.read(capture));

    assertThat(payload.version()).isEqualTo("4");
    assertThat(payload.externalURL()).isEqualTo("http://127.0.0.1:19093");
    assertThat(payload.receiver()).isEqualTo(QuoteMeta.quote(payload.receiverName()));
    // groupKey is "<route key>:<group labels>" with the group labels in Go %q form.
    assertThat(payload.groupKey()).startsWith("{}").endsWith(groupLabelsText(payload.groupLabels()));
    // The group fires while any of its alerts fires.
    boolean anyFiring = payload.alerts().stream().anyMatch(a -> a.status() == WebhookStatus.FIRING);
    assertThat(payload.status()).isEqualTo(anyFiring ? WebhookStatus.FIRING : WebhookStatus.RESOLVED);
    // A firing alert arrives with Go's zero endsAt (read as null), a resolved one with its end.
    assertThat(payload.alerts()).allSatisfy(a -> assertThat(a.alert().endsAt() == null)
        .isEqualTo(a.status() == WebhookStatus.FIRING));
    assertThat(payload.alerts()).allSatisfy(a -> assertThat(a.alert().labels())
        .containsAllEntriesOf(payload.commonLabels()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void prettyPrintedCopyParsesToTheSamePayload(Path capture) {
    Path pretty = capture.resolveSibling(capture.getFileName().toString().replace(".raw", ".json"));

    WebhookPayload fromRaw = CODEC.parse(Fixtures.read(capture));
    WebhookPayload fromStream = CODEC.parse(new ByteArrayInputStream(Fixtures.read(pretty)));

    assertThat(fromStream).isEqualTo(fromRaw);
  }

  @Test
  void receiverIsKeptQuoteMetaEscaped() {
    WebhookPayload cjk = parse("b-cjk-markdown/001.raw");
    WebhookPayload dflt = parse("a-two-instances/001.raw");

    assertThat(cjk.receiver()).isEqualTo("ops\\.钉钉\\[告警\\]");
    assertThat(cjk.receiverName()).isEqualTo("ops.钉钉[告警]");
    assertThat(dflt.receiver()).isEqualTo("java-sdk\\.default");
    assertThat(dflt.receiverName()).isEqualTo("java-sdk.default");
  }

  @Test
  void cjkAndMarkdownArriveVerbatim() {
    WebhookPayload payload = parse("b-cjk-markdown/001.raw");

    assertThat(payload.groupKey()).isEqualTo("{}:{alertname=\"磁盘空间不足\", service=\"支付*网关_v2\"}");
    Alert first = payload.alerts().get(0).alert();
    assertThat(first.annotations().get("summary"))
        .isEqualTo("【严重】磁盘 *sda1* 使用率 > 95%，请 @all 处理 _立即_ `df -h` [runbook] <b>紧急</b> & 回滚");
    assertThat(payload.alerts().get(1).alert().annotations().get("description"))
        .contains("引号 \"double\" 'single' 反斜杠 \\ 制表\t结束");
  }

  @Test
  void maxAlertsTruncationIsReported() {
    WebhookPayload truncated = parse("d-max-alerts/002.raw");

    assertThat(truncated.truncatedAlerts()).isEqualTo(3);
    assertThat(truncated.alerts()).hasSize(2)
        .allSatisfy(a -> assertThat(a.status()).isEqualTo(WebhookStatus.FIRING));
    // commonLabels describes only the alerts that were kept.
    assertThat(truncated.commonLabels()).containsEntry("rack", "r1");
  }

  @Test
  void partialResolveKeepsTheGroupFiring() {
    WebhookPayload mixed = parse("e-partial-resolve/002.raw");

    assertThat(mixed.status()).isEqualTo(WebhookStatus.FIRING);
    assertThat(mixed.alerts()).extracting(WebhookAlert::status)
        .containsExactly(WebhookStatus.RESOLVED, WebhookStatus.FIRING);
    Alert resolved = mixed.alerts().get(0).alert();
    assertThat(resolved.endsAt()).isNotNull().isAfter(resolved.startsAt());
    assertThat(resolved.isResolvedAt(resolved.endsAt())).isTrue();
    assertThat(mixed.alerts().get(1).alert().endsAt()).isNull();
  }

  private static WebhookPayload parse(String capture) {
    return CODEC.parse(Fixtures.read(Fixtures.resource("fixtures/alertmanager-0.25/" + capture)));
  }

  /** Alertmanager's rendering of group labels: sorted, Go %q values, ", " between pairs. */
  private static String groupLabelsText(Map<String, String> labels) {
    StringBuilder b = new StringBuilder("{");
    labels.forEach((k, v) -> {
      if (b.length() > 1) {
        b.append(", ");
      }
      b.append(k).append("=\"").append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    });
    return b.append('}').toString();
  }
}

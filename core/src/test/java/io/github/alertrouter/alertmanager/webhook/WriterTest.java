package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;

import io.github.alertrouter.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Writing version 4 bodies the way Go's encoding/json writes them. */
class WriterTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();
  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");

  @Test
  void escapesStringsExactlyAsGo119() {
    // The Java string that Go's reference program (webhook/go-escaping/main.go.txt) marshals.
    StringBuilder s = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      s.append(c);
    }
    s.append("\u2028\u2029\ufffd中文😀é\u007f");
    String expected = new String(
        Fixtures.read(Fixtures.resource("webhook/go-escaping/expected.json")), StandardCharsets.UTF_8);

    String written = write(alert(Map.of("s", s.toString()), null));

    // expected is {"s":"..."}; the same member appears as the alert's only annotation.
    assertThat(written).contains("\"annotations\":" + expected + ",");
  }

  @Test
  void loneSurrogateIsWrittenAsReplacementCharacterLikeGo() {
    String written = write(alert(Map.of("s", "a\ud800b"), null));

    assertThat(written).contains("\"s\":\"a\ufffdb\"");
  }

  @Test
  void mapKeysAreSortedInUtf8ByteOrderAsGoSortsThem() {
    // UTF-16 order puts the emoji (a surrogate pair) before U+FFFD; UTF-8 byte order does not.
    // (An Alert's names are ASCII, as Alertmanager requires; a payload's common maps are not checked.)
    WebhookPayload payload = new WebhookPayload("r", WebhookStatus.FIRING,
        List.of(WebhookAlert.of(alert(Map.of(), null))), Map.of(), Map.of(),
        new TreeMap<>(Map.of("😀", "1", "\ufffd", "2", "a", "3")), "", "4", "", 0);
    String written = new String(CODEC.write(payload), StandardCharsets.UTF_8);

    assertThat(written).contains("\"commonAnnotations\":{\"a\":\"3\",\"\ufffd\":\"2\",\"😀\":\"1\"}");
  }

  static Stream<Arguments> times() {
    return Stream.of(
        Arguments.of(named("whole seconds", Instant.parse("2026-11-25T08:05:47Z")), "2026-11-25T08:05:47Z"),
        Arguments.of(named("trailing zeros trimmed", Instant.parse("2026-11-25T08:05:47.080Z")), "2026-11-25T08:05:47.08Z"),
        Arguments.of(named("milliseconds", Instant.parse("2026-11-25T08:05:47.444Z")), "2026-11-25T08:05:47.444Z"),
        Arguments.of(named("nanoseconds", Instant.parse("2026-11-25T08:05:47.000000001Z")), "2026-11-25T08:05:47.000000001Z"),
        Arguments.of(named("tenths", Instant.parse("2026-11-25T08:05:47.5Z")), "2026-11-25T08:05:47.5Z"),
        Arguments.of(named("year 1", Instant.parse("0001-01-01T00:00:01Z")), "0001-01-01T00:00:01Z"),
        Arguments.of(named("year 9999", Instant.parse("9999-12-31T23:59:59.999999999Z")), "9999-12-31T23:59:59.999999999Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("times")
  void writesTimesInGoRfc3339NanoForm(Instant endsAt, String text) {
    Alert alert = Alert.firing(Map.of("a", "b")).startsAt(Instant.parse("0001-01-01T00:00:00Z")).endsAt(endsAt).build();

    assertThat(write(alert)).contains("\"endsAt\":\"" + text + "\"");
  }

  @Test
  void offsetTimesAreWrittenInUtc() {
    byte[] body = MalformedPayloadTest.envelope("{'status':'firing','labels':{'a':'b'},"
        + "'startsAt':'2026-01-02T11:04:05.50+08:00'}", "").getBytes(StandardCharsets.UTF_8);

    String written = new String(CODEC.write(CODEC.parse(body)), StandardCharsets.UTF_8);

    assertThat(written).contains("\"startsAt\":\"2026-01-02T03:04:05.5Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"");
  }

  @Test
  void unknownStartAndEndAreWrittenAsGoZeroTime() {
    Alert alert = Alert.firing(Map.of("a", "b")).build();

    assertThat(write(alert)).contains("\"startsAt\":\"0001-01-01T00:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"");
  }

  @Test
  void timesGoCannotWriteAreRefused() {
    Alert alert = Alert.firing(Map.of("a", "b")).startsAt(Instant.parse("+10000-01-01T00:00:00Z")).build();

    assertThatThrownBy(() -> write(alert)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("years 0000-9999").hasMessageContaining("+10000-01-01T00:00:00Z");
  }

  @Test
  void writesTheWholeEnvelopeInAlertmanagerOrder() {
    Alert alert = Alert.firing(Map.of("alertname", "A", "job", "j"))
        .annotation("summary", "x < y & z > w").startsAt(START).generatorURL("http://p?a=1&b=2").build();
    WebhookPayload payload = new WebhookPayload("a\\.b", WebhookStatus.FIRING, List.of(WebhookAlert.of(alert)),
        Map.of("alertname", "A"), Map.of("job", "j", "alertname", "A"), Map.of(), "http://am", "4",
        "{}:{alertname=\"A\"}", 2);

    String written = new String(CODEC.write(payload), StandardCharsets.UTF_8);

    assertThat(written).isEqualTo("{\"receiver\":\"a\\\\.b\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\","
        + "\"labels\":{\"alertname\":\"A\",\"job\":\"j\"},\"annotations\":{\"summary\":\"x \\u003c y \\u0026 z \\u003e w\"},"
        + "\"startsAt\":\"2026-01-02T03:04:05Z\",\"endsAt\":\"0001-01-01T00:00:00Z\","
        + "\"generatorURL\":\"http://p?a=1\\u0026b=2\",\"fingerprint\":\"" + alert.fingerprint() + "\"}],"
        + "\"groupLabels\":{\"alertname\":\"A\"},\"commonLabels\":{\"alertname\":\"A\",\"job\":\"j\"},"
        + "\"commonAnnotations\":{},\"externalURL\":\"http://am\",\"version\":\"4\","
        + "\"groupKey\":\"{}:{alertname=\\\"A\\\"}\",\"truncatedAlerts\":2}\n");
    WebhookPayload reread = CODEC.parse(written.getBytes(StandardCharsets.UTF_8));
    // Equal except that the fingerprint, absent before, is now the written (computed) one.
    assertThat(reread.toAlerts()).isEqualTo(payload.toAlerts());
    assertThat(reread.alerts().get(0).fingerprintMatches()).isTrue();
    assertThat(CODEC.write(reread)).isEqualTo(CODEC.write(payload));
  }

  @Test
  void valueInvariantsAreChecked() {
    Alert firing = Alert.firing(Map.of("a", "b")).build();

    assertThatThrownBy(() -> new WebhookAlert(WebhookStatus.RESOLVED, firing, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a resolved alert needs an endsAt, but it was null");
    assertThatThrownBy(() -> new WebhookPayload("r", WebhookStatus.FIRING, List.of(), Map.of(), Map.of(), Map.of(),
        "", "4", null, -1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("truncatedAlerts must be >= 0, but was -1");
    assertThat(WebhookAlert.of(firing.resolvedAt(START)).status()).isEqualTo(WebhookStatus.RESOLVED);
  }

  @Test
  void oneCodecIsSafeToShareAcrossThreads() {
    List<byte[]> raws = Fixtures.rawCaptures().stream().map(Fixtures::read).toList();

    List<Boolean> sameBytes = java.util.stream.IntStream.range(0, 400).parallel()
        .mapToObj(i -> raws.get(i % raws.size()))
        .map(raw -> java.util.Arrays.equals(CODEC.write(CODEC.parse(raw)), raw))
        .toList();

    assertThat(sameBytes).containsOnly(true);
  }

  private static Alert alert(Map<String, String> annotations, Instant endsAt) {
    return Alert.firing(Map.of("a", "b")).annotations(annotations).startsAt(START).endsAt(endsAt).build();
  }

  private static String write(Alert alert) {
    WebhookPayload payload = new WebhookPayload("r", WebhookStatus.FIRING, List.of(WebhookAlert.of(alert)),
        Map.of(), Map.of(), Map.of(), "", "4", "", 0);
    return new String(CODEC.write(payload), StandardCharsets.UTF_8);
  }
}

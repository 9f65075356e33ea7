package io.github.alertrouter.alertmanager.webhook;

import static io.github.alertrouter.alertmanager.webhook.MalformedPayloadTest.envelope;
import static io.github.alertrouter.alertmanager.webhook.MalformedPayloadTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import io.github.alertrouter.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The reading rules that are decisions rather than Alertmanager facts: see WebhookCodec. */
class PayloadRulesTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();

  static Stream<Arguments> timestamps() {
    return Stream.of(
        row("no fraction", "2026-11-25T08:05:47Z", "2026-11-25T08:05:47Z"),
        row("two digits (.08)", "2026-11-25T08:05:47.08Z", "2026-11-25T08:05:47.080Z"),
        row("three digits", "2026-11-25T08:05:47.444Z", "2026-11-25T08:05:47.444Z"),
        row("one digit", "2026-11-25T08:05:47.5Z", "2026-11-25T08:05:47.500Z"),
        row("nine digits", "2026-11-25T08:05:47.123456789Z", "2026-11-25T08:05:47.123456789Z"),
        row("east offset", "2026-11-25T16:05:47+08:00", "2026-11-25T08:05:47Z"),
        row("west offset with fraction", "2026-11-25T03:35:47.1-04:30", "2026-11-25T08:05:47.100Z"),
        row("offset across midnight", "2026-01-01T00:30:00+01:00", "2025-12-31T23:30:00Z"),
        row("29 February of a leap year", "2028-02-29T00:00:00Z", "2028-02-29T00:00:00Z"));
  }

  private static Arguments row(String name, String text, String instant) {
    return Arguments.of(named(name, text), Instant.parse(instant));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("timestamps")
  void readsRfc3339WithVariableFractionAndOffsets(String text, Instant expected) {
    assertThat(startsAt(text)).isEqualTo(expected);
  }

  static Stream<Arguments> endsAtMeaningNotEnded() {
    return Stream.of(
        Arguments.of(named("Go zero time", ",'endsAt':'0001-01-01T00:00:00Z'")),
        Arguments.of(named("Go zero time with an offset", ",'endsAt':'0001-01-01T01:00:00+01:00'")),
        Arguments.of(named("absent", "")),
        Arguments.of(named("null", ",'endsAt':null")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endsAtMeaningNotEnded")
  void firingAlertWithoutAnEndHasNullEndsAt(String endsAtMember) {
    WebhookPayload payload = CODEC.parse(bytes(envelope(
        "{'status':'firing','labels':{'a':'b'},'startsAt':'2026-01-02T03:04:05Z'" + endsAtMember + "}", "")));

    assertThat(payload.alerts().get(0).alert().endsAt()).isNull();
  }

  @Test
  void resolvedAlertWithoutAnEndEndsWhenItStarted() {
    WebhookPayload payload = CODEC.parse(bytes(envelope(
        "{'status':'resolved','labels':{'a':'b'},'startsAt':'2026-01-02T03:04:05Z',"
            + "'endsAt':'0001-01-01T00:00:00Z'}", "")));

    Alert alert = payload.alerts().get(0).alert();
    assertThat(alert.endsAt()).isEqualTo(alert.startsAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(alert.isResolvedAt(alert.startsAt())).isTrue();
  }

  @Test
  void goZeroStartsAtReadsAsUnknownStart() {
    WebhookPayload payload = CODEC.parse(bytes(envelope(
        "{'status':'firing','labels':{'a':'b'},'startsAt':'0001-01-01T00:00:00Z'}", "")));

    assertThat(payload.alerts().get(0).alert().startsAt()).isNull();
  }

  @Test
  void firingAlertWithAFutureEndKeepsIt() {
    WebhookPayload payload = CODEC.parse(bytes(envelope(
        "{'status':'firing','labels':{'a':'b'},'startsAt':'2026-01-02T03:04:05Z',"
            + "'endsAt':'2026-01-02T04:04:05Z'}", "")));

    assertThat(payload.alerts().get(0).status()).isEqualTo(WebhookStatus.FIRING);
    assertThat(payload.alerts().get(0).alert().endsAt()).isEqualTo(Instant.parse("2026-01-02T04:04:05Z"));
  }

  @Test
  void missingVersionReadsAsVersion4() {
    WebhookPayload payload = CODEC.parse(bytes(q("{'receiver':'r','status':'resolved','alerts':[]}")));

    assertThat(payload.version()).isEqualTo("4");
    assertThat(payload.alerts()).isEmpty();
    assertThat(payload.groupLabels()).isEmpty();
    assertThat(payload.externalURL()).isEmpty();
    assertThat(payload.groupKey()).isNull();
  }

  @Test
  void nullMapsAndStringsReadAsEmpty() {
    // Go writes a nil map as null.
    WebhookPayload payload = CODEC.parse(bytes(q("{'receiver':'r','status':'firing','alerts':[{'status':'firing',"
        + "'labels':{'a':'b'},'annotations':null,'startsAt':'2026-01-02T03:04:05Z','generatorURL':null,"
        + "'fingerprint':null}],'groupLabels':null,'commonLabels':null,'commonAnnotations':null,"
        + "'externalURL':null,'version':null,'groupKey':null,'truncatedAlerts':null}")));

    assertThat(payload.commonAnnotations()).isEmpty();
    assertThat(payload.version()).isEqualTo("4");
    assertThat(payload.truncatedAlerts()).isZero();
    assertThat(payload.alerts().get(0).alert().annotations()).isEmpty();
    assertThat(payload.alerts().get(0).alert().generatorURL()).isEmpty();
    assertThat(payload.alerts().get(0).fingerprint()).isNull();
  }

  @Test
  void surroundingWhitespaceAndUnknownNestedValuesAreFine() {
    WebhookPayload payload = CODEC.parse(bytes("\n  " + envelope(
        "{'status':'firing','labels':{'a':'b'},'startsAt':'2026-01-02T03:04:05Z',"
            + "'extra':{'deep':[1,2,{'x':null}]},'silencedBy':['id']}", ",'later':[[[]]]") + "\r\n\t "));

    assertThat(payload.alerts()).hasSize(1);
  }

  @Test
  void streamIsNotClosed() {
    var closed = new boolean[1];
    var in = new java.io.ByteArrayInputStream(bytes(envelope("", ""))) {
      @Override
      public void close() {
        closed[0] = true;
      }
    };

    CODEC.parse(in);

    assertThat(closed[0]).isFalse();
  }

  private static Instant startsAt(String text) {
    WebhookPayload payload = CODEC.parse(bytes(envelope(
        "{'status':'firing','labels':{'a':'b'},'startsAt':'" + text + "'}", "")));
    return payload.alerts().get(0).alert().startsAt();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}

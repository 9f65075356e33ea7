package io.github.alertrouter.alertmanager.webhook;

import static io.github.alertrouter.alertmanager.webhook.MalformedPayloadTest.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Oversized bodies are refused early, before a large object graph exists. */
class LimitsTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();
  private static final long FIFTY_MB = 50L * 1000 * 1000;

  private static final String PREFIX = q("{'receiver':'r','status':'firing','alerts':[");
  private static final String SUFFIX = q("],'version':'4'}");

  private static String alert(String summary) {
    return q("{'status':'firing','labels':{'alertname':'Big','instance':'host:9100'},'annotations':"
        + "{'summary':'" + summary + "'},'startsAt':'2026-01-02T03:04:05Z'}");
  }

  @Test
  void defaultsAreWellUnderFiftyMegabytesAndHundredThousandAlerts() {
    assertThat(WebhookLimits.DEFAULTS.maxBytes()).isEqualTo(16L * 1024 * 1024).isLessThan(FIFTY_MB);
    assertThat(WebhookLimits.DEFAULTS.maxAlerts()).isEqualTo(10_000);
    assertThat(CODEC.limits()).isEqualTo(WebhookLimits.DEFAULTS);
  }

  @Test
  void aLabelMapOfManyTinyEntriesIsRefusedAtTheEntryLimit() {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i <= 1_000; i++) {
      labels.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"\"");
    }
    String body = PREFIX + "{\"status\":\"firing\",\"labels\":{" + labels
        + "},\"startsAt\":\"2026-01-02T03:04:05Z\"}" + SUFFIX;

    PayloadException e = catchThrowableOfType(PayloadException.class,
        () -> CODEC.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    assertThat(e).isNotNull();
    assertThat(e.pointer()).isEqualTo("/alerts/0/labels/l1000");
    assertThat(e.detail()).isEqualTo("more than 1000 entries in one map; the payload is refused");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void fiftyMegabyteStreamIsRefusedAtTheByteLimit() {
    // 10 KB per alert: 5,000 alerts stay under maxAlerts, so only the byte limit can stop this.
    GeneratedBody body = new GeneratedBody(PREFIX, alert("x".repeat(10_000)), ",", 5_000, SUFFIX);
    assertThat(body.length()).isGreaterThan(FIFTY_MB);

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.pointer()).isEmpty();
    assertThat(e.getMessage()).isEqualTo(
        "(document): the body is larger than 16777216 bytes (WebhookLimits.maxBytes); the payload is refused");
    assertThat(body.served()).isEqualTo(WebhookLimits.DEFAULT_MAX_BYTES + 1);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void fiftyMegabytesOfWhitespaceAreRefusedToo() {
    // Nothing gets built from whitespace, so without the byte limit this would be read to the end.
    GeneratedBody body = new GeneratedBody("{", " ".repeat(1000), "", FIFTY_MB / 1000, "}");

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.detail()).startsWith("the body is larger than 16777216 bytes");
    assertThat(body.served()).isEqualTo(WebhookLimits.DEFAULT_MAX_BYTES + 1);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void hundredThousandAlertsAreRefusedAtTheAlertLimit() {
    String unit = alert("down");
    GeneratedBody body = new GeneratedBody(PREFIX, unit, ",", 100_000, SUFFIX);
    assertThat(body.length()).isLessThan(WebhookLimits.DEFAULT_MAX_BYTES * 2);

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.pointer()).isEqualTo("/alerts/10000");
    assertThat(e.detail()).isEqualTo("more than 10000 alerts (WebhookLimits.maxAlerts); the payload is refused");
    // Stopped at the 10,001st alert, not after reading all 100,000.
    assertThat(body.served()).isLessThan(10_001L * (unit.length() + 1) + PREFIX.length() + 64 * 1024);
  }

  @ParameterizedTest(name = "{0} alerts with maxAlerts 3: accepted={1}")
  @CsvSource({"0, true", "3, true", "4, false"})
  void alertLimitIsInclusive(int alerts, boolean accepted) {
    WebhookCodec codec = WebhookCodec.create(new WebhookLimits(WebhookLimits.DEFAULT_MAX_BYTES, 3));
    GeneratedBody body = new GeneratedBody(PREFIX, alert("s"), ",", alerts, SUFFIX);

    if (accepted) {
      assertThat(codec.parse(body).alerts()).hasSize(alerts);
    } else {
      assertThatThrownBy(() -> codec.parse(body)).isInstanceOf(PayloadException.class)
          .hasMessage("/alerts/3: more than 3 alerts (WebhookLimits.maxAlerts); the payload is refused");
    }
  }

  @ParameterizedTest(name = "limit = length {0}: accepted={1}")
  @CsvSource({"0, true", "-1, false"})
  void byteLimitIsInclusiveForStreamsAndArrays(int slack, boolean accepted) {
    byte[] body = (PREFIX + alert("s") + SUFFIX).getBytes(StandardCharsets.UTF_8);
    WebhookCodec codec = WebhookCodec.create(new WebhookLimits(body.length + slack, 10));

    if (accepted) {
      assertThat(codec.parse(body).alerts()).hasSize(1);
      assertThat(codec.parse(new java.io.ByteArrayInputStream(body)).alerts()).hasSize(1);
    } else {
      String message = "(document): the body is larger than " + (body.length - 1)
          + " bytes (WebhookLimits.maxBytes); the payload is refused";
      assertThatThrownBy(() -> codec.parse(body)).hasMessage(message);
      assertThatThrownBy(() -> codec.parse(new java.io.ByteArrayInputStream(body))).hasMessage(message);
    }
  }

  @Test
  void oversizedArrayIsRefusedBeforeParsing() {
    byte[] notEvenJson = new byte[2048];
    WebhookCodec codec = WebhookCodec.create(new WebhookLimits(1024, 10));

    assertThatThrownBy(() -> codec.parse(notEvenJson)).isInstanceOf(PayloadException.class)
        .hasMessageContaining("larger than 1024 bytes");
  }

  @Test
  void deepNestingInAnIgnoredMemberIsRefused() {
    String deep = "[".repeat(1000) + "]".repeat(1000);
    byte[] body = (q("{'receiver':'r','status':'firing','alerts':[],'x':") + deep + "}")
        .getBytes(StandardCharsets.UTF_8);

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.detail()).contains("nesting depth").contains("32");
    assertThat(e.pointer()).startsWith("/x/0/0/0");
  }

  @Test
  void absurdNumberIsRefused() {
    byte[] body = q("{'receiver':'r','status':'firing','alerts':[],'truncatedAlerts':" + "9".repeat(5000) + "}")
        .getBytes(StandardCharsets.UTF_8);

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.pointer()).isEqualTo("/truncatedAlerts");
    assertThat(e.detail()).contains("Number value length");
  }

  @ParameterizedTest(name = "maxBytes={0}, maxAlerts={1}")
  @CsvSource({"1, 10, 'maxBytes must be >= 2, but was 1'", "1024, 0, 'maxAlerts must be >= 1, but was 0'"})
  void limitsAreValidated(long maxBytes, int maxAlerts, String message) {
    assertThatThrownBy(() -> new WebhookLimits(maxBytes, maxAlerts))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }
}

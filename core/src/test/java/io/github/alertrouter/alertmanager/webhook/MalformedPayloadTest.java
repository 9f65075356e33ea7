package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each malformed body is refused with the pointer of the bad node and a message naming the value. */
class MalformedPayloadTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();

  private static final String ALERT = "{'status':'firing','labels':{'alertname':'A'},"
      + "'startsAt':'2026-01-02T03:04:05Z','endsAt':'0001-01-01T00:00:00Z'}";

  /** A valid version 4 envelope around {@code alerts}, with {@code extra} members appended. */
  static String envelope(String alerts, String extra) {
    return q("{'receiver':'r','status':'firing','alerts':[" + alerts + "],'version':'4'" + extra + "}");
  }

  /** The valid alert with {@code replace} swapped for {@code with}. */
  static String alert(String replace, String with) {
    String a = ALERT.replace(replace, with);
    assertThat(a).as("test row must change the alert").isNotEqualTo(ALERT);
    return a;
  }

  static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        row("not JSON at all", "hello", "", "not valid JSON: Unrecognized token 'hello'"),
        row("empty body", "", "", "the body is empty; expected a JSON object"),
        row("only whitespace", " \n\t ", "", "the body is empty"),
        row("top-level array", "[]", "", "expected an object, but was an array"),
        row("top-level string", "\"x\"", "", "expected an object, but was the string \"x\""),
        row("trailing garbage", envelope(ALERT, "") + " x", "", "not valid JSON: Unrecognized token 'x'"),
        row("second document", envelope(ALERT, "") + "{}", "", "unexpected data after the JSON object"),
        row("truncated", q("{'receiver':'r','status':'fir"), "/status", "not valid JSON: Unexpected end-of-input"),
        row("comment", q("{/* hi */'receiver':'r'}"), "", "not valid JSON"),
        row("single quotes", "{'receiver':'r'}", "", "not valid JSON"),
        row("NaN", q("{'truncatedAlerts':NaN}"), "/truncatedAlerts", "not valid JSON"),
        row("receiver missing", q("{'status':'firing','alerts':[]}"), "/receiver", "required member is missing"),
        row("receiver a number", q("{'receiver':1,'status':'firing','alerts':[]}"), "/receiver",
            "expected a string, but was the number 1"),
        row("receiver null", q("{'receiver':null,'status':'firing','alerts':[]}"), "/receiver",
            "expected a string, but was null"),
        row("status missing", q("{'receiver':'r','alerts':[]}"), "/status", "required member is missing"),
        row("status upper case", q("{'receiver':'r','status':'FIRING','alerts':[]}"), "/status",
            "status must be \"firing\" or \"resolved\", but was \"FIRING\""),
        row("alerts missing", q("{'receiver':'r','status':'firing'}"), "/alerts", "required member is missing"),
        row("alerts an object", q("{'receiver':'r','status':'firing','alerts':{}}"), "/alerts",
            "expected an array of alerts, but was an object"),
        row("alerts null", q("{'receiver':'r','status':'firing','alerts':null}"), "/alerts",
            "expected an array of alerts, but was null"),
        row("alert a number", envelope("1", ""), "/alerts/0", "expected an object, but was the number 1"),
        row("alert status missing", envelope(alert("'status':'firing',", ""), ""), "/alerts/0/status",
            "required member is missing"),
        row("alert status pending", envelope(alert("'firing'", "'pending'"), ""), "/alerts/0/status",
            "status must be \"firing\" or \"resolved\", but was \"pending\""),
        row("labels missing", envelope(alert("'labels':{'alertname':'A'},", ""), ""), "/alerts/0/labels",
            "required member is missing"),
        row("labels empty", envelope(alert("{'alertname':'A'}", "{}"), ""), "/alerts/0/labels",
            "labels must not be empty"),
        row("labels null", envelope(alert("{'alertname':'A'}", "null"), ""), "/alerts/0/labels",
            "labels must not be empty"),
        row("labels an array", envelope(alert("{'alertname':'A'}", "['A']"), ""), "/alerts/0/labels",
            "expected an object, but was an array"),
        row("label value a number", envelope(alert("'A'}", "5}"), ""), "/alerts/0/labels/alertname",
            "expected a string, but was the number 5"),
        row("label value null", envelope(alert("'A'}", "null}"), ""), "/alerts/0/labels/alertname",
            "expected a string, but was null"),
        row("label name empty", envelope(alert("{'alertname'", "{''"), ""), "/alerts/0/labels/",
            "a name must not be empty"),
        row("label name with slash", envelope(alert("'A'}", "'A','a/b':true}"), ""), "/alerts/0/labels/a~1b",
            "expected a string, but was true"),
        // Alertmanager 0.25 refuses what model.LabelName.IsValid refuses, in labels and annotations
        row("label name with a space", envelope(alert("'A'}", "'A','my label':'x'}"), ""),
            "/alerts/0/labels/my label",
            "label name must match [a-zA-Z_][a-zA-Z0-9_]* (as in Alertmanager), but was \"my label\""),
        row("label name with a dash", envelope(alert("'A'}", "'A','team-name':'x'}"), ""),
            "/alerts/0/labels/team-name", "label name must match [a-zA-Z_][a-zA-Z0-9_]*"),
        row("label name with a leading digit", envelope(alert("'A'}", "'A','1st':'x'}"), ""),
            "/alerts/0/labels/1st", "but was \"1st\""),
        row("label name with a slash, escaped in the pointer", envelope(alert("'A'}", "'A','a/b':'x'}"), ""),
            "/alerts/0/labels/a~1b", "but was \"a/b\""),
        row("label name with a tilde, escaped in the pointer", envelope(alert("'A'}", "'A','a~b':'x'}"), ""),
            "/alerts/0/labels/a~0b", "but was \"a~b\""),
        row("label name in CJK", envelope(alert("'A'}", "'A','主机':'x'}"), ""),
            "/alerts/0/labels/主机", "but was \"主机\""),
        row("label name with a control character", envelope(alert("'A'}", "'A','a\\u0001':'x'}"), ""),
            "/alerts/0/labels/a\u0001", "but was \"a\\u0001\""),
        row("annotation name with a space", envelope(alert("'labels'", "'annotations':{'my note':'x'},'labels'"), ""),
            "/alerts/0/annotations/my note",
            "annotation name must match [a-zA-Z_][a-zA-Z0-9_]* (as in Alertmanager), but was \"my note\""),
        row("groupLabels name with a space", envelope(ALERT, ",'groupLabels':{'my label':'x'}"),
            "/groupLabels/my label", "label name must match"),
        row("commonLabels name with a dot", envelope(ALERT, ",'commonLabels':{'a.b':'x'}"),
            "/commonLabels/a.b", "label name must match"),
        row("commonAnnotations name with a dash", envelope(ALERT, ",'commonAnnotations':{'runbook-url':'x'}"),
            "/commonAnnotations/runbook-url", "annotation name must match"),
        row("duplicate label", envelope(alert("'A'}", "'A','alertname':'B'}"), ""),
            "/alerts/0/labels/alertname", "not valid JSON: Duplicate field 'alertname'"),
        row("duplicate envelope member", envelope(ALERT, ",'receiver':'s'"), "/receiver",
            "not valid JSON: Duplicate field 'receiver'"),
        row("annotation value an object", envelope(alert("'labels'", "'annotations':{'summary':{}},'labels'"), ""),
            "/alerts/0/annotations/summary", "expected a string, but was an object"),
        row("groupLabels a string", envelope(ALERT, ",'groupLabels':'x'"), "/groupLabels",
            "expected an object, but was the string \"x\""),
        row("startsAt missing", envelope(alert("'startsAt':'2026-01-02T03:04:05Z',", ""), ""),
            "/alerts/0/startsAt", "required member is missing"),
        row("startsAt null", envelope(alert("'2026-01-02T03:04:05Z'", "null"), ""), "/alerts/0/startsAt",
            "expected a string, but was null"),
        row("startsAt a number", envelope(alert("'2026-01-02T03:04:05Z'", "1767323045"), ""),
            "/alerts/0/startsAt", "expected a string, but was the number 1767323045"),
        row("startsAt month 13", envelope(alert("2026-01-02T", "2026-13-02T"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-13-02T03:04:05Z\""),
        row("startsAt 30 February", envelope(alert("2026-01-02T", "2026-02-30T"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-02-30T03:04:05Z\""),
        row("startsAt hour 24", envelope(alert("T03:04:05Z", "T24:00:00Z"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T24:00:00Z\""),
        row("startsAt leap second", envelope(alert("T03:04:05Z", "T23:59:60Z"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T23:59:60Z\""),
        row("startsAt without zone", envelope(alert("03:04:05Z", "03:04:05"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T03:04:05\": expected RFC 3339"),
        row("startsAt without seconds", envelope(alert("03:04:05Z", "03:04Z"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T03:04Z\""),
        row("startsAt lower-case z", envelope(alert("03:04:05Z", "03:04:05z"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T03:04:05z\""),
        row("startsAt space separator", envelope(alert("02T03", "02 03"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02 03:04:05Z\""),
        row("startsAt 10 fraction digits", envelope(alert("05Z", "05.1234567890Z"), ""), "/alerts/0/startsAt",
            "the fraction of a second must have 1 to 9 digits"),
        row("startsAt empty fraction", envelope(alert("05Z", "05.Z"), ""), "/alerts/0/startsAt",
            "the fraction of a second must have 1 to 9 digits"),
        row("startsAt offset without colon", envelope(alert("05Z", "05+0800"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"2026-01-02T03:04:05+0800\""),
        row("startsAt empty string", envelope(alert("'2026-01-02T03:04:05Z'", "''"), ""), "/alerts/0/startsAt",
            "invalid RFC 3339 timestamp \"\""),
        row("endsAt before startsAt", envelope(alert("'0001-01-01T00:00:00Z'", "'2026-01-01T00:00:00Z'"), ""),
            "/alerts/0/endsAt",
            "endsAt must not be before startsAt, but was 2026-01-01T00:00:00Z < 2026-01-02T03:04:05Z"),
        row("resolved without any time",
            envelope(q("{'status':'resolved','labels':{'a':'b'},'startsAt':'0001-01-01T00:00:00Z'}"), ""),
            "/alerts/0/endsAt", "a resolved alert needs an endsAt or a startsAt"),
        row("bad timestamp in the fourth alert", envelope(ALERT + "," + ALERT + "," + ALERT + ","
                + alert("2026-01-02T03:04:05Z", "yesterday"), ""), "/alerts/3/startsAt",
            "invalid RFC 3339 timestamp \"yesterday\""),
        row("version 5", envelope(ALERT, "").replace("'4'", "'5'").replace("\"4\"", "\"5\""), "/version",
            "unsupported payload version \"5\"; supported are \"4\" and \"3\" (Alertmanager) and \"1\" (Grafana)"),
        row("version a number", envelope(ALERT, "").replace("\"4\"", "4"), "/version",
            "expected a string, but was the number 4"),
        row("truncatedAlerts negative", envelope(ALERT, ",'truncatedAlerts':-1"), "/truncatedAlerts",
            "must be >= 0, but was -1"),
        row("truncatedAlerts a string", envelope(ALERT, ",'truncatedAlerts':'3'"), "/truncatedAlerts",
            "expected a non-negative integer, but was the string \"3\""),
        row("truncatedAlerts a fraction", envelope(ALERT, ",'truncatedAlerts':1.5"), "/truncatedAlerts",
            "expected a non-negative integer, but was the number 1.5"),
        row("truncatedAlerts over 64 bits", envelope(ALERT, ",'truncatedAlerts':99999999999999999999"),
            "/truncatedAlerts", "expected a non-negative integer, but was the number 99999999999999999999"),
        row("long value is quoted short", envelope(alert("'firing'",
                "'" + "x".repeat(500) + "'"), ""), "/alerts/0/status",
            "but was \"" + "x".repeat(80) + "\"… (500 chars)"));
  }

  private static Arguments row(String name, String body, String pointer, String message) {
    return Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), pointer, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void isRefusedWithPointerAndMessage(String name, byte[] body, String pointer, String message) {
    PayloadException fromBytes = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));
    PayloadException fromStream = catchThrowableOfType(PayloadException.class,
        () -> CODEC.parse(new ByteArrayInputStream(body)));

    assertThat(fromBytes).as("refused from bytes").isNotNull();
    assertThat(fromBytes.pointer()).isEqualTo(pointer);
    assertThat(fromBytes.detail()).contains(message);
    assertThat(fromBytes.getMessage()).startsWith(pointer.isEmpty() ? "(document): " : pointer + ": ");
    assertThat(fromStream).as("refused from a stream").isNotNull();
    assertThat(fromStream.pointer()).isEqualTo(pointer);
    assertThat(fromStream.detail()).contains(message);
  }

  static Stream<Arguments> invalidUtf8() {
    byte[] loneContinuation = {(byte) 0x80};
    byte[] truncated = {(byte) 0xe4, (byte) 0xb8};
    byte[] encodedSurrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
    byte[] invalidStart = {(byte) 0xff};
    return Stream.of(
        Arguments.of("lone continuation byte in a label value", loneContinuation, "/alerts/0/labels/alertname"),
        Arguments.of("truncated sequence in a label value", truncated, "/alerts/0/labels/alertname"),
        Arguments.of("0xff in a label value", invalidStart, "/alerts/0/labels/alertname"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidUtf8")
  void invalidUtf8IsRefused(String name, byte[] bad, String pointer) {
    byte[] body = splice(envelope(alert("'A'}", "'A@'}"), ""), bad);

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.pointer()).isEqualTo(pointer);
    assertThat(e.detail()).containsIgnoringCase("UTF-8");
  }

  /**
   * An overlong form (the two-byte C0 AF for "/") is refused from Jackson 2.23 on, the build's
   * Jackson; from 2.19 to 2.22 (what Spring Boot manages) Jackson decodes it to the character it
   * encodes. Either is safe: what is decoded is read as the value it is (no form of "@" can
   * mention anyone, since mentions are neutralised after decoding), and Alertmanager never sends
   * one (Go's encoder writes valid UTF-8). This pins both, so a Jackson that did something else
   * would be noticed.
   */
  @Test
  void anOverlongFormIsRefusedOrReadAsTheCharacterItEncodesByJacksonVersion() {
    byte[] body = splice(envelope(alert("'A'}", "'A@'}"), ""), new byte[] {(byte) 0xc0, (byte) 0xaf});
    com.fasterxml.jackson.core.Version jackson = com.fasterxml.jackson.core.json.PackageVersion.VERSION;

    if (jackson.getMajorVersion() > 2 || jackson.getMinorVersion() >= 23) {
      PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));
      assertThat(e).isNotNull();
      assertThat(e.pointer()).isEqualTo("/alerts/0/labels/alertname");
      assertThat(e.detail()).containsIgnoringCase("UTF-8");
    } else {
      assertThat(CODEC.parse(body).alerts().get(0).alert().labels().get("alertname")).isEqualTo("A/");
    }
  }

  static Stream<Arguments> notUtf8() {
    String json = envelope(ALERT, "");
    byte[] utf16le = json.getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16WithBom = json.getBytes(StandardCharsets.UTF_16); // big-endian with FE FF
    byte[] utf32 = json.getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
    return Stream.of(
        Arguments.of("UTF-16LE", utf16le, "byte 1 is 0x00"),
        Arguments.of("UTF-16 with byte-order mark", utf16WithBom, "byte 0 is 0xfe"),
        Arguments.of("UTF-32BE", utf32, "byte 0 is 0x00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notUtf8")
  void otherUnicodeEncodingsAreRefused(String name, byte[] body, String detail) {
    for (PayloadException e : List.of(
        catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body)),
        catchThrowableOfType(PayloadException.class, () -> CODEC.parse(new ByteArrayInputStream(body))))) {
      assertThat(e.pointer()).isEmpty();
      assertThat(e.detail()).startsWith("the body is not UTF-8 JSON: " + detail);
    }
  }

  @Test
  void invalidUtf8InAnIgnoredMemberIsRefusedToo() {
    byte[] body = splice(envelope(ALERT, ",'future':'@'"), new byte[] {(byte) 0xff});

    PayloadException e = catchThrowableOfType(PayloadException.class, () -> CODEC.parse(body));

    assertThat(e).isNotNull();
    assertThat(e.detail()).containsIgnoringCase("UTF-8");
  }

  /** The UTF-8 of {@code json} with its single {@code @} replaced by {@code bytes}. */
  private static byte[] splice(String json, byte[] bytes) {
    byte[] text = json.getBytes(StandardCharsets.UTF_8);
    int at = json.indexOf('@');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(text, 0, at);
    out.write(bytes, 0, bytes.length);
    out.write(text, at + 1, text.length - at - 1);
    return out.toByteArray();
  }
}

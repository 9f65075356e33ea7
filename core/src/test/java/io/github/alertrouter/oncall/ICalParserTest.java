package io.github.alertrouter.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test reader must itself catch what it is there to catch, or the export tests prove nothing. */
class ICalParserTest {
  private static final String EVENT = String.join("\r\n",
      "BEGIN:VEVENT",
      "UID:x@alert-router",
      "DTSTAMP:20260301T000000Z",
      "DTSTART:20260302T010000Z",
      "DTEND:20260303T010000Z",
      "SUMMARY:On call: Alice",
      "END:VEVENT");

  private static String calendar(String body) {
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n" + body + "\r\nEND:VCALENDAR\r\n";
  }

  @Test
  void readsAValidDocument() {
    ICalParser.Component c = ICalParser.parse(calendar(EVENT.replace("SUMMARY:On call: Alice",
        "SUMMARY:On call: A\r\n lice\\, \\;\\\\\\n")));
    assertThat(c.events()).singleElement()
        .satisfies(e -> assertThat(e.one("SUMMARY").text()).isEqualTo("On call: Alice, ;\\\n"));
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        Arguments.of("bare LF", calendar(EVENT).replace("VERSION:2.0\r\n", "VERSION:2.0\n"), "bare LF"),
        Arguments.of("bare CR", calendar(EVENT).replace("VERSION:2.0\r\n", "VERSION:2.0\rX"), "bare CR"),
        Arguments.of("no final CRLF", calendar(EVENT).stripTrailing(), "does not end with CRLF"),
        Arguments.of("76 octets", calendar(EVENT.replace("Alice", "A".repeat(60))), "more than 75"),
        Arguments.of("fold inside a character", calendar(EVENT.replace("Alice", "值")), "not valid UTF-8"),
        Arguments.of("unknown escape", calendar(EVENT.replace("Alice", "A\\tB")), "bad escape"),
        Arguments.of("unescaped comma", calendar(EVENT.replace("Alice", "A, B")), "unescaped ,"),
        Arguments.of("missing UID", calendar(EVENT.replace("UID:x@alert-router\r\n", "")), "exactly one UID"),
        Arguments.of("local time", calendar(EVENT.replace("DTSTART:20260302T010000Z", "DTSTART:20260302T010000")),
            "UTC DATE-TIME"),
        Arguments.of("ends before it starts", calendar(EVENT.replace("20260303T010000Z", "20260301T010000Z")),
            "DTEND must be after DTSTART"),
        Arguments.of("unbalanced", calendar(EVENT.replace("END:VEVENT", "END:VTODO")), "unbalanced"),
        Arguments.of("no VERSION", calendar(EVENT).replace("VERSION:2.0\r\n", ""), "exactly one VERSION"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void rejects(String name, String document, String message) {
    byte[] doc = name.equals("fold inside a character")
        ? splitInsideCharacter(document) : document.getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ICalParser.parse(doc)).isInstanceOf(AssertionError.class).hasMessageContaining(message);
  }

  /** Folds the 3-octet 值 after its first octet: only possible at the byte level. */
  private static byte[] splitInsideCharacter(String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    byte[] cjk = "值".getBytes(StandardCharsets.UTF_8);
    int at = indexOf(bytes, cjk);
    byte[] out = new byte[bytes.length + 3];
    System.arraycopy(bytes, 0, out, 0, at + 1);
    out[at + 1] = '\r';
    out[at + 2] = '\n';
    out[at + 3] = ' ';
    System.arraycopy(bytes, at + 1, out, at + 4, bytes.length - at - 1);
    return out;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }
}

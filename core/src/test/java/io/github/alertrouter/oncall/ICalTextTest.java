package io.github.alertrouter.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ICalTextTest {
  static Stream<Arguments> escapes() {
    return Stream.of(
        Arguments.of("plain", "Alice Zhang", "Alice Zhang"),
        Arguments.of("backslash", "a\\b", "a\\\\b"),
        Arguments.of("semicolon", "a;b", "a\\;b"),
        Arguments.of("comma", "a,b", "a\\,b"),
        Arguments.of("LF", "a\nb", "a\\nb"),
        Arguments.of("CRLF is one line break", "a\r\nb", "a\\nb"),
        Arguments.of("lone CR", "a\rb", "a\\nb"),
        Arguments.of("colon and quote stay", "layer:weekly \"x\"", "layer:weekly \"x\""),
        Arguments.of("tab stays", "a\tb", "a\tb"),
        Arguments.of("other controls become spaces", "a\u0000b\u001bc\u007f", "a b c "),
        Arguments.of("all together", "\\;,\n", "\\\\\\;\\,\\n"),
        Arguments.of("already escaped text is escaped again", "\\n", "\\\\n"),
        Arguments.of("CJK untouched", "张伟，值班", "张伟，值班"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("escapes")
  void escapesTextValues(String name, String text, String escaped) {
    assertThat(ICalText.escape(text)).isEqualTo(escaped);
  }

  static Stream<Arguments> folds() {
    String cjk22 = "值".repeat(22); // 66 octets
    String emoji = "\uD83D\uDE80"; // 🚀, 4 octets
    return Stream.of(
        Arguments.of("short line", "VERSION:2.0", List.of("VERSION:2.0")),
        Arguments.of("exactly 75 ASCII octets", "X".repeat(75), List.of("X".repeat(75))),
        Arguments.of("76 ASCII octets", "X".repeat(76), List.of("X".repeat(75), " X")),
        Arguments.of("74 + 74 + 1", "Y".repeat(149), List.of("Y".repeat(75), " " + "Y".repeat(74))),
        Arguments.of("75 + 74 + 1", "Y".repeat(150), List.of("Y".repeat(75), " " + "Y".repeat(74), " Y")),
        // SUMMARY: (8) + 22 CJK (66) + 1 = exactly 75 octets: no fold
        Arguments.of("CJK exactly 75 octets", "SUMMARY:" + cjk22 + "x", List.of("SUMMARY:" + cjk22 + "x")),
        // 8 + 66 = 74: a 23rd CJK character would make 77, so it goes to the next line
        Arguments.of("CJK never split", "SUMMARY:" + cjk22 + "值", List.of("SUMMARY:" + cjk22, " 值")),
        // 8 + 16 * 4 = 72; each continuation holds one space + 18 emoji = 73
        Arguments.of("emoji never split", "SUMMARY:" + emoji.repeat(40),
            List.of("SUMMARY:" + emoji.repeat(16), " " + emoji.repeat(18), " " + emoji.repeat(6))),
        // 2-octet characters: 8 + 33 * 2 = 74, the 34th (2 octets) would make 76
        Arguments.of("two-octet characters", "SUMMARY:" + "é".repeat(34),
            List.of("SUMMARY:" + "é".repeat(33), " é")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folds")
  void foldsAt75OctetsBetweenCharacters(String name, String line, List<String> physical) {
    String folded = ICalText.fold(line);
    assertThat(folded).isEqualTo(String.join("\r\n", physical) + "\r\n");
    assertThat(ICalParser.physicalLines(folded.getBytes(StandardCharsets.UTF_8))).isEqualTo(physical);
    assertThat(ICalParser.unfold(physical)).containsExactly(line);
  }

  @Test
  void foldingAUsedUpLineFillsEveryLineToTheOctet() {
    String folded = ICalText.fold("SUMMARY:" + "a".repeat(67 + 74 * 3));
    assertThat(folded.split("\r\n"))
        .allSatisfy(l -> assertThat(l.getBytes(StandardCharsets.UTF_8)).hasSize(75));
  }

  /** For any text: escaped, folded, read back by the independent parser, it is the same text. */
  @Test
  void anyTextSurvivesEscapingFoldingAndReadingBack() {
    Random random = new Random(5545);
    String[] pieces = {"a", "Z", " ", "\\", ";", ",", ":", "\n", "\r\n", "\t", "é", "值", "班", "\uD83D\uDE80",
        "\uD83D\uDC68\u200D\uD83D\uDCBB", "\"", "=", "ß"};
    for (int run = 0; run < 2_000; run++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(120);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      String original = text.toString();
      String folded = ICalText.fold("SUMMARY:" + ICalText.escape(original));
      List<String> lines = ICalParser.unfold(ICalParser.physicalLines(folded.getBytes(StandardCharsets.UTF_8)));
      assertThat(lines).hasSize(1);
      assertThat(ICalParser.unescape(lines.get(0).substring("SUMMARY:".length())))
          .as("run %d", run)
          .isEqualTo(original.replace("\r\n", "\n"));
    }
  }
}

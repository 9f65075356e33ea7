package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.render.RobotOptions.Choice;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RobotOptionsTest {
  enum Look {
    PLAIN("plain"), FANCY_CARD("fancyCard");

    final String word;

    Look(String word) {
      this.word = word;
    }
  }

  private static final Choice<Look> LOOK = Choice.of("look", Look.PLAIN, l -> l.word);
  private static final RobotOptions OPTIONS = RobotOptions.of("Acme", List.of(LOOK));

  private static Robot robot(Map<String, String> options) {
    return new Robot("r1", "acme", Secret.of("https://acme.example/hook?token=t"), null, null, options);
  }

  static Stream<Arguments> problems() {
    return Stream.of(
        Arguments.of("fine", Map.of("look", "FANCYCARD", "timeZone", "Asia/Shanghai", "overflow", "split"), List.of()),
        Arguments.of("misspelt value", Map.of("look", "plian"),
            List.of("options.look: must be plain or fancyCard, but was \"plian\", did you mean \"plain\"?")),
        Arguments.of("far-off value", Map.of("look", "holographic"),
            List.of("options.look: must be plain or fancyCard, but was \"holographic\"")),
        Arguments.of("action base URL", Map.of("actionBaseUrl", "https://ops.example.com/alert-router"), List.of()),
        Arguments.of("action base URL with a query", Map.of("actionBaseUrl", "https://ops.example.com/a?x=1"),
            List.of("options.actionBaseUrl: must be an http(s) base URL without query, such as"
                + " https://ops.example.com/alert-router, but was \"https://ops.example.com/a?x=1\"")),
        Arguments.of("bad zone", Map.of("timeZone", "Mars/Olympus"),
            List.of("options.timeZone: must be an IANA time zone such as Asia/Shanghai, but was \"Mars/Olympus\"")),
        Arguments.of("locale", Map.of("locale", "zh-CN"), List.of()),
        Arguments.of("locale in another case", Map.of("locale", "ZH-cn"), List.of()),
        Arguments.of("bad locale", Map.of("locale", "zh_CN"),
            List.of("options.locale: must be en or zh-CN, but was \"zh_CN\", did you mean \"zh-CN\"?")),
        Arguments.of("far-off locale", Map.of("locale", "fr"),
            List.of("options.locale: must be en or zh-CN, but was \"fr\"")),
        Arguments.of("bad overflow", Map.of("overflow", "splt"),
            List.of("options.overflow: must be truncate or split, but was \"splt\", did you mean \"split\"?")),
        Arguments.of("maxAlerts", Map.of("maxAlerts", "10", "overflow", "split"), List.of()),
        Arguments.of("maxAlerts 0: Alertmanager's no limit is no option here", Map.of("maxAlerts", "0"),
            List.of("options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists),"
                + " but was \"0\"")),
        Arguments.of("negative maxAlerts", Map.of("maxAlerts", "-5"),
            List.of("options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists),"
                + " but was \"-5\"")),
        Arguments.of("maxAlerts not a whole number", Map.of("maxAlerts", "2.5"),
            List.of("options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists),"
                + " but was \"2.5\"")),
        Arguments.of("maxAlerts a word", Map.of("maxAlerts", "ten"),
            List.of("options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists),"
                + " but was \"ten\"")),
        Arguments.of("misspelt maxAlerts", Map.of("maxAlert", "5"),
            List.of("options.maxAlert: unknown Acme option, did you mean \"maxAlerts\"? (known: look, timeZone,"
                + " overflow, maxAlerts, actionBaseUrl, locale)")),
        Arguments.of("misspelt name", Map.of("lok", "plain"),
            List.of("options.lok: unknown Acme option, did you mean \"look\"? (known: look, timeZone, overflow, maxAlerts, actionBaseUrl, locale)")),
        Arguments.of("unknown name", Map.of("colour", "red"),
            List.of("options.colour: unknown Acme option (known: look, timeZone, overflow, maxAlerts, actionBaseUrl, locale)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void checkReportsEveryProblemWithItsPath(String name, Map<String, String> options, List<String> expected) {
    assertThat(OPTIONS.check(robot(options))).map(ConfigProblem::toString).containsExactlyElementsOf(expected);
  }

  @Test
  void requireNamesTheRobotAndEveryProblem() {
    assertThatThrownBy(() -> OPTIONS.require(robot(Map.of("look", "x", "overflow", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("robot r1: options.look: must be plain or fancyCard, but was \"x\"; "
            + "options.overflow: must be truncate or split, but was \"y\"");
  }

  @Test
  void namesListTheChoicesThenTheSharedOptions() {
    assertThat(OPTIONS.names()).containsExactly("look", "timeZone", "overflow", "maxAlerts", "actionBaseUrl", "locale");
  }

  @Test
  void readGivesTheValueOrTheFallback() {
    assertThat(LOOK.read(robot(Map.of("look", "fancycard")))).isEqualTo(Look.FANCY_CARD);
    assertThat(LOOK.read(robot(Map.of()))).isEqualTo(Look.PLAIN);
    assertThatThrownBy(() -> LOOK.read(robot(Map.of("look", "x")))).hasMessageContaining("options.look");
  }

  @Test
  void aParserCanAcceptMore() {
    Choice<Look> lenient = LOOK.withParser(t -> RobotOptions.match(Look.values(), l -> l.word, t.strip()));
    assertThat(lenient.read(robot(Map.of("look", " plain ")))).isEqualTo(Look.PLAIN);
    assertThat(lenient.allowed()).containsExactly("plain", "fancyCard");
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("nothing set: the fallback and the shared defaults", Map.of(),
            Look.PLAIN, ZoneId.of("UTC"), Overflow.TRUNCATE),
        Arguments.of("every option set, any case", Map.of("look", "FancyCard", "timeZone", "Asia/Shanghai", "overflow", "SPLIT"),
            Look.FANCY_CARD, ZoneId.of("Asia/Shanghai"), Overflow.SPLIT),
        Arguments.of("action base URL alone", Map.of("actionBaseUrl", "https://ops.example.com/alert-router"),
            Look.PLAIN, RobotOptions.DEFAULT_TIME_ZONE, RobotOptions.DEFAULT_OVERFLOW));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void readGivesEveryValue(String name, Map<String, String> options, Look look, ZoneId zone, Overflow overflow) {
    RobotOptions.Values values = OPTIONS.read(robot(options));
    assertThat(values.get(LOOK)).isEqualTo(look);
    assertThat(values.timeZone()).isEqualTo(zone);
    assertThat(values.overflow()).isEqualTo(overflow);
  }

  @Test
  void maxAlertsIsReadAsANumberAndIsNoLimitWhenNotSet() {
    assertThat(OPTIONS.read(robot(Map.of("maxAlerts", "25"))).maxAlerts()).isEqualTo(25);
    assertThat(OPTIONS.read(robot(Map.of())).maxAlerts()).isEqualTo(Paging.NO_LIMIT);
  }

  @Test
  void readRefusesAsRequireDoes() {
    assertThatThrownBy(() -> OPTIONS.read(robot(Map.of("look", "x", "timeZone", "Mars/Olympus"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("robot r1: options.look: must be plain or fancyCard, but was \"x\"; "
            + "options.timeZone: must be an IANA time zone such as Asia/Shanghai, but was \"Mars/Olympus\"");
  }

  @Test
  void valuesRefuseAChoiceOfAnotherPlatform() {
    Choice<Look> other = Choice.of("look", Look.FANCY_CARD, l -> l.word);
    assertThatThrownBy(() -> OPTIONS.read(robot(Map.of())).get(other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("look is not one of the Acme options");
  }

  @Test
  void strippingBlanksAcceptsSpacingAndKeepsTheWords() {
    Choice<Look> spaced = LOOK.strippingBlanks();
    RobotOptions options = RobotOptions.of("Acme", List.of(spaced));
    assertThat(options.check(robot(Map.of("look", " fancyCard\t")))).isEmpty();
    assertThat(options.read(robot(Map.of("look", " fancyCard\t"))).get(spaced)).isEqualTo(Look.FANCY_CARD);
    assertThat(options.check(robot(Map.of("look", " plian ")))).map(ConfigProblem::toString)
        .containsExactly("options.look: must be plain or fancyCard, but was \" plian \"");
    assertThat(spaced.allowed()).containsExactly("plain", "fancyCard");
  }
}

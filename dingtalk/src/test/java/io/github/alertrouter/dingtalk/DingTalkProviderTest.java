package io.github.alertrouter.dingtalk;

import static io.github.alertrouter.dingtalk.Fixtures.PROVIDER;
import static io.github.alertrouter.dingtalk.Fixtures.robot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkProviderTest {
  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> {
          assertThat(p).isInstanceOf(DingTalkProvider.class);
          assertThat(p.id()).isEqualTo("dingtalk");
          assertThat(p.displayName()).isEqualTo("DingTalk");
        });
  }

  @Test
  void allowsTwentyMessagesPerMinute() {
    assertThat(PROVIDER.rateLimits()).containsExactly(new RateLimit(20, Duration.ofMinutes(1)));
  }

  static Stream<Arguments> robotOptions() {
    return Stream.of(
        Arguments.of("defaults", Map.of(), List.of()),
        Arguments.of("all valid", Map.of("msgType", "actionCard", "btnOrientation", "horizontal",
            "timeZone", "Asia/Shanghai", "overflow", "split"), List.of()),
        Arguments.of("values ignore case", Map.of("msgType", "ACTIONCARD", "overflow", "Split"), List.of()),
        Arguments.of("msgType typo", Map.of("msgType", "markdwn"), List.of(
            "options.msgType: must be markdown or actionCard, but was \"markdwn\", did you mean \"markdown\"?")),
        Arguments.of("unsupported msgType", Map.of("msgType", "feedCard"), List.of(
            "options.msgType: must be markdown or actionCard, but was \"feedCard\"")),
        Arguments.of("btnOrientation", Map.of("btnOrientation", "diagonal"), List.of(
            "options.btnOrientation: must be vertical or horizontal, but was \"diagonal\"")),
        Arguments.of("timeZone", Map.of("timeZone", "Mars/Olympus"), List.of(
            "options.timeZone: must be an IANA time zone such as Asia/Shanghai, but was \"Mars/Olympus\"")),
        Arguments.of("overflow", Map.of("overflow", "wrap"), List.of(
            "options.overflow: must be truncate or split, but was \"wrap\"")),
        Arguments.of("maxAlerts", Map.of("maxAlerts", "0"), List.of(
            "options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"0\"")),
        Arguments.of("unknown name close to one", Map.of("msgtyp", "markdown"), List.of(
            "options.msgtyp: unknown DingTalk option, did you mean \"msgType\"? (known: msgType, btnOrientation,"
                + " timeZone, overflow, maxAlerts, actionBaseUrl, locale)")),
        Arguments.of("unknown name", Map.of("colour", "red"), List.of(
            "options.colour: unknown DingTalk option (known: msgType, btnOrientation, timeZone, overflow, maxAlerts, actionBaseUrl, locale)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robotOptions")
  void checksRobotOptions(String name, Map<String, String> options, List<String> problems) {
    assertThat(PROVIDER.checkRobot(robot("alert", options))).extracting(ConfigProblem::toString)
        .containsExactlyElementsOf(problems);
  }

  @Test
  void renderRefusesAnInvalidOptionNamingIt() {
    assertThatThrownBy(() -> Fixtures.render(Fixtures.firing(1), List.of(), robot("alert", Map.of("msgType", "x")), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.msgType");
  }

  static Stream<Arguments> templates() {
    return Stream.of(
        Arguments.of("valid, every name", "{{statusLine}} {{keyword}} {{policy}} {{reason}} {{groups}} {{#digest}}d{{/digest}}"
            + "{{#groupLabels}}{{name}}={{value}}{{/groupLabels}}{{firingCount}}{{resolvedCount}}"
            + "{{#firing}}{{name}}{{severity}}{{summary}}{{description}}{{startsAt}}{{generatorURL}}{{source}}"
            + "{{#labels}}{{name}}{{value}}{{/labels}}{{#annotations}}{{name}}{{value}}{{/annotations}}{{/firing}}"
            + "{{#resolved}}{{endsAt}}{{duration}}{{/resolved}}{{more}}{{omitted}}{{part}}{{parts}}"
            + "{{#links}}{{title}}{{url}}{{/links}}{{linkLine}}{{unresolved}}{{mentions}}", null),
        Arguments.of("unclosed section", "{{#firing}}{{summary}}", "firing"),
        Arguments.of("unknown name", "{{#firing}}{{summry}}{{/firing}}", "summry"),
        Arguments.of("empty tag", "{{ }}", "malformed tag"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void checksTemplates(String name, String template, String problem) {
    List<String> problems = PROVIDER.checkTemplate(template);
    if (problem == null) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).singleElement().asString().contains(problem);
    }
  }

  @Test
  void renderRefusesABrokenTemplate() {
    assertThatThrownBy(() -> Fixtures.render(Fixtures.firing(1), List.of(), robot(), "{{#firing}}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("DingTalk template:");
  }
}

package io.github.alertrouter.wecom;

import static io.github.alertrouter.wecom.Fixtures.PROVIDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Overflow;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeComProviderTest {
  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(PlatformProvider.class).stream().map(ServiceLoader.Provider::get))
        .anySatisfy(p -> {
          assertThat(p).isInstanceOf(WeComProvider.class);
          assertThat(p.id()).isEqualTo("wecom");
          assertThat(p.displayName()).isEqualTo("WeCom");
        });
  }

  @Test
  void allowsTwentyMessagesPerMinute() {
    assertThat(PROVIDER.rateLimits()).containsExactly(new RateLimit(20, Duration.ofMinutes(1)));
  }

  static Stream<Arguments> robotOptions() {
    return Stream.of(
        Arguments.of("defaults", Map.of(), List.of()),
        Arguments.of("all valid", Map.of("msgType", "markdown_v2", "mentionMode", "single",
            "timeZone", "Asia/Shanghai", "overflow", "split"), List.of()),
        Arguments.of("values ignore case", Map.of("msgType", "TEXT", "mentionMode", "FOLLOWUP"), List.of()),
        Arguments.of("msgType typo", Map.of("msgType", "markdwn"), List.of(
            "options.msgType: must be markdown or text or markdown_v2, but was \"markdwn\", did you mean \"markdown\"?")),
        Arguments.of("unsupported msgType", Map.of("msgType", "news"), List.of(
            "options.msgType: must be markdown or text or markdown_v2, but was \"news\"")),
        Arguments.of("mentionMode", Map.of("mentionMode", "singel"), List.of(
            "options.mentionMode: must be followUp or single, but was \"singel\", did you mean \"single\"?")),
        Arguments.of("timeZone", Map.of("timeZone", "Mars/Olympus"), List.of(
            "options.timeZone: must be an IANA time zone such as Asia/Shanghai, but was \"Mars/Olympus\"")),
        Arguments.of("overflow", Map.of("overflow", "wrap"), List.of(
            "options.overflow: must be truncate or split, but was \"wrap\"")),
        Arguments.of("maxAlerts", Map.of("maxAlerts", "0"), List.of(
            "options.maxAlerts: must be a whole number of at least 1 (the most alerts one message lists), but was \"0\"")),
        Arguments.of("unknown name close to one", Map.of("msgtyp", "markdown"), List.of(
            "options.msgtyp: unknown WeCom option, did you mean \"msgType\"? (known: msgType, mentionMode,"
                + " timeZone, overflow, maxAlerts, actionBaseUrl, locale)")),
        Arguments.of("DingTalk's option", Map.of("btnOrientation", "vertical"), List.of(
            "options.btnOrientation: unknown WeCom option (known: msgType, mentionMode, timeZone, overflow, maxAlerts, actionBaseUrl, locale)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robotOptions")
  void checksRobotOptions(String name, Map<String, String> options, List<String> expected) {
    assertThat(PROVIDER.checkRobot(Fixtures.robot(options))).extracting(ConfigProblem::toString)
        .containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> robotSettings() {
    String key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
    return Stream.of(
        Arguments.of("a secret", new Robot("r", "wecom", Secret.of(Fixtures.WEBHOOK), Secret.of("SEC1"), null),
            "secret: WeCom robots have no signing secret"),
        Arguments.of("a keyword", new Robot("r", "wecom", Secret.of(Fixtures.WEBHOOK), null, "告警"),
            "keyword: WeCom robots have no keyword security"),
        Arguments.of("only the key", new Robot("r", "wecom", Secret.of(key), null, null),
            "webhook: must be the whole URL"),
        Arguments.of("no key", new Robot("r", "wecom",
            Secret.of("https://qyapi.weixin.qq.com/cgi-bin/webhook/send"), null, null), "webhook: has no key"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robotSettings")
  void reportsWhatWeComRobotsDoNotHave(String name, Robot robot, String problem) {
    List<ConfigProblem> problems = PROVIDER.checkRobot(robot);

    assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).startsWith(problem));
    assertThat(problems.toString()).doesNotContain("693a91f6");
  }

  @Test
  void renderNamesEveryBadOption() {
    Robot robot = Fixtures.robot(Map.of("msgType", "card", "mentionMode", "both"));
    RenderRequest request = new RenderRequest(Fixtures.firing(1), List.of(), robot, null, ZoneId.of("UTC"),
        Overflow.TRUNCATE);

    assertThatThrownBy(() -> PROVIDER.render(request)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("options.msgType").hasMessageContaining("options.mentionMode");
  }

  @Test
  void checksTemplates() {
    assertThat(PROVIDER.checkTemplate("## {{statusLine}}\n{{#firing}}{{name}}: {{summary}}\n{{/firing}}{{mentions}}"))
        .isEmpty();
    assertThat(PROVIDER.checkTemplate("{{#firing}}{{nmae}}{{/firing}}")).singleElement()
        .satisfies(p -> assertThat(p).contains("nmae"));
    assertThat(PROVIDER.checkTemplate("{{#firing}}unclosed")).hasSize(1);
    assertThat(PROVIDER.checkTemplate("{{keyword}}")).as("WeCom has no keyword").hasSize(1);
  }
}

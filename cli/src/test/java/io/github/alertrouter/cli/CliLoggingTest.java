package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.spi.SLF4JServiceProvider;

/** Which slf4j-simple level and layout a command line gets; the logging itself is in {@link ServeLoggingTest}. */
class CliLoggingTest {
  private static final String LEVEL = CliLogging.DEFAULT_LOG_LEVEL;

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of("serve: info", "serve --config=x.yaml", Map.of(), Map.of(), "info"),
        Arguments.of("other commands: warn", "routes test --config.file=am.yml a=b", Map.of(), Map.of(), "warn"),
        Arguments.of("demo: warn", "demo", Map.of(), Map.of(), "warn"),
        Arguments.of("no command: warn", "", Map.of(), Map.of(), "warn"),
        Arguments.of("serve --log.level=debug", "serve --config=x.yaml --log.level=debug", Map.of(), Map.of(), "debug"),
        Arguments.of("serve --log.level off (two words)", "serve --log.level off --config=x.yaml", Map.of(), Map.of(), "off"),
        Arguments.of("serve --log.level=ERROR (any case)", "serve --log.level=ERROR", Map.of(), Map.of(), "error"),
        Arguments.of("the flag after -- is an argument", "serve -- --log.level=debug", Map.of(), Map.of(), "info"),
        Arguments.of("the flag belongs to serve only", "demo --log.level=debug", Map.of(), Map.of(), "warn"),
        Arguments.of("the variable, serve", "serve", Map.of(CliLogging.ENV_LEVEL, "warn"), Map.of(), "warn"),
        Arguments.of("the variable, other commands", "preview", Map.of(CliLogging.ENV_LEVEL, "debug"), Map.of(), "debug"),
        Arguments.of("an empty variable is unset", "serve", Map.of(CliLogging.ENV_LEVEL, " "), Map.of(), "info"),
        Arguments.of("the flag beats the variable", "serve --log.level=error", Map.of(CliLogging.ENV_LEVEL, "debug"),
            Map.of(), "error"),
        Arguments.of("the flag beats -D", "serve --log.level=error", Map.of(), Map.of(LEVEL, "trace"), "error"),
        Arguments.of("a bad flag is left to serve, which refuses it", "serve --log.level=loud", Map.of(), Map.of(),
            "info"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levels")
  void theLevel(String name, String commandLine, Map<String, String> env, Map<String, String> properties, String level) {
    assertThat(CliLogging.properties(args(commandLine), env::get, properties::get)).containsEntry(LEVEL, level);
  }

  @Test
  void anExplicitDashDLevelIsKeptOverTheVariableAndTheDefault() {
    Map<String, String> set = CliLogging.properties(args("serve"), Map.of(CliLogging.ENV_LEVEL, "debug")::get,
        Map.of(LEVEL, "trace")::get);

    assertThat(set).doesNotContainKey(LEVEL);
  }

  @Test
  void linesGoToStderrWithAnIsoTimestampAndTheUsersOwnLayoutSettingsWin() {
    String showThreadName = CliLogging.PREFIX + "showThreadName";
    Map<String, String> set = CliLogging.properties(args("serve"), k -> null, Map.of(showThreadName, "true")::get);

    assertThat(set).containsEntry(CliLogging.PREFIX + "logFile", "System.err")
        .containsEntry(CliLogging.PREFIX + "showDateTime", "true")
        .containsEntry(CliLogging.PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
        .doesNotContainKey(showThreadName);
  }

  @Test
  void aBadLevelIsAUsageErrorNamingWhereItCameFrom() {
    assertThatThrownBy(() -> CliLogging.properties(args("demo"), Map.of(CliLogging.ENV_LEVEL, "loud")::get, k -> null))
        .isInstanceOf(UsageException.class)
        .hasMessage("environment variable ALERT_ROUTER_LOG_LEVEL must be one of debug, info, warn, error, off,"
            + " but was \"loud\"");
    CliRun serve = CliRun.of("serve", "--config=x.yaml", "--log.level=loud");
    assertThat(serve.exit()).isEqualTo(2);
    assertThat(serve.stderr()).isEqualTo("alert-router serve: error: --log.level must be one of debug, info, warn, error,"
        + " off, but was \"loud\", try --help\n");
  }

  @Test
  void slf4jSimpleIsTheOnlyProvider() {
    assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()))
        .containsExactly("org.slf4j.simple.SimpleServiceProvider");
  }

  private static List<String> args(String commandLine) {
    return commandLine.isEmpty() ? List.of() : Arrays.asList(commandLine.split(" "));
  }
}

package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code alert-router oncall}.
 */
class OnCallCommandTest {
  private static final String SAMPLE = Path.of("..", "samples", "alert-router.yaml").toString();
  private static final Instant NOW = Instant.parse("2026-03-08T02:00:00Z");

  @TempDir
  static Path dir;
  private static String nights;

  /** alice and bob take turns every day at 20:00 UTC, alice first on 2026-03-01. */
  @BeforeAll
  static void writeConfigs() throws IOException {
    nights = write("nights.yaml", """
        contacts:
          - { id: alice, name: "Alice Zhang" }
          - { id: bob, name: "Bob Li" }
        schedules:
          - id: nights
            timeZone: UTC
            layers:
              - { name: daily, members: [alice, bob], rotation: DAILY, handoff: "2026-03-01T20:00" }
          - id: days
            timeZone: UTC
            layers:
              - { name: daily, members: [bob], rotation: DAILY, handoff: "2026-03-01T08:00" }
        """);
  }

  private static String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file.toString();
  }

  /** Sunday 10:00 in Shanghai: Alice's weekly shift; on Monday 09:00 Carol's weekday layer covers it. */
  @Test
  void atAsJsonOnTheSample() {
    CliRun run = CliRun.of("oncall", "--config", SAMPLE, "--schedule", "primary", "--at", "2026-03-08T10:00:00+08:00",
        "--format", "json");
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("""
        {
          "schedule": "primary",
          "at": "2026-03-08T02:00:00Z",
          "onCall": [
            {
              "contact": "alice",
              "name": "Alice Zhang",
              "source": "layer:weekly"
            }
          ],
          "until": "2026-03-09T01:00:00Z",
          "next": [
            {
              "contact": "carol",
              "name": "Carol Wang",
              "source": "layer:weekday-days"
            }
          ]
        }
        """);
  }

  @Test
  void atAsTextOnTheSample() {
    CliRun run = CliRun.of("oncall", "--config=" + SAMPLE, "--schedule=primary", "--at=2026-03-08T02:00:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .isEqualTo("2026-03-08T02:00:00Z primary: Alice Zhang (layer:weekly) until 2026-03-09T01:00:00Z, then Carol Wang\n");
  }

  @Test
  void atDefaultsToTheInjectedClock() {
    Result run = direct("--config", nights, "--schedule", "nights", "--format", "json");
    assertThat(run.stdout()).contains("\"at\": \"2026-03-08T02:00:00Z\"");
  }

  @Test
  void atOnASimpleDailyRotation() {
    CliRun run = CliRun.of("oncall", "--config", nights, "--schedule", "nights", "--at", "2026-03-02T21:00:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout())
        .isEqualTo("2026-03-02T21:00:00Z nights: Bob Li (layer:daily) until 2026-03-03T20:00:00Z, then Alice Zhang\n");
  }

  @Test
  void rangeAsJson() {
    CliRun run = CliRun.of("oncall", "--config", nights, "--schedule", "nights",
        "--from", "2026-03-02T20:00:00Z", "--to", "2026-03-04T20:00:00Z", "--format", "json");
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("""
        {
          "schedule": "nights",
          "from": "2026-03-02T20:00:00Z",
          "to": "2026-03-04T20:00:00Z",
          "shifts": [
            {
              "start": "2026-03-02T20:00:00Z",
              "end": "2026-03-03T20:00:00Z",
              "contact": "bob",
              "name": "Bob Li",
              "source": "layer:daily"
            },
            {
              "start": "2026-03-03T20:00:00Z",
              "end": "2026-03-04T20:00:00Z",
              "contact": "alice",
              "name": "Alice Zhang",
              "source": "layer:daily"
            }
          ],
          "gaps": []
        }
        """);
  }

  @Test // before a layer's first handoff its rotation runs backwards in the same phase
  void rangeAsTextRunsTheRotationBackBeforeTheFirstHandoff() {
    CliRun run = CliRun.of("oncall", "--config", nights, "--schedule", "nights",
        "--from", "2026-03-01T12:00:00Z", "--to", "2026-03-03T08:00:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout()).isEqualTo("""
        2026-03-01T12:00:00Z – 2026-03-01T20:00:00Z  Bob Li (layer:daily)
        2026-03-01T20:00:00Z – 2026-03-02T20:00:00Z  Alice Zhang (layer:daily)
        2026-03-02T20:00:00Z – 2026-03-03T08:00:00Z  Bob Li (layer:daily)
        """);
  }

  /** Office hours only, from a Saturday before the first handoff: whichever model, there are gaps. */
  @Test
  void rangeAsTextCoversTheRangeLineByLine() throws IOException {
    String office = write("office.yaml", """
        contacts: [ { id: alice, name: "Alice Zhang" } ]
        schedules:
          - id: office
            timeZone: UTC
            layers:
              - name: office
                members: [alice]
                rotation: DAILY
                handoff: "2026-03-02T09:00"
                restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ]
        """);
    CliRun run = CliRun.of("oncall", "--config", office, "--schedule", "office",
        "--from", "2026-02-28T00:00:00Z", "--to", "2026-03-04T00:00:00Z");
    assertThat(run.exit()).as(run.stderr()).isZero();
    List<String> lines = run.stdout().lines().toList();
    assertThat(lines).isNotEmpty()
        .allMatch(l -> l.matches("\\S+Z – \\S+Z  (nobody on duty|Alice Zhang \\(layer:office\\))"))
        .anyMatch(l -> l.endsWith("nobody on duty"))
        .anyMatch(l -> l.endsWith("Alice Zhang (layer:office)"));
    assertThat(lines.get(0)).startsWith("2026-02-28T00:00:00Z – ");
    assertThat(lines.get(lines.size() - 1)).contains(" – 2026-03-04T00:00:00Z  ");
    for (int i = 1; i < lines.size(); i++) {
      assertThat(lines.get(i).substring(0, 20)).as("line %d starts where the one before ends", i)
          .isEqualTo(lines.get(i - 1).substring(23, 43));
    }
  }

  @Test
  void rangeAsICalendarHasOneEventPerShiftAndTheClockAsStamp() {
    Result run = direct("--config", nights, "--schedule", "nights",
        "--from", "2026-03-02T20:00:00Z", "--to", "2026-03-05T20:00:00Z", "--format", "ical");
    String ics = run.stdout();
    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n", "\r");
    assertThat(ics).contains("X-WR-CALNAME:On call: nights\r\n",
        "UID:nights-20260302T200000Z-bob@alert-router\r\n",
        "DTSTART:20260303T200000Z\r\nDTEND:20260304T200000Z\r\nSUMMARY:On call: Alice Zhang\r\n");
    assertThat(ics.split("\r\n")).filteredOn("BEGIN:VEVENT"::equals).hasSize(3);
    assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith("DTSTAMP:"))
        .hasSize(3).containsOnly("DTSTAMP:20260308T020000Z");
  }

  @Test
  void aRangeOfExactly366DaysIsAllowed() {
    CliRun run = CliRun.of("oncall", "--config", nights, "--schedule", "days",
        "--from", "2026-03-01T08:00:00Z", "--to", "2027-03-02T08:00:00Z", "--format", "json");
    assertThat(run.exit()).as(run.stderr()).isZero();
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("--at with a range", List.of("--at", "2026-03-02T00:00:00Z", "--from", "2026-03-02T00:00:00Z",
            "--to", "2026-03-03T00:00:00Z"), "--at cannot be combined with --from/--to"),
        Arguments.of("--from alone", List.of("--from", "2026-03-02T00:00:00Z"), "required flag --to not provided"),
        Arguments.of("--to alone", List.of("--to", "2026-03-02T00:00:00Z"), "required flag --from not provided"),
        Arguments.of("--to before --from", List.of("--from", "2026-03-02T00:00:00Z", "--to", "2026-03-01T00:00:00Z"),
            "--to must be after --from, but was 2026-03-02T00:00:00Z – 2026-03-01T00:00:00Z"),
        Arguments.of("empty range", List.of("--from", "2026-03-02T00:00:00Z", "--to", "2026-03-02T08:00:00+08:00"),
            "--to must be after --from"),
        Arguments.of("range too long", List.of("--from", "2026-03-01T00:00:00Z", "--to", "2027-03-02T00:00:01Z"),
            "--from/--to may span at most 366 days, but 2026-03-01T00:00:00Z – 2027-03-02T00:00:01Z is more than"
                + " 366 days; split the range"),
        Arguments.of("not a time", List.of("--at", "tomorrow"),
            "--at must be an RFC 3339 time such as 2026-03-08T02:00:00Z, but was \"tomorrow\""),
        Arguments.of("no offset", List.of("--from", "2026-03-01T00:00:00", "--to", "2026-03-02T00:00:00Z"),
            "--from must be an RFC 3339 time"),
        Arguments.of("unknown format", List.of("--format", "yaml"), "--format must be text, json or ical, but was \"yaml\""),
        Arguments.of("ical needs a range", List.of("--format=ical"), "--format=ical needs a range: --from and --to"),
        Arguments.of("positional", List.of("primary"), "unexpected argument \"primary\""),
        Arguments.of("unknown flag", List.of("--when", "now"), "unknown long flag '--when'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsOneLineAndExit2(String name, List<String> flags, String message) {
    List<String> args = new ArrayList<>(List.of("oncall", "--config", nights, "--schedule", "nights"));
    args.addAll(flags);
    CliRun run = CliRun.of(args);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr().lines()).singleElement().asString()
        .startsWith("alert-router oncall: error: ").contains(message);
  }

  @Test
  void requiresTheScheduleAndTheConfig() {
    assertThat(CliRun.of("oncall", "--config", nights).stderr()).contains("required flag --schedule not provided");
    assertThat(CliRun.of("oncall", "--schedule", "nights").stderr()).contains("required flag --config not provided");
  }

  @Test
  void anUnknownScheduleIsNamedWithTheKnownOnes() {
    CliRun run = CliRun.of("oncall", "--config", nights, "--schedule", "night");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stdout()).isEmpty();
    assertThat(run.stderr()).isEqualTo(
        "alert-router oncall: error: unknown schedule \"night\", did you mean \"nights\"? (known: nights, days)\n");
    assertThat(CliRun.of("oncall", "--config", SAMPLE, "--schedule", "backup").stderr())
        .isEqualTo("alert-router oncall: error: unknown schedule \"backup\" (known: primary)\n");
  }

  @Test
  void aConfigWithoutSchedulesSaysSo() throws IOException {
    String none = write("none.yaml", "contacts:\n  - { id: alice, name: Alice }\n");
    CliRun run = CliRun.of("oncall", "--config", none, "--schedule", "primary");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).contains("unknown schedule \"primary\" (the config defines no schedules)");
  }

  @Test
  void aBrokenConfigIsExit2() throws IOException {
    String broken = write("broken.yaml", "schedules:\n  - id: x\n    timeZone: Mars/Olympus\n");
    CliRun run = CliRun.of("oncall", "--config", broken, "--schedule", "x");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.stderr()).startsWith("alert-router oncall: error: ");
  }

  @Test
  void hasHelpAndIsListed() {
    CliRun help = CliRun.of("oncall", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).startsWith("usage: alert-router oncall --config=FILE --schedule=ID")
        .contains("--at=RFC3339", "--from=RFC3339", "--to=RFC3339", "--format=FORMAT", "366 days", "Exit codes");
    assertThat(CliRun.of("--help").stdout()).contains("  oncall ");
  }

  private record Result(int exit, String stdout) {}

  /** Runs the command itself with the clock fixed at {@link #NOW}. */
  private static Result direct(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new OnCallCommand(Clock.fixed(NOW, ZoneOffset.UTC)).run(List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
    return new Result(exit, out.toString(StandardCharsets.UTF_8));
  }
}

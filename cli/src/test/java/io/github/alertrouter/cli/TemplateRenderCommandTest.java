package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code alert-router template render} against Debian's {@code amtool template render}
 * (Alertmanager 0.25) on the same arguments: same stdout and exit code, and for errors the same
 * message after the program's name. Debian's amtool has no built-in default templates, so it is
 * given ours (a copy of Alertmanager's) as the first glob; we have them built in. Skipped without
 * amtool unless ALERT_ROUTER_REQUIRE_AMTOOL=1.
 */
class TemplateRenderCommandTest {
  private static final Path DEFAULT_TMPL =
      Path.of("../core/src/main/resources/io/github/alertrouter/gotemplate/default.tmpl");
  private static final String WEBHOOK = "src/test/resources/webhook-v4.json";

  @TempDir static Path dir;

  static Stream<Arguments> cases() throws IOException {
    Path a = Files.writeString(dir.resolve("a.tmpl"),
        "{{ define \"ding.title\" }}[{{ .Status | toUpper }}] {{ .CommonLabels.alertname }}{{ end }}\n"
            + "{{ define \"ding.body\" }}{{ range .Alerts }}- {{ .Labels.instance }} {{ .StartsAt.Format \"2006-01-02 15:04:05\" }} {{ .Annotations.summary }}\n{{ end }}{{ end }}");
    Files.writeString(dir.resolve("b.tmpl"), "{{ define \"b\" }}B:{{ template \"ding.title\" . }}{{ end }}");
    Files.writeString(dir.resolve("bad.tmpl.broken"), "{{ if }}");
    Path min = Files.writeString(dir.resolve("min.json"),
        "{\"Receiver\":\"r\",\"alerts\":[{\"labels\":{\"a\":\"b\"},\"startsAt\":\"2026-01-01T00:00:00+08:00\"}],\"extra\":1}");
    Files.writeString(dir.resolve("bad.json"), "{\"receiver\": 1}");
    String d = dir.toString();
    return Stream.of(
        Arguments.of("webhook data", List.of("--template.glob=" + a,
            "--template.text={{ template \"ding.title\" . }}\n{{ template \"ding.body\" . }}",
            "--template.data=" + WEBHOOK)),
        Arguments.of("glob of several files, separate flag value", List.of("--template.glob",
            d + "/*.tmpl", "--template.text={{ template \"b\" . }}", "--template.data=" + WEBHOOK)),
        Arguments.of("default templates", List.of("--template.glob=" + a,
            "--template.text={{ template \"slack.default.title\" . }}|{{ template \"__subject\" . }}",
            "--template.data=" + WEBHOOK)),
        Arguments.of("lenient JSON with an offset", List.of("--template.glob=" + a,
            "--template.text={{ . }}", "--template.data=" + min)),
        Arguments.of("glob matching nothing", List.of("--template.glob=" + d + "/*.none",
            "--template.text=x{{ .Status }}", "--template.data=" + WEBHOOK)),
        Arguments.of("exec error", List.of("--template.glob=" + a, "--template.text={{ .Nope }}",
            "--template.data=" + WEBHOOK)),
        Arguments.of("parse error in text", List.of("--template.glob=" + a,
            "--template.text={{ .Status", "--template.data=" + WEBHOOK)),
        Arguments.of("parse error in a file", List.of("--template.glob=" + d + "/bad.tmpl.*",
            "--template.text=x")),
        Arguments.of("undefined template", List.of("--template.glob=" + a,
            "--template.text={{ template \"nope\" . }}")),
        Arguments.of("missing data file", List.of("--template.glob=" + a, "--template.text=x",
            "--template.data=" + d + "/nope.json")),
        Arguments.of("JSON of the wrong type", List.of("--template.glob=" + a, "--template.text=x",
            "--template.data=" + d + "/bad.json")),
        Arguments.of("example data without times", List.of("--template.glob=" + a,
            "--template.text={{ .Receiver }} {{ .Status }} {{ .GroupLabels }} {{ .CommonLabels }} "
                + "{{ .CommonAnnotations }} {{ .ExternalURL }} {{ range .Alerts }}{{ .Status }} "
                + "{{ .Labels }} {{ .Annotations }} {{ .GeneratorURL }} {{ .Fingerprint }}|{{ end }}"
                + "{{ template \"__subject\" . }}")),
        Arguments.of("no glob", List.of("--template.text=x")),
        Arguments.of("no text", List.of("--template.glob=" + a)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void printsWhatAmtoolPrints(String name, List<String> args) throws Exception {
    String amtool = findAmtool();
    List<String> cmd = new ArrayList<>(List.of(amtool, "template", "render"));
    List<String> amArgs = new ArrayList<>(args);
    if (args.stream().anyMatch(s -> s.startsWith("--template.glob"))) {
      amArgs.add(0, "--template.glob=" + DEFAULT_TMPL);
    }
    cmd.addAll(amArgs);
    Expected expected = run(cmd);
    CliRun ours = CliRun.of(concat(List.of("template", "render"), args));

    assertThat(ours.exit()).as(name + ": " + expected.stderr).isEqualTo(expected.exit);
    assertThat(ours.stdout()).as(name).isEqualTo(expected.stdout);
    assertThat(message(ours.stderr(), "alert-router: error: "))
        .as(name).isEqualTo(message(expected.stderr, "amtool: error: "));
  }

  @Test
  void exampleDataTimesAreAroundTheClock() {
    Instant now = Instant.parse("2026-03-08T02:00:00Z");
    TemplateRenderCommand command = new TemplateRenderCommand(Clock.fixed(now, ZoneOffset.UTC));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    int exit = command.run(List.of("--template.glob=/nonexistent/*.tmpl",
        "--template.text={{ range .Alerts }}{{ .StartsAt }}|{{ .EndsAt }};{{ end }}"),
        new java.io.PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(exit).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "2026-03-08 01:55:00 +0000 UTC|2026-03-08 02:00:00 +0000 UTC;"
            + "2026-03-08 01:50:00 +0000 UTC|2026-03-08 02:00:00 +0000 UTC;");
  }

  @Test
  void prometheusWebhookDingtalkTemplatesRenderOnItsDefaults() {
    Path samples = Path.of("..", "samples");
    CliRun run = CliRun.of("template", "render", "--template.glob=" + samples.resolve("templates/*.tmpl"),
        "--template.text={{ template \"ops.title\" . }}|{{ template \"ding.link.title\" . }}|{{ len .AtMobiles }}"
            + "|{{ \"a_b\" | markdown }}",
        "--template.defaults=webhook-dingtalk");

    assertThat(run.exit()).as(run.stderr()).isZero();
    // amtool's example data: status "alertstatus" (not firing), as many common labels as group labels
    assertThat(run.stdout()).isEqualTo("[恢复] |[ALERTSTATUS] grouplabelvalue1 grouplabelvalue2 |0|a\\_b");
    // as amtool: Alertmanager's defaults know neither
    CliRun amtool = CliRun.of("template", "render", "--template.glob=" + samples.resolve("templates/*.tmpl"),
        "--template.text={{ template \"ding.link.title\" . }}");
    assertThat(amtool.exit()).isEqualTo(1);
    assertThat(CliRun.of("template", "render", "--template.glob=x", "--template.text=x", "--template.defaults=grafana")
        .stderr()).contains("--template.defaults must be alertmanager or webhook-dingtalk");
  }

  @Test
  void htmlTemplatesAreRefusedWithAReason() {
    CliRun run = CliRun.of("template", "render", "--template.glob=x", "--template.text=x",
        "--template.type=html");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.stderr()).contains("--template.type=html is not supported");
  }

  private static String message(String stderr, String prefix) {
    return stderr.startsWith(prefix) ? stderr.substring(prefix.length()) : stderr;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private record Expected(int exit, String stdout, String stderr) {}

  private static Expected run(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder b = new ProcessBuilder(cmd);
    b.environment().put("HOME", dir.toString());
    b.environment().put("TZ", "UTC");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    b.redirectOutput(out.toFile()).redirectError(err.toFile());
    b.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    Process p = b.start();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("amtool did not finish in 20 s: " + cmd);
    }
    return new Expected(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static String findAmtool() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(d, "amtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail("amtool is required (ALERT_ROUTER_REQUIRE_AMTOOL=1) but not on the PATH");
    }
    assumeTrue(false, "amtool not installed; .ci/run installs it");
    return null;
  }
}

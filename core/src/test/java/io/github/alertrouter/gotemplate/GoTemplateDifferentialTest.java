package io.github.alertrouter.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the template corpus ({@code src/test/resources/gotemplate/corpus}) and seeded random
 * pipelines with our engine and with Debian's {@code amtool template render} (Alertmanager 0.25) on
 * the Alertmanager payload fixtures, and requires the same output, or the same error message.
 * Cases are batched: one amtool process renders every {@code case.*} template of a corpus file,
 * separated by markers. Skipped without amtool unless ALERT_ROUTER_REQUIRE_AMTOOL=1.
 */
class GoTemplateDifferentialTest {
  private static final Path CORPUS = Path.of("src/test/resources/gotemplate/corpus");
  private static final List<Path> DATA = List.of(
      Path.of("src/test/resources/fixtures/alertmanager-0.25/a-two-instances/001.json"),
      Path.of("src/test/resources/fixtures/alertmanager-0.25/b-cjk-markdown/001.json"),
      Path.of("src/test/resources/fixtures/alertmanager-0.25/e-partial-resolve/002.json"),
      Path.of("src/test/resources/fixtures/payloads/v4-mixed-cjk.json"),
      // labels that sort before alertname, resolved alerts, fractional and pre-2000 times
      Path.of("src/test/resources/gotemplate/data/sorting.json"));
  private static final Pattern CASE = Pattern.compile("define \"(case\\.[^\"]+)\"");

  @TempDir static Path home;
  private static Amtool amtool;

  @BeforeAll
  static void findAmtool() {
    amtool = Amtool.find(home);
  }

  @Test
  void corpusRendersAsAmtoolRendersIt() throws Exception {
    int compared = 0;
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".tmpl")).sorted().toList()) {
        String corpus = Files.readString(file);
        List<String> names = new ArrayList<>();
        Matcher m = CASE.matcher(corpus);
        while (m.find()) {
          names.add(m.group(1));
        }
        assertThat(names).as(file.toString()).isNotEmpty();
        for (Path data : DATA) {
          assertThat(compare(file, corpus, callAll(names), data)).as(file + " renders").isNull();
          compared += names.size();
        }
      }
    }
    assertThat(compared).isGreaterThan(80);
  }

  @Test
  void oneLinersRenderOrFailAsInAmtool() throws Exception {
    List<String> lines = Files.readAllLines(CORPUS.resolve("lines.txt"), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.replace("⏎", "\n")).toList();
    int errors = 0;
    Path data = DATA.get(1);
    List<String> failures = new ArrayList<>();
    for (String text : lines) {
      try {
        errors += compare(null, null, text, data) != null ? 1 : 0;
      } catch (AssertionError e) {
        failures.add(e.getMessage());
      }
    }
    assertThat(failures).as("cases that differ").isEmpty();
    assertThat(errors).as("cases that are errors in amtool").isGreaterThan(40);
  }

  @Test
  void randomPipelinesRenderAsInAmtool() throws Exception {
    long seed = Long.getLong("gotemplate.seed", 20261207L);
    Random random = new Random(seed);
    StringBuilder corpus = new StringBuilder();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String name = "case.random." + i;
      names.add(name);
      corpus.append("{{ define \"").append(name).append("\" }}")
          .append(new RandomTemplates(random).action()).append("{{ end }}\n");
    }
    Path file = home.resolve("random-" + seed + ".tmpl");
    Files.writeString(file, corpus);
    for (Path data : DATA) {
      assertThat(compare(file, corpus.toString(), callAll(names), data)).as("renders").isNull();
    }
  }

  private static String callAll(List<String> names) {
    StringBuilder text = new StringBuilder();
    for (String n : names) {
      text.append("\n=== ").append(n).append(" ===\n{{ template \"").append(n).append("\" . }}");
    }
    return text.toString();
  }

  /** Renders with both; returns the error both reported, or null when both rendered the same. */
  private static String compare(Path file, String corpus, String text, Path data)
      throws IOException, InterruptedException {
    List<Path> globs = new ArrayList<>(List.of(Amtool.DEFAULT_TMPL));
    if (file != null) {
      globs.add(file);
    }
    Amtool.Result expected = amtool.render(globs, text, data);
    String context = file == null ? text + " on " + data : file.getFileName() + " on " + data;
    String ours;
    String ourError = null;
    try {
      GoTemplate t = AlertmanagerTemplates.defaults();
      if (corpus != null) {
        t = t.parse(file.getFileName().toString(), corpus);
      }
      ours = t.parse("", text).execute("", TemplateData.read(data));
    } catch (TemplateException e) {
      ours = null;
      ourError = e.getMessage();
    }
    if (expected.exit() != 0) {
      assertThat(ourError).as("error for " + context).isEqualTo(expected.error());
      return expected.error();
    }
    assertThat(ourError).as("no error for " + context).isNull();
    // Per case first, so a difference names its case.
    String[] want = expected.stdout().split("\n=== ");
    String[] got = ours.split("\n=== ");
    for (int i = 0; i < Math.min(want.length, got.length); i++) {
      assertThat(got[i]).as(context).isEqualTo(want[i]);
    }
    assertThat(ours).as(context).isEqualTo(expected.stdout());
    return null;
  }

  /** The fixture as template data, through the webhook codec (as the router reads it). */
  static final class TemplateData {
    static AmData read(Path json) throws IOException {
      return AmData.from(WebhookCodec.create().parse(Files.readAllBytes(json)));
    }
  }
}

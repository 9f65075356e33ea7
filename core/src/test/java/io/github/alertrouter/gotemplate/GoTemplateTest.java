package io.github.alertrouter.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the differential test cannot check against amtool: Go semantics newer than the Go that
 * built Debian's amtool, plain (non-Alertmanager) template sets, the set's immutability and
 * thread-safety, and that both ways of reading a payload give the same data.
 */
class GoTemplateTest {
  private static String render(GoTemplate set, String text, Object data) {
    return set.parse("t", text).execute("t", data);
  }

  static Stream<Arguments> plainGo() {
    Map<String, Object> data = Map.of("Labels", Map.of("instance", "db-1"), "N", 3L,
        "List", List.of("a", "b"));
    return Stream.of(
        Arguments.of("missing map key prints <no value>", "{{ .Labels.nope }}", data, "<no value>"),
        Arguments.of("map field", "{{ .Labels.instance }}", data, "db-1"),
        Arguments.of("else with (Go 1.23)",
            "{{ with .Labels.nope }}a{{ else with .Labels.instance }}b={{ . }}{{ end }}", data, "b=db-1"),
        Arguments.of("else with falls through",
            "{{ with .Labels.nope }}a{{ else with .Labels.none }}b{{ else }}c{{ end }}", data, "c"),
        Arguments.of("break and continue",
            "{{ range $i, $e := .List }}{{ if eq $i 0 }}{{ continue }}{{ end }}{{ $e }}{{ break }}{{ end }}",
            data, "b"),
        Arguments.of("range assigns to declared variables",
            "{{ $i := 9 }}{{ $e := \"\" }}{{ range $i, $e = .List }}{{ end }}{{ $i }}{{ $e }}", data, "1b"),
        Arguments.of("and short-circuits", "{{ and false .Labels.instance.Nope }}", data, "false"),
        Arguments.of("int field", "{{ .N }}", data, "3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plainGo")
  void plainGoSemantics(String name, String text, Object data, String expected) {
    assertThat(render(GoTemplate.empty(), text, data)).isEqualTo(expected);
  }

  @Test
  void alertmanagerFunctionsAreNotInAPlainSet() {
    assertThatThrownBy(() -> GoTemplate.empty().parse("t", "{{ toUpper \"a\" }}"))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: t:1: function \"toUpper\" not defined");
  }

  @Test
  void aMissingLabelIsEmptyUnderAlertmanagersMissingkeyZero() throws Exception {
    AmData data = read("src/test/resources/fixtures/alertmanager-0.25/a-two-instances/001.json");
    assertThat(render(AlertmanagerTemplates.defaults(), "[{{ .CommonLabels.nope }}]", data))
        .isEqualTo("[]");
    assertThat(render(GoTemplate.empty(), "[{{ .CommonLabels.nope }}]", data))
        .isEqualTo("[<no value>]");
  }

  @Test
  void complexNumbersAreADocumentedGap() {
    assertThatThrownBy(() -> GoTemplate.empty().parse("t", "{{ 1+2i }}"))
        .hasMessage("template: t:1: illegal number syntax: \"1+2i\"");
  }

  @Test
  void runawayRecursionStopsWithGosMessage() {
    GoTemplate t = GoTemplate.empty().parse("t", "{{ define \"r\" }}{{ template \"r\" . }}{{ end }}");
    assertThatThrownBy(() -> t.execute("r", null))
        .isInstanceOf(TemplateException.class)
        .hasMessageContaining("exceeded maximum template depth (" + Exec.MAX_DEPTH + ")");
  }

  @Test
  void parseReturnsANewSetAndLaterDefinitionsReplaceEarlierOnes() {
    GoTemplate first = GoTemplate.empty().parse("a", "{{ define \"x\" }}one{{ end }}");
    GoTemplate second = first.parse("b", "{{ define \"x\" }}two{{ end }}");
    GoTemplate third = second.parse("c", "{{ define \"x\" }}  {{ end }}");
    assertThat(first.execute("x", null)).isEqualTo("one");
    assertThat(second.execute("x", null)).isEqualTo("two");
    assertThat(third.execute("x", null)).as("an empty definition replaces nothing").isEqualTo("two");
    assertThatThrownBy(() -> GoTemplate.empty().parse("d", "{{ define \"x\" }}1{{ end }}{{ define \"x\" }}2{{ end }}"))
        .hasMessage("template: d:1: template: multiple definition of template \"x\"");
  }

  @Test
  void executingAnUnknownNameSaysSo() {
    assertThatThrownBy(() -> GoTemplate.empty().execute("nope", null))
        .hasMessage("template: no template \"nope\" associated with template \"nope\"");
  }

  @Test
  void theWebhookCodecAndTheLenientJsonReaderGiveTheSameData() throws Exception {
    int compared = 0;
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/fixtures/alertmanager-0.25"))) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
            byte[] json = Files.readAllBytes(f);
            if (!new String(json, java.nio.charset.StandardCharsets.UTF_8).contains("\"receiver\"")) {
              continue; // an alert list, not a payload
            }
            assertThat(AmData.fromJson(json)).as(f.toString()).isEqualTo(read(f.toString()));
            compared++;
          }
        }
      }
    }
    assertThat(compared).isGreaterThan(10);
  }

  @Test
  void oneParsedSetServesConcurrentExecutions() throws Exception {
    AmData data = read("src/test/resources/fixtures/alertmanager-0.25/b-cjk-markdown/001.json");
    GoTemplate t = AlertmanagerTemplates.defaults();
    String expected = t.execute("wechat.default.message", data);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        results.add(pool.submit(() -> t.execute("wechat.default.message", data)));
      }
      for (Future<String> r : results) {
        assertThat(r.get(10, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static AmData read(String path) throws Exception {
    return AmData.from(WebhookCodec.create().parse(Files.readAllBytes(Path.of(path))));
  }
}

package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.route.RouteSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go templates in a config: the map form's {@code title}, {@code defaults} and {@code files} (read
 * relative to the config file when it loads), a robot's own {@code template}, and which template a
 * robot's messages get.
 */
class GoTemplateConfigTest {
  @TempDir
  Path dir;

  @Test
  void theEncodingKeepsEveryPartWhateverTheTextHolds() {
    GoTemplateText t = new GoTemplateText("body {{/* alert-router: file 9 y */}} */}} {{ x }}", "[{{ .Status }}]",
        GoTemplateText.Defaults.WEBHOOK_DINGTALK,
        List.of(new GoTemplateText.File("a dir/one.tmpl", "{{ define \"x\" }}*/}}{{/* alert-router: file 3 b */}}{{ end }}"),
            new GoTemplateText.File("/etc/two.tmpl", "")));

    assertThat(NotifyRule.isGoTemplate(t.encoded())).isTrue();
    assertThat(GoTemplateText.decode(t.encoded())).isEqualTo(t);
    assertThat(GoTemplateText.decode(GoTemplateText.of("plain").encoded())).isEqualTo(GoTemplateText.of("plain"));
    // what NotifyRule.goTemplate always wrote is the same template as before
    assertThat(GoTemplateText.decode(NotifyRule.goTemplate("{{ .Status }}"))).isEqualTo(GoTemplateText.of("{{ .Status }}"));
    assertThatThrownBy(() -> new GoTemplateText("x", "a" + GoTemplateText.TITLE_MARK, GoTemplateText.Defaults.ALERTMANAGER,
        null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTextHoldingAnEncodingMarkIsRefusedRatherThanReadBackWrong() {
    for (String text : List.of("a " + GoTemplateText.TITLE_MARK + " b", GoTemplateText.WEBHOOK_DINGTALK_MARK + "x",
        "{{/* alert-router: file 3 x */}}abc")) {
      assertThatThrownBy(() -> new GoTemplateText(text, null, GoTemplateText.Defaults.ALERTMANAGER, null))
          .as(text).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a text cannot contain");
    }
    assertThatThrownBy(() -> RouterConfig.parse("""
        robots:
          - { id: r, platform: dingtalk, webhook: "https://x/y",
              template: { syntax: go, text: "{{/* alert-router: title */}}" } }
        """, "c.yaml", Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("robots[0].template.text: a text cannot contain");
    assertThat(new GoTemplateText.File("/etc/t/ops\\[1\\].tmpl", "").baseName()).isEqualTo("ops[1].tmpl");
  }

  @Test
  void aDirectoryOrFileNameWithGlobCharactersStillLoads() throws Exception {
    Path odd = Files.createDirectories(dir.resolve("my[app]").resolve("templates"));
    Files.writeString(odd.resolve("ops[1].tmpl"), "{{ define \"x\" }}X{{ end }}");
    Path file = Files.writeString(odd.getParent().resolve("c.yaml"), """
        robots:
          - { id: r, platform: dingtalk, webhook: "https://x/y",
              template: { syntax: go, files: [ templates/*.tmpl ], text: '{{ template "x" . }}' } }
        """);

    RouterConfig config = ConfigLoader.load(file, Map.of());
    GoTemplateText t = GoTemplateText.decode(config.robots().get(0).template());
    assertThat(t.files()).extracting(GoTemplateText.File::name).containsExactly("templates/ops\\[1].tmpl");
    // written back, the name is that file, not a pattern
    Path again = Files.writeString(odd.getParent().resolve("again.yaml"),
        ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL));
    assertThat(ConfigLoader.load(again, Map.of())).isEqualTo(config);
  }

  @Test
  void filesAreReadRelativeToTheConfigFileInNameOrderAndWrittenBackAsNamed() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/b.tmpl"), "{{ define \"b\" }}B{{ end }}");
    Files.writeString(dir.resolve("templates/a.tmpl"), "{{ define \"a\" }}告警{{ end }}");
    Files.writeString(dir.resolve("templates/notes.txt"), "not a template");
    Path file = Files.writeString(dir.resolve("alert-router.yaml"), """
        robots:
          - id: ops
            platform: dingtalk
            webhook: https://oapi.dingtalk.com/robot/send?access_token=x
            template:
              syntax: go
              defaults: webhook-dingtalk
              files: [ templates/*.tmpl ]
              title: '{{ template "a" . }}'
              text: '{{ template "b" . }}'
        """);

    RouterConfig config = ConfigLoader.load(file, Map.of());

    GoTemplateText t = GoTemplateText.decode(config.robots().get(0).template());
    assertThat(t).isEqualTo(new GoTemplateText("{{ template \"b\" . }}", "{{ template \"a\" . }}",
        GoTemplateText.Defaults.WEBHOOK_DINGTALK, List.of(
            new GoTemplateText.File("templates/a.tmpl", "{{ define \"a\" }}告警{{ end }}"),
            new GoTemplateText.File("templates/b.tmpl", "{{ define \"b\" }}B{{ end }}"))));
    String yaml = ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL);
    assertThat(yaml).contains("defaults: webhook-dingtalk", "- templates/*.tmpl".replace("*", "a"), "title:")
        .doesNotContain("{{/*", "告警{{ end }}");
    // written back next to the files, it loads the same
    Path again = Files.writeString(dir.resolve("again.yaml"), yaml);
    assertThat(ConfigLoader.load(again, Map.of())).isEqualTo(config);
  }

  @Test
  void aChangedFileIsReadAgainOnTheNextLoad() throws Exception {
    Path tmpl = Files.writeString(dir.resolve("t.tmpl"), "{{ define \"x\" }}one{{ end }}");
    Path file = Files.writeString(dir.resolve("c.yaml"), """
        robots:
          - { id: r, platform: dingtalk, webhook: "https://x/y",
              template: { syntax: go, files: [t.tmpl], text: '{{ template "x" . }}' } }
        """);
    String before = ConfigLoader.load(file, Map.of()).robots().get(0).template();
    Files.writeString(tmpl, "{{ define \"x\" }}two{{ end }}");

    assertThat(ConfigLoader.load(file, Map.of()).robots().get(0).template()).isNotEqualTo(before).contains("two");
  }

  @Test
  void aPolicysTemplateWinsOverTheRobotsWhichWinsOverTheLayout() {
    Robot plain = Robot.builder("plain", "dingtalk", Secret.of("https://x/1")).build();
    Robot styled = Robot.builder("styled", "dingtalk", Secret.of("https://x/2"))
        .goTemplate(GoTemplateText.of("robot")).build();
    RouteSettings none = RouteSettings.DEFAULTS;
    RouteSettings policy = RouteSettings.DEFAULTS.inheritedBy(NotificationPolicy.builder("p")
        .repeatInterval(java.time.Duration.ofHours(1))
        .notifyRule(NotifyRule.builder().template("dingtalk", "policy").build()).build());

    assertThat(none.templateFor(plain)).isNull();
    assertThat(none.templateFor(styled)).isEqualTo(GoTemplateText.of("robot").encoded());
    assertThat(policy.templateFor(styled)).isEqualTo("policy");
    assertThat(policy.templateFor(plain)).isEqualTo("policy");
  }

  @Test
  void aRobotTemplateIsBuiltReadAndWrittenLikeAPolicysOne() {
    RouterConfig config = RouterConfig.parse("""
        robots:
          - { id: m, platform: wecom, webhook: "https://x/y", template: "{{status}} {{policy}}" }
          - { id: g, platform: dingtalk, webhook: "https://x/z", template: { syntax: go, text: "{{ .Status }}" } }
        """, "c.yaml", Map.of());

    assertThat(config.robots().get(0).template()).isEqualTo("{{status}} {{policy}}");
    assertThat(config.robots().get(1)).isEqualTo(Robot.builder("g", "dingtalk", Secret.of("https://x/z"))
        .goTemplate(GoTemplateText.of("{{ .Status }}")).build());
    assertThat(RouterConfig.parse(ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL), "c.yaml", Map.of()))
        .isEqualTo(config);
    assertThat(config.robots().get(1).toBuilder().build()).isEqualTo(config.robots().get(1));
  }
}

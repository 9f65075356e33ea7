package io.github.alertrouter.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * prometheus-webhook-dingtalk's template set: its default definitions render its messages (traced
 * by hand through its default.tmpl), and the functions its users call behave as there.
 */
class WebhookDingtalkTemplatesTest {
  private static final String PAYLOAD = """
      {"receiver": "webhook-ops", "status": "firing", "externalURL": "http://am.example:9093",
       "groupLabels": {"alertname": "HighCPU"},
       "commonLabels": {"alertname": "HighCPU", "instance": "db_1:9100", "severity": "critical"},
       "commonAnnotations": {"summary": "CPU > 90%"},
       "alerts": [{"status": "firing",
         "labels": {"alertname": "HighCPU", "instance": "db_1:9100", "severity": "critical"},
         "annotations": {"summary": "CPU > 90%", "description": "load *high*"},
         "startsAt": "2026-12-08T02:00:00Z", "endsAt": "0001-01-01T00:00:00Z",
         "generatorURL": "http://prom:9090/graph?g0.expr=x", "fingerprint": "0123456789abcdef"}]}
      """;

  private static String render(String text) {
    return WebhookDingtalkTemplates.defaults().parse("t", text)
        .execute("t", AmData.fromJson(PAYLOAD.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theDefaultTitleAndContentAreItsMessage() {
    assertThat(render("{{ template \"ding.link.title\" . }}")).isEqualTo("[FIRING:1] HighCPU (db_1:9100 critical)");
    assertThat(render("{{ template \"ding.link.content\" . }}")).isEqualTo("""
        #### \\[FIRING:1\\] **[HighCPU](http://am.example:9093/#/alerts?receiver=webhook-ops)**
        ### Alerts Firing

        **Alert:** \\[CRITICAL\\] CPU > 90%

        **Description:** load *high*

        **Graph:** [📈](http://prom:9090/graph?g0.expr=x)

        **Details:**
        > - alertname: HighCPU
        > - instance: db\\_1:9100


        """);
  }

  @Test
  void theLegacyContentListsLabelsAndAnnotations() {
    assertThat(render("{{ template \"legacy.content\" . }}")).isEqualTo("""
        #### \\[FIRING:1\\] **[HighCPU](http://am.example:9093/#/alerts?receiver=webhook-ops)**

        **Labels**
        > - alertname: HighCPU
        > - instance: db\\_1:9100
        > - severity: critical

        **Annotations**
        > - description: load \\*high\\*
        > - summary: CPU &gt; 90%

        **Source:** [http://prom:9090/graph?g0.expr=x](http://prom:9090/graph?g0.expr=x)
        """);
  }

  @Test
  void itsFunctionsBehaveAsThere() {
    assertThat(render("{{ \"a_b*c`d e\" | markdown }}")).isEqualTo("a\\_b\\*c\\`d e");
    assertThat(render("{{ .CommonLabels.severity | upper }}|{{ \"ÄB\" | lower }}")).isEqualTo("CRITICAL|äb");
    assertThat(render("{{ range $i, $a := .Alerts }}第 {{ add $i 1 }} 条{{ end }}|{{ add1 4 }}|{{ sub 9 2 }}"
        + "|{{ mul 2 3 4 }}|{{ div 7 2 }}|{{ mod 7 2 }}|{{ add \"3\" 1.9 true }}")).isEqualTo("第 1 条|5|7|24|3|1|5");
    assertThat(render("{{ .CommonLabels.team | default \"无\" }}|{{ .CommonLabels.severity | default \"无\" }}"))
        .isEqualTo("无|critical");
    assertThat(render("{{ (split \":\" .CommonLabels.instance)._0 }}|{{ splitList \":\" \"a:b:c\" }}"
        + "|{{ trimSuffix \":9100\" .CommonLabels.instance }}|{{ trimPrefix \"db\" .CommonLabels.instance }}"))
        .isEqualTo("db_1|[a b c]|db_1|_1:9100");
    assertThat(render("{{ replace \"_\" \"-\" \"a_b_c\" }}|{{ contains \"CPU\" .CommonAnnotations.summary }}"
        + "|{{ hasPrefix \"db\" .CommonLabels.instance }}|{{ hasSuffix \"x\" \"abc\" }}|{{ trim \"  a \\u3000\" }}"
        + "|{{ repeat 3 \"=\" }}|{{ quote \"a\" 1 }}|{{ squote \"b\" }}|{{ cat \"a\" nil 2 }}"))
        .isEqualTo("a-b-c|true|true|false|a|===|\"a\" \"1\"|'b'|a 2");
    assertThat(render("{{ ternary \"是\" \"否\" (eq .Status \"firing\") }}|{{ empty .CommonLabels.team }}"
        + "|{{ coalesce \"\" .CommonLabels.severity }}|{{ regexMatch \"^db\" .CommonLabels.instance }}"
        + "|{{ regexReplaceAll \":[0-9]+$\" .CommonLabels.instance \"\" }}|{{ toString 12 }}"))
        .isEqualTo("是|true|critical|true|db_1|12");
  }

  @Test
  void sprigsConversionsAndForgivenErrorsAreSprigs() {
    // a bad pattern is no match in Sprig, not a failed message
    assertThat(render("{{ regexMatch \"[\" \"a\" }}")).isEqualTo("false");
    assertThat(render("{{ toString nil }}|{{ cat \"a\" nil }}")).isEqualTo("<nil>|a");
    // strconv.ParseInt(s, 0, 64) as spf13/cast calls it: no blanks, Go's prefixes, 0 on error
    assertThat(render("{{ add \" 5\" 1 }}|{{ add \"#10\" 1 }}|{{ add \"0b101\" 1 }}|{{ add \"0x1F\" 0 }}"
        + "|{{ add \"010\" 0 }}|{{ add \"0o17\" 0 }}|{{ add \"0x_1F\" 0 }}|{{ add \"1_000\" 0 }}|{{ add \"-7\" 0 }}"
        + "|{{ add \"--7\" 0 }}|{{ add \"12.0\" 0 }}")).isEqualTo("1|1|6|31|8|15|31|0|-7|0|12");
    assertThatThrownBy(() -> render("{{ repeat 9223372036854775807 \"ab\" }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("longer than 1 MiB");
  }

  @Test
  void timesShiftAndFormatInAZone() {
    assertThat(render("{{ range .Alerts }}{{ (.StartsAt.Add 28800e9).Format \"2006-01-02 15:04:05\" }}{{ end }}"))
        .isEqualTo("2026-12-08 10:00:00");
    assertThat(render("{{ range .Alerts }}{{ dateInZone \"2006-01-02 15:04:05 -0700\" .StartsAt \"Asia/Shanghai\" }}"
        + "|{{ date \"15:04\" .StartsAt }}|{{ dateInZone \"15:04\" .StartsAt \"No/Such_Zone\" }}{{ end }}"))
        .isEqualTo("2026-12-08 10:00:00 +0800|02:00|02:00");
    assertThat(render("{{ date \"2006-01-02\" 0 }}")).isEqualTo("1970-01-01");
  }

  @Test
  void itsDataHasNoAlertmanagerDefinitions() {
    // prometheus-webhook-dingtalk never loaded Alertmanager's default.tmpl: its own __subject only
    assertThat(WebhookDingtalkTemplates.defaults().names()).contains("__subject", "ding.link.content", "legacy.title")
        .doesNotContain("slack.default.title", "email.default.html");
  }

  @Test
  void wrongArgumentsFailWithGoStyleErrors() {
    assertThatThrownBy(() -> render("{{ div 1 0 }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling div: runtime error: integer divide by zero");
    assertThatThrownBy(() -> render("{{ date \"15:04\" \"yesterday\" }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("error calling date: ");
    assertThatThrownBy(() -> render("{{ now }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("function \"now\" not defined");
    assertThatThrownBy(() -> render("{{ env \"HOME\" }}")).isInstanceOf(TemplateException.class)
        .hasMessageContaining("function \"env\" not defined");
  }
}

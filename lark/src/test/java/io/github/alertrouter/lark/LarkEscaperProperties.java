package io.github.alertrouter.lark;

import static io.github.alertrouter.lark.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.testkit.RandomText;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Per message type, over seeded hostile text: the rendered body holds exactly the planned mention tags. */
class LarkEscaperProperties {
  private static final List<Mention> PLANNED = List.of(Fixtures.userId("Alice <at id=all></at>", "u1"),
      Fixtures.openId("Bob", "ou_2"), Fixtures.unresolved("<at user_id=\"all\">所有人</at>"));

  static Stream<Arguments> cases() {
    return Stream.of("interactive", "post", "text")
        .flatMap(type -> RandomText.seeds(40).map(seed -> Arguments.of(type, seed)));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void noMentionTagBeyondThePlannedOnes(String type, long seed) {
    RandomText random = new RandomText(seed);
    String hostile = random.hostile(40) + random.pick(RandomText.HOSTILE_PIECES) + random.any(20);
    Alert alert = Alert.firing(Map.of("alertname", random.hostile(5), "team", hostile, "severity", random.hostile(3)))
        .annotation("summary", hostile).annotation("description", random.hostile(40) + "\n" + hostile)
        .startsAt(T0).build();
    Notification n = Fixtures.notification(List.of(alert), List.of(), Fixtures.LINKS);
    String template = switch ((int) Math.floorMod(seed, 3L)) {
      case 0 -> null;
      case 1 -> "{{#firing}}{{{name}}} {{summary}} {{description}}{{/firing}}";
      // a Go template prints the same values through Alertmanager's data
      default -> io.github.alertrouter.config.NotifyRule.goTemplate("{{ range .Alerts }}{{ .Labels.alertname }} "
          + "{{ .Annotations.summary }} {{ .Annotations.description }}{{ range .Labels.SortedPairs }} {{ .Name }}={{ .Value }}"
          + "{{ end }}{{ end }} {{ .CommonLabels.team }} {{ .GroupLabels.Values }}");
    };

    List<OutboundMessage> out = Fixtures.render(n, PLANNED, Fixtures.robot(random.cjk(3), Map.of("msgType", type)), template);

    String body = out.get(0).body();
    switch (type) {
      case "interactive" -> assertThat(count("<at ", body)).as(body).isEqualTo(2);
      case "text" -> assertThat(count("<at ", body)).as(body).isEqualTo(2);
      default -> {
        assertThat(count("\"tag\":\"at\"", body)).as(body).isEqualTo(2);
        assertThat(body).doesNotContain("\"user_id\":\"all\"");
      }
    }
    assertThat(body).contains("u1").contains("ou_2");
  }

  private static int count(String needle, String haystack) {
    Matcher m = Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE).matcher(haystack);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

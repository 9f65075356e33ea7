package io.github.alertrouter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Label and annotation names follow Alertmanager 0.25: {@code model.Alert.Validate} checks both
 * label sets with {@code model.LabelName.IsValid}, i.e. {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}.
 */
class AlertNamesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a", "Z", "_", "alertname", "__name__", "_1", "instance_2", "HTTP_5xx"})
  void acceptsNamesAlertmanagerAccepts(String name) {
    Alert alert = Alert.firing(Map.of(name, "v")).annotation(name, "text").build();

    assertThat(alert.labels()).containsKey(name);
    assertThat(alert.annotations()).containsKey(name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "a space         | 'my label'  | '\"my label\"'",
      "leading digit   | 1a          | '\"1a\"'",
      "dash            | a-b         | '\"a-b\"'",
      "dot             | a.b         | '\"a.b\"'",
      "colon           | a:b         | '\"a:b\"'",
      "slash           | a/b         | '\"a/b\"'",
      "non-ASCII       | 主机          | '\"主机\"'",
      "tab             | 'a\tb'      | '\"a\\tb\"'"})
  void refusesOtherLabelNamesNamingThem(String row, String name, String quoted) {
    assertThatThrownBy(() -> Alert.firing(Map.of("alertname", "A", name, "v")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label name must match [a-zA-Z_][a-zA-Z0-9_]* (as in Alertmanager), but was " + quoted);
    assertThatThrownBy(() -> Alert.firing(Map.of("alertname", "A")).label(name, "v").build())
        .as("added with the builder").isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"my note", "9lives", "runbook-url", "描述"})
  void refusesTheSameAnnotationNames(String name) {
    assertThatThrownBy(() -> Alert.firing(Map.of("alertname", "A")).annotation(name, "text").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("annotation name must match [a-zA-Z_][a-zA-Z0-9_]*")
        .hasMessageContaining("\"" + name + "\"");
  }
}

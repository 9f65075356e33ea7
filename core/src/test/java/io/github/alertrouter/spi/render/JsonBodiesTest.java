package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonBodiesTest {
  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("empty", "", "{\"msgtype\":\"text\",\"text\":{\"content\":\"\"}}"),
        Arguments.of("compact, non-ASCII as is", "告警 ＠", "{\"msgtype\":\"text\",\"text\":{\"content\":\"告警 ＠\"}}"),
        Arguments.of("JSON escapes", "a\"b\\c\nd", "{\"msgtype\":\"text\",\"text\":{\"content\":\"a\\\"b\\\\c\\nd\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void write(String name, String content, String json) {
    var root = JsonBodies.object().put("msgtype", "text");
    root.putObject("text").put("content", content);
    assertThat(JsonBodies.write(root)).isEqualTo(json);
  }
}

package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FullWidthTest {
  private static final IntUnaryOperator MARKUP = FullWidth.replacing("@<>*\\~!");

  static Stream<Arguments> replacements() {
    return Stream.of(
        Arguments.of("at", '@', '＠'),
        Arguments.of("angle brackets", '<', '＜'),
        Arguments.of("star", '*', '＊'),
        Arguments.of("backslash", '\\', '＼'),
        Arguments.of("first of the block", '!', '！'),
        Arguments.of("last of the block", '~', '～'),
        Arguments.of("not named: stays", '_', '_'),
        Arguments.of("letter stays", 'a', 'a'),
        Arguments.of("space stays", ' ', ' '),
        Arguments.of("non-ASCII stays", 'é', 'é'),
        Arguments.of("already full-width stays", '＠', '＠'),
        Arguments.of("astral stays", 0x1F600, 0x1F600));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("replacements")
  void replacing(String name, int in, int out) {
    assertThat(MARKUP.applyAsInt(in)).isEqualTo(out);
  }

  @Test
  void ofOneCharacter() {
    assertThat(FullWidth.of('&')).isEqualTo('＆');
  }

  @Test
  void charactersWithoutAFullWidthFormAreRefused() {
    assertThatThrownBy(() -> FullWidth.replacing("@ ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+0020");
    assertThatThrownBy(() -> FullWidth.of('é')).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("U+00E9");
  }
}

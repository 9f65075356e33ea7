package io.github.alertrouter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The adapter's own parsing; serving action links through it is tested beside them (action). */
class JdkHttpServerAdapterQueryTest {
  @Test
  void queryStringsAreParsedLeniently() {
    assertThat(JdkHttpServerAdapter.query("a=1&a=2&b&c=%ZZ&&d=x%20y"))
        .isEqualTo(Map.of("a", java.util.List.of("1", "2"), "b", java.util.List.of(""), "d", java.util.List.of("x y")));
    assertThat(JdkHttpServerAdapter.query(null)).isEmpty();
  }
}

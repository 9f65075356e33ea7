package io.github.alertrouter.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped sample must load as-is, with nothing in the environment. */
class SampleConfigTest {
  static final Path SAMPLE =
      Path.of(System.getProperty("basedir", ".")).resolve("../samples/alert-router.yaml").normalize();

  @Test
  void loadsWithAnEmptyEnvironment() {
    assertThat(SAMPLE).exists();
    RouterConfig config = RouterConfig.load(SAMPLE, Map.of());

    assertThat(config.contacts()).extracting(Contact::id).containsExactly("alice", "bob", "carol");
    assertThat(config.robots()).extracting(Robot::platform).containsExactly("dingtalk", "wecom", "lark");
    assertThat(config.schedules()).hasSize(1);
    assertThat(config.escalationPolicies()).hasSize(1);
    assertThat(config.notificationPolicies()).hasSizeBetween(3, 4);
    assertThat(config.notificationPolicies()).anySatisfy(p -> assertThat(p.routes()).isNotEmpty());
    assertThat(config.silences()).hasSize(1);
    assertThat(config.inhibitRules()).hasSize(1);
  }

  @Test
  void survivesAWriteAndReload() throws Exception {
    RouterConfig config = RouterConfig.load(SAMPLE, Map.of());
    String yaml = ConfigWriter.toYaml(config, ConfigWriter.SecretMode.REVEAL);

    assertThat(RouterConfig.parse(yaml, "rewritten.yaml", Map.of())).isEqualTo(config);
    assertThat(Files.readString(SAMPLE)).doesNotContain("\t");
  }
}

package io.github.alertrouter.wecom;

import static io.github.alertrouter.testkit.SourceRules.CORE_INTERNALS;
import static io.github.alertrouter.testkit.SourceRules.WALL_CLOCK;
import static io.github.alertrouter.testkit.SourceRules.mainSources;
import static io.github.alertrouter.testkit.SourceRules.offending;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The WeCom module uses only core's public API, no other platform module, and only the injected clock. */
class ModuleRulesTest {
  @Test
  void usesOnlyCoresPublicApi() {
    assertThat(offending(mainSources(), CORE_INTERNALS)).isEmpty();
  }

  @Test
  void neverReadsTheWallClock() {
    assertThat(offending(mainSources(), WALL_CLOCK)).isEmpty();
  }

  @Test
  void dependsOnNoOtherPlatformModule() {
    assertThat(offending(mainSources(), Pattern.compile("import io\\.github\\.alertrouter\\.(dingtalk|lark)\\."))).isEmpty();
  }
}

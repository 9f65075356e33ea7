package io.github.alertrouter.lark;

import static io.github.alertrouter.testkit.SourceRules.CORE_INTERNALS;
import static io.github.alertrouter.testkit.SourceRules.WALL_CLOCK;
import static io.github.alertrouter.testkit.SourceRules.mainSources;
import static io.github.alertrouter.testkit.SourceRules.offending;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Lark module uses only core's public API and reads time only from the injected clock. */
class ModuleRulesTest {
  @Test
  void usesOnlyCoresPublicApi() {
    assertThat(offending(mainSources(), CORE_INTERNALS)).isEmpty();
  }

  @Test
  void neverReadsTheWallClock() {
    assertThat(offending(mainSources(), WALL_CLOCK)).isEmpty();
  }
}

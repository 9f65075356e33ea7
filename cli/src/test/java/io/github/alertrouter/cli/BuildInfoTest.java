package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.RouterStats;
import org.junit.jupiter.api.Test;

/** Which build runs: {@code --version}, and {@code build_info} for a dashboard across a fleet. */
class BuildInfoTest {
  @Test
  void versionPrintsTheProjectVersionMavenWroteJavaAndThePlatform() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exit()).isZero();
    // the test runs from the build, so the version is the POM's, not the "${project.version}" placeholder
    assertThat(run.stdout()).startsWith("alert-router, version ").doesNotContain("${", "unknown")
        .contains("\n  java version: " + System.getProperty("java.version") + "\n", "\n  platform: ");
    assertThat(BuildInfo.current().version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void serveExportsTheBuildAsAGauge() {
    String text = new ServeMetrics(java.time.Instant.parse("2026-03-09T10:00:00Z")).scrape(new RouterStats(0, 0, 0, 0));

    assertThat(text.lines()).contains("alert_router_build_info{version=\"" + BuildInfo.current().version()
        + "\",java_version=\"" + System.getProperty("java.version") + "\"} 1");
    ServeMetricsTest.assertWellFormed(text);
  }
}

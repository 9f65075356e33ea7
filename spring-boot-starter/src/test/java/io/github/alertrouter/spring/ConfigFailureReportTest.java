package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A real application start with a bad file: Spring Boot's failure report carries the library's problems. */
@ExtendWith(OutputCaptureExtension.class)
class ConfigFailureReportTest {
  @Test
  void theStartupReportListsEveryProblemWithItsPathAndNoToken(CapturedOutput output) {
    SpringApplicationBuilder app = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
        .properties("alert-router.config-location=classpath:alert-router-bad.yaml");
    assertThatThrownBy(app::run).hasRootCauseInstanceOf(io.github.alertrouter.config.ConfigException.class);
    assertThat(output.getOut() + output.getErr())
        .contains("APPLICATION FAILED TO START")
        .contains("alert-router could not start: invalid configuration classpath:alert-router-bad.yaml (2 problems)")
        .contains("notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\", did you mean \"sre-ding\"?")
        .contains("Correct the alert-router configuration")
        .doesNotContain("SECRET_TOKEN_1234");
  }

  /** Auto-configuration only. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}

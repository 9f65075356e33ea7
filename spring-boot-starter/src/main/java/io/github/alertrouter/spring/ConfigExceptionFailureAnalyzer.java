package io.github.alertrouter.spring;

import io.github.alertrouter.config.ConfigException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link ConfigException} that stopped start-up into Spring Boot's short failure report
 * instead of a long stack trace: the library's message (where, and every problem with its path;
 * never a webhook or secret) and what to do. Stateless.
 */
public class ConfigExceptionFailureAnalyzer extends AbstractFailureAnalyzer<ConfigException> {
  /** Created by Spring Boot from {@code META-INF/spring.factories}. */
  public ConfigExceptionFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, ConfigException cause) {
    String action = "Correct the alert-router configuration at the paths listed above (its file is named by"
        + " alert-router.config-location, or your RouterConfig bean). A robot whose platform has no module"
        + " needs that module's jar on the class path, e.g. io.github.alertrouter:alert-router-dingtalk.";
    return new FailureAnalysis("alert-router could not start: " + cause.getMessage(), action, cause);
  }
}

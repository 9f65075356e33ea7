package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.RouterConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** When the webhook endpoint exists: a servlet web application that asks for it. */
class AlertmanagerWebhookConditionsTest {
  private static final AutoConfigurations CONFIGS = AutoConfigurations.of(AlertRouterAutoConfiguration.class,
      AlertmanagerWebhookAutoConfiguration.class);

  @Test
  void servedWhenEnabledInAWebApplication() {
    new WebApplicationContextRunner().withConfiguration(CONFIGS)
        .withBean(RouterConfig.class, RouterConfig::empty)
        .withPropertyValues("alert-router.webhook.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(AlertmanagerWebhookController.class));
  }

  @Test
  void offByDefault() {
    new WebApplicationContextRunner().withConfiguration(CONFIGS)
        .withBean(RouterConfig.class, RouterConfig::empty)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlertmanagerWebhookController.class));
  }

  @Test
  void notInAnApplicationWithoutAWebServer() {
    new ApplicationContextRunner().withConfiguration(CONFIGS)
        .withBean(RouterConfig.class, RouterConfig::empty)
        .withPropertyValues("alert-router.webhook.enabled=true")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AlertmanagerWebhookController.class));
  }
}

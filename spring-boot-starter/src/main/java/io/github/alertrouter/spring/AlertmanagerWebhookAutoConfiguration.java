package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The {@link AlertmanagerWebhookController}, in a Spring MVC (servlet) application with
 * {@code alert-router.webhook.enabled=true} and a router bean.
 */
@AutoConfiguration(after = AlertRouterAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty("alert-router.webhook.enabled")
@ConditionalOnBean(AlertRouter.class)
@EnableConfigurationProperties(AlertRouterProperties.class)
public class AlertmanagerWebhookAutoConfiguration {
  /** Created by Spring. */
  public AlertmanagerWebhookAutoConfiguration() {}

  /** The endpoint at {@code alert-router.webhook.path}. */
  @Bean
  @ConditionalOnMissingBean
  public AlertmanagerWebhookController alertmanagerWebhookController(AlertRouter router,
      AlertRouterProperties properties) {
    AlertRouterProperties.Webhook webhook = properties.getWebhook();
    return new AlertmanagerWebhookController(router, webhook.getMaxBodySize().toBytes(), webhook.getToken());
  }
}

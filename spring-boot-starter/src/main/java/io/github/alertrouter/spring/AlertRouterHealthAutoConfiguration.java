package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@link AlertRouterHealthIndicator} ({@code alertRouter} in {@code /actuator/health}), when
 * Spring Boot's health support is on the class path (Actuator brings it) and a router bean exists.
 * Off with {@code management.health.alertrouter.enabled=false}.
 */
@AutoConfiguration(after = AlertRouterAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(AlertRouter.class)
@ConditionalOnEnabledHealthIndicator("alertrouter")
@EnableConfigurationProperties(AlertRouterProperties.class)
public class AlertRouterHealthAutoConfiguration {
  /** Created by Spring. */
  public AlertRouterHealthAutoConfiguration() {}

  /**
   * Records each robot's delivery outcomes; a {@code DeliveryListener} bean, so the
   * auto-configured router reports to it.
   */
  @Bean
  @ConditionalOnMissingBean
  DeliveryOutcomes alertRouterDeliveryOutcomes() {
    return new DeliveryOutcomes();
  }

  /** The indicator; the bean name makes its health key {@code alertRouter}. */
  @Bean
  @ConditionalOnMissingBean
  public AlertRouterHealthIndicator alertRouterHealthIndicator(AlertRouter router, DeliveryOutcomes outcomes,
      AlertRouterProperties properties) {
    // the system clock: the router's events and penalties are stamped on it unless a customizer
    // gives the router another clock
    return new AlertRouterHealthIndicator(router, outcomes, properties.getHealth().getFailingAfter(),
        Clock.systemUTC());
  }
}

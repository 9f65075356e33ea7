package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.micrometer.AlertRouterMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The router's Micrometer meters ({@link AlertRouterMetrics}), when {@code alert-router-micrometer}
 * is on the class path and the application has a {@link MeterRegistry} (Actuator's, for one).
 * The bean is a {@code MeterBinder}, which Spring Boot binds to every registry, and a
 * {@code DeliveryListener}, which the auto-configured router reports to; once every bean exists
 * its gauges are pointed at the router.
 */
@AutoConfiguration(after = AlertRouterAutoConfiguration.class, afterName = {
    // where the registries come from: Boot 4, then Boot 3
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({AlertRouterMetrics.class, MeterRegistry.class})
@ConditionalOnBean({MeterRegistry.class, AlertRouter.class})
public class AlertRouterMetricsAutoConfiguration {
  /** Created by Spring. */
  public AlertRouterMetricsAutoConfiguration() {}

  /** The meters; define your own bean (extra tags, say) to replace it. */
  @Bean
  @ConditionalOnMissingBean
  public AlertRouterMetrics alertRouterMetrics() {
    return new AlertRouterMetrics();
  }

  /**
   * Points the gauges at the router once all beans exist: the router needs the meters as a
   * listener before it is built, so the meters cannot need the router when they are created.
   */
  @Bean
  SmartInitializingSingleton alertRouterMetricsObserver(ObjectProvider<AlertRouterMetrics> metrics,
      ObjectProvider<AlertRouter> router) {
    return () -> metrics.ifAvailable(m -> router.ifAvailable(m::observe));
  }
}

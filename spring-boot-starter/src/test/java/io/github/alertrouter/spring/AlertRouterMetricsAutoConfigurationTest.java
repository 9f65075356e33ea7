package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.micrometer.AlertRouterMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The meters exist only with alert-router-micrometer and a registry, and read the router's state. */
class AlertRouterMetricsAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AlertRouterAutoConfiguration.class,
          AlertRouterMetricsAutoConfiguration.class))
      .withBean(RouterConfig.class, RouterConfig::empty);

  private final ApplicationContextRunner withBootsRegistry = runner.withConfiguration(AutoConfigurations.of(
      MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
      CompositeMeterRegistryAutoConfiguration.class));

  @Test
  void withARegistryTheGaugesReadTheRouter() {
    withBootsRegistry.run(context -> {
      assertThat(context).hasSingleBean(AlertRouterMetrics.class).hasSingleBean(AlertRouter.class);
      Gauge groups = context.getBean(MeterRegistry.class).find(AlertRouterMetrics.GROUPS).gauge();
      assertThat(groups).as("bound to Boot's registry").isNotNull();
      assertThat(groups.value()).as("observing the router (NaN before)").isZero();
    });
  }

  @Test
  void noMetersWithoutARegistry() {
    runner.run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(AlertRouter.class).doesNotHaveBean(AlertRouterMetrics.class));
  }

  @Test
  void noMetersWithoutTheMicrometerModule() {
    withBootsRegistry.withClassLoader(new FilteredClassLoader(AlertRouterMetrics.class)).run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(MeterRegistry.class).doesNotHaveBean(AlertRouterMetrics.class));
  }
}

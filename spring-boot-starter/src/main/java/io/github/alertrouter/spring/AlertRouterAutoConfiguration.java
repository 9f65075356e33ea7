package io.github.alertrouter.spring;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.spi.Platforms;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Creates the {@link AlertRouter} bean, unless the application defines its own, and closes it
 * when the context closes (which flushes due notices and lets lanes send within
 * {@link AlertRouter#CLOSE_TIMEOUT}).
 *
 * <ul>
 *   <li>Configuration: the application's {@link RouterConfig} bean if there is one (config built
 *       in code), else the file at {@code alert-router.config-location}, else
 *       {@code classpath:alert-router.yaml}; with none of them, start-up fails and says so. A bad
 *       file fails start-up with the library's message: every problem with its path.
 *   <li>Platforms: the application's {@link Platforms} bean, else the platform modules on the
 *       class path ({@link Platforms#load()}).
 *   <li>Listeners: every {@link DeliveryListener} bean, in {@code @Order} order.
 *   <li>Anything else: {@link AlertRouterBuilderCustomizer} beans.
 * </ul>
 *
 * <p>Off with {@code alert-router.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "alert-router.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AlertRouterProperties.class)
public class AlertRouterAutoConfiguration {
  /** Created by Spring. */
  public AlertRouterAutoConfiguration() {}

  /**
   * The configuration from {@code alert-router.config-location}, when the application has no
   * {@link RouterConfig} bean of its own.
   *
   * @throws io.github.alertrouter.config.ConfigException when there is none or it is invalid
   */
  @Bean
  @ConditionalOnMissingBean
  public RouterConfig alertRouterConfig(AlertRouterProperties properties, ResourceLoader resources,
      Environment environment) {
    return SpringConfigSource.load(properties.getConfigLocation(), resources, environment);
  }

  /** The router, built from the configuration and started; closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public AlertRouter alertRouter(RouterConfig config, ObjectProvider<Platforms> platforms,
      ObjectProvider<DeliveryListener> listeners, ObjectProvider<AlertRouterBuilderCustomizer> customizers) {
    AlertRouter.Builder builder = AlertRouter.builder()
        .config(config)
        .platforms(platforms.getIfAvailable(Platforms::load));
    listeners.orderedStream().forEach(builder::listener);
    customizers.orderedStream().forEach(c -> c.customize(builder));
    return builder.build();
  }
}

package io.github.alertrouter.spring;

import io.github.alertrouter.config.Secret;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * The {@code alert-router.*} properties. A mutable bean that Spring binds once at start-up; read
 * it, do not change it afterwards. {@link Webhook#getToken()} is a {@link Secret}, so printing
 * these properties never shows the token.
 */
@ConfigurationProperties("alert-router")
public class AlertRouterProperties {
  /** Where {@code configLocation} points when it is not set, if that resource exists. */
  public static final String DEFAULT_CONFIG_LOCATION = "classpath:alert-router.yaml";

  /** Whether to create the router at all. */
  private boolean enabled = true;
  /**
   * The router's configuration file (.yaml, .yml or .json), e.g. classpath:alert-router.yaml or
   * file:/etc/alert-router.yaml; unset: classpath:alert-router.yaml when it exists. Ignored when
   * the application defines a RouterConfig bean.
   */
  private Resource configLocation;
  private final Webhook webhook = new Webhook();
  private final Health health = new Health();

  /** Whether to create the router at all; default {@code true}. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets {@link #isEnabled()}. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The router's configuration file, YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}),
   * e.g. {@code classpath:alert-router.yaml} or {@code file:/etc/alert-router.yaml}; {@code null}
   * (the default) means {@link #DEFAULT_CONFIG_LOCATION} when it exists. Ignored when the
   * application defines a {@code RouterConfig} bean.
   */
  public Resource getConfigLocation() {
    return configLocation;
  }

  /** Sets {@link #getConfigLocation()}. */
  public void setConfigLocation(Resource configLocation) {
    this.configLocation = configLocation;
  }

  /** The Alertmanager webhook endpoint's settings. */
  public Webhook getWebhook() {
    return webhook;
  }

  /** The health indicator's settings. */
  public Health getHealth() {
    return health;
  }

  /** {@code alert-router.webhook.*}: the endpoint Alertmanager's {@code webhook_configs} post to. */
  public static class Webhook {
    /** The endpoint's default path, the one {@code alert-router serve} uses. */
    public static final String DEFAULT_PATH = "/api/v1/alertmanager";
    /** The largest body accepted by default, 1 MiB (Spring's {@code MB} is 1,048,576 bytes), as {@code serve --max-body}. */
    public static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1);

    /** Whether to serve the Alertmanager webhook endpoint (needs Spring MVC). */
    private boolean enabled;
    /** The path that takes the webhook's POSTs. */
    private String path = DEFAULT_PATH;
    /** Bodies larger than this are answered 413, unread. */
    private DataSize maxBodySize = DEFAULT_MAX_BODY_SIZE;
    /** The bearer token a request must carry (Alertmanager's http_config.authorization); empty: none. */
    private Secret token;

    /** Whether to serve the endpoint (needs Spring MVC); default {@code false}. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets {@link #isEnabled()}. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** The path that takes {@code POST}s; default {@link #DEFAULT_PATH}. */
    public String getPath() {
      return path;
    }

    /** Sets {@link #getPath()}. */
    public void setPath(String path) {
      this.path = path;
    }

    /** Bodies larger than this are answered 413 unread; default {@link #DEFAULT_MAX_BODY_SIZE}. */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /** Sets {@link #getMaxBodySize()}. */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /**
     * The bearer token a request must carry ({@code Authorization: Bearer <token>}, Alertmanager's
     * {@code http_config.authorization}); {@code null} or empty: none required.
     */
    public Secret getToken() {
      return token;
    }

    /** Sets {@link #getToken()}. */
    public void setToken(Secret token) {
      this.token = token;
    }
  }

  /** {@code alert-router.health.*}: when the health indicator calls a robot failing. */
  public static class Health {
    /** How long a robot's deliveries must have failed, with no success since, by default. */
    public static final Duration DEFAULT_FAILING_AFTER = Duration.ofMinutes(1);

    /** How long a robot's deliveries must have failed, with no success, before health is OUT_OF_SERVICE. */
    private Duration failingAfter = DEFAULT_FAILING_AFTER;

    /**
     * A robot whose deliveries have failed (or been retried) without a success for this long is
     * reported failing, which makes the indicator {@code OUT_OF_SERVICE}; default
     * {@link #DEFAULT_FAILING_AFTER}, so that one retried 5xx does not flip the status.
     */
    public Duration getFailingAfter() {
      return failingAfter;
    }

    /** Sets {@link #getFailingAfter()}. */
    public void setFailingAfter(Duration failingAfter) {
      this.failingAfter = failingAfter;
    }
  }
}

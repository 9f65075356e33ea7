package io.github.alertrouter.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.spi.Platforms;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The router bean's conditions, its configuration sources, listeners, customizers and lifecycle. */
class AlertRouterAutoConfigurationTest {
  private static final String SECRET = "SEC" + "0123456789abcdef".repeat(4);

  private DingTalkSimulator simulator;
  private String webhook;
  private ApplicationContextRunner runner;

  @BeforeEach
  void startSimulator() {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    webhook = simulator.robot("sre-ding", SECRET, "alert").webhook().reveal();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AlertRouterAutoConfiguration.class))
        .withPropertyValues("DINGTALK_URL=" + webhook, "DINGTALK_SECRET=" + SECRET);
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  @Test
  void configLocationIsLoadedWithReferencesFromSpringProperties() {
    runner.withPropertyValues("alert-router.config-location=classpath:alert-router-test.yaml").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(AlertRouter.class);
      RouterConfig config = context.getBean(RouterConfig.class);
      assertThat(config.robots()).singleElement().satisfies(robot -> {
        assertThat(robot.id()).isEqualTo("sre-ding");
        assertThat(robot.webhook().reveal()).isEqualTo(webhook);
      });
    });
  }

  @Test
  void aFileConfigsGoTemplateFilesAreReadNextToIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("templates"));
    java.nio.file.Files.writeString(dir.resolve("templates/ops.tmpl"), "{{ define \"ops\" }}告警{{ end }}");
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("alert-router.yaml"), """
        robots:
          - id: sre-ding
            platform: dingtalk
            webhook: ${DINGTALK_URL}
            template: { syntax: go, files: [ templates/*.tmpl ], text: '{{ template "ops" . }}' }
        notificationPolicies:
          - { name: all, notifyRule: { robots: [sre-ding] }, repeatInterval: 4h }
        """);
    runner.withPropertyValues("alert-router.config-location=file:" + file).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(RouterConfig.class).robots().get(0).template()).contains("告警");
    });
  }

  @Test
  void withoutAnyConfigurationStartupFailsAndSaysWhatToSet() {
    runner.run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ConfigException.class)
          .hasMessageContaining("alert-router.config-location: not set, and there is no classpath:alert-router.yaml")
          .hasMessageContaining("define a RouterConfig bean");
    });
  }

  @Test
  void aBadFileFailsStartupWithEveryProblemAndItsPathButNoSecret() {
    runner.withPropertyValues("alert-router.config-location=classpath:alert-router-bad.yaml").run(context -> {
      assertThat(context).hasFailed();
      Throwable root = rootCause(context.getStartupFailure());
      assertThat(root).isInstanceOf(ConfigException.class)
          .hasMessageContaining("invalid configuration classpath:alert-router-bad.yaml (2 problems)")
          .hasMessageContaining("notificationPolicies[0].groupRule.groupWait")
          .hasMessageContaining("notificationPolicies[0].notifyRule.robots[0]: unknown robot \"sre-dng\"")
          .hasMessageNotContaining("SECRET_TOKEN_1234");
      FailureAnalysis analysis = new ConfigExceptionFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("unknown robot \"sre-dng\"").doesNotContain("SECRET_TOKEN_1234");
      assertThat(analysis.getAction()).contains("alert-router.config-location");
    });
  }

  @Test
  void aMissingFileIsNamedInTheFailure() {
    runner.withPropertyValues("alert-router.config-location=file:/nonexistent/alert-router.yaml").run(context ->
        assertThat(rootCause(context.getStartupFailure())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("/nonexistent/alert-router.yaml")
            .hasMessageContaining("file does not exist"));
  }

  @Test
  void aReferenceToAnUnsetPropertyIsAConfigProblem() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AlertRouterAutoConfiguration.class))
        .withPropertyValues("alert-router.config-location=classpath:alert-router-test.yaml")
        .run(context -> assertThat(rootCause(context.getStartupFailure())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("robots[0].webhook: environment variable \"DINGTALK_URL\" is not set"));
  }

  @Test
  void theApplicationsRouterConfigBeanWinsOverTheFile() {
    runner.withUserConfiguration(ConfigInCode.class)
        // a location that does not exist: it must not even be read
        .withPropertyValues("alert-router.config-location=classpath:does-not-exist.yaml")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(AlertRouter.class).hasSingleBean(RouterConfig.class);
          assertThat(context.getBean(RouterConfig.class).notificationPolicies())
              .extracting(NotificationPolicy::name).containsExactly("in-code");
        });
  }

  @Test
  void deliveryListenerBeansHearTheRoutersDeliveries() {
    runner.withUserConfiguration(ConfigInCode.class, ListenerConfig.class).run(context -> {
      ListenerConfig listener = context.getBean(ListenerConfig.class);
      context.getBean(AlertRouter.class).submit(Alert.firing(Map.of("alertname", "HighErrorRate")).build());
      assertThat(listener.sent.await(20, TimeUnit.SECONDS)).as("a sent event within 20 s").isTrue();
      assertThat(simulator.received("sre-ding")).singleElement()
          .satisfies(m -> assertThat(m.mentions()).containsExactly("mobile:13800000001"));
    });
  }

  @Test
  void theRouterIsClosedWithTheContext() {
    AlertRouter[] router = new AlertRouter[1];
    runner.withUserConfiguration(ConfigInCode.class).run(context -> router[0] = context.getBean(AlertRouter.class));
    Alert alert = Alert.firing(Map.of("alertname", "Late")).build();
    assertThatThrownBy(() -> router[0].submit(alert)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void customizersAdjustTheBuilder() {
    runner.withUserConfiguration(ConfigInCode.class, CustomizerConfig.class).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(CustomizerConfig.class).calls).hasValue(1);
    });
  }

  @Test
  void aRobotWhosePlatformHasNoModuleFailsStartup() {
    runner.withUserConfiguration(ConfigInCode.class)
        .withBean(Platforms.class, Platforms::of)
        .run(context -> assertThat(rootCause(context.getStartupFailure())).isInstanceOf(ConfigException.class)
            .hasMessageContaining("robots[0].platform: no platform module for \"dingtalk\" on the class path"));
  }

  @Test
  void anApplicationsOwnRouterIsKept() {
    runner.withUserConfiguration(ConfigInCode.class)
        .withBean("myRouter", AlertRouter.class, () -> AlertRouter.builder().config(RouterConfig.empty()).build())
        .run(context -> assertThat(context).getBean(AlertRouter.class).isSameAs(context.getBean("myRouter")));
  }

  @Test
  void disabledMeansNoRouter() {
    runner.withPropertyValues("alert-router.enabled=false").run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(AlertRouter.class).doesNotHaveBean(RouterConfig.class));
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root;
  }

  /** Configuration built in code, as an application would; the webhook from the properties. */
  @Configuration(proxyBeanMethods = false)
  static class ConfigInCode {
    @Bean
    RouterConfig routerConfig(org.springframework.core.env.Environment env) {
      return RouterConfig.builder()
          .contact(new Contact("alice", "Alice Zhang", "+86 138 0000 0001", null, Map.of()))
          .robot(new Robot("sre-ding", "dingtalk", Secret.of(env.getRequiredProperty("DINGTALK_URL")),
              Secret.of(env.getRequiredProperty("DINGTALK_SECRET")), "alert", Map.of()))
          .notificationPolicy(NotificationPolicy.builder("in-code")
              .groupRule(new GroupRule(Duration.ZERO, Duration.ofMinutes(5), List.of("alertname")))
              .notifyRule(new NotifyRule(null, List.of("sre-ding"), List.of(MentionTarget.contact("alice"))))
              .repeatInterval(Duration.ofHours(4))
              .build())
          .build();
    }
  }

  /** A listener bean, as an application's audit log would be. */
  @Configuration(proxyBeanMethods = false)
  static class ListenerConfig implements DeliveryListener {
    final CountDownLatch sent = new CountDownLatch(1);

    @Override
    public void sent(DeliveryEvent event) {
      sent.countDown();
    }
  }

  /** Counts how often the builder was customized. */
  @Configuration(proxyBeanMethods = false)
  static class CustomizerConfig {
    final AtomicInteger calls = new AtomicInteger();

    @Bean
    AlertRouterBuilderCustomizer countingCustomizer() {
      return builder -> calls.incrementAndGet();
    }
  }
}

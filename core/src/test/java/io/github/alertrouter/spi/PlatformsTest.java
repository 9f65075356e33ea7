package io.github.alertrouter.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformsTest {
  @Test
  void twoProvidersForOneIdIsALoudError() {
    assertThatThrownBy(() -> Platforms.of(new Named("chat"), new Other("chat")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two platform modules claim the id \"chat\"")
        .hasMessageContaining(Named.class.getName())
        .hasMessageContaining(Other.class.getName());
  }

  @Test
  void checkReportsMissingPlatformsRobotOptionsAndTemplatesWithPaths() {
    RouterConfig config = RouterConfig.builder()
        .robot(new Robot("a", "chat", Secret.of("https://x/y"), null, null, Map.of("colour", "red")))
        .robot(new Robot("b", "wecom", Secret.of("https://x/z"), null, null))
        .notificationPolicy(NotificationPolicy.builder("p")
            .repeatInterval(java.time.Duration.ofHours(1))
            .notifyRule(new NotifyRule(null, List.of("a"), null, Map.of("chat", "{{", "lark", "x")))
            .routes(List.of(NotificationPolicy.builder("q")
                .notifyRule(new NotifyRule(null, null, null, Map.of("chat", "{{"))).build()))
            .build())
        .build();

    Platforms platforms = Platforms.of(new Named("chat"));
    assertThat(platforms.check(config)).extracting(ConfigProblem::toString).containsExactly(
        "robots[0].options.colour: unknown option",
        "notificationPolicies[0].notifyRule.templates.chat: unclosed tag",
        "notificationPolicies[0].routes[0].notifyRule.templates.chat: unclosed tag");
    assertThat(platforms.unavailable(config)).extracting(ConfigProblem::toString).containsExactly(
        "robots[1].platform: no platform module for \"wecom\" on the class path (available: chat)");
  }

  @Test
  void checkLooksAtEachWebhookOfAPoolAndReportsItAtItsEntry() {
    Robot pool = Robot.builder("a", "keyed", Secret.of("https://x/send?key=1")).option("colour", "red")
        .addWebhook(Secret.of("https://x/send"), Secret.of("s"))
        .addWebhook(Secret.of("https://x/send?key=3"), null).build();
    RouterConfig config = RouterConfig.builder().robot(pool).build();

    assertThat(Platforms.of(new Keyed()).check(config)).extracting(ConfigProblem::toString).containsExactly(
        "robots[0].options.colour: unknown option", // once, not once per webhook
        "robots[0].webhooks[1].url: has no key",
        "robots[0].webhooks[1].secret: too short");
  }

  @Test
  void findAndIds() {
    Platforms p = Platforms.of(new Named("b"), new Other("a"));
    assertThat(p.ids()).containsExactly("a", "b");
    assertThat(p.find("b")).isPresent();
    assertThat(p.find("c")).isEmpty();
  }

  private static class Named implements PlatformProvider {
    private final String id;

    Named(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      return IdentityResolution.unresolved("none");
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      return List.of();
    }

    @Override
    public RobotClient client(Robot robot, ClientContext context) {
      return message -> SendResult.sent();
    }

    @Override
    public List<ConfigProblem> checkRobot(Robot robot) {
      return robot.options().keySet().stream().map(k -> new ConfigProblem("options." + k, "unknown option")).toList();
    }

    @Override
    public List<String> checkTemplate(String template) {
      return template.contains("{{") && !template.contains("}}") ? List.of("unclosed tag") : List.of();
    }
  }

  /** Checks webhooks and secrets too, as WeCom's module checks its webhook's key. */
  private static final class Keyed extends Named {
    Keyed() {
      super("keyed");
    }

    @Override
    public List<ConfigProblem> checkRobot(Robot robot) {
      List<ConfigProblem> problems = new java.util.ArrayList<>(super.checkRobot(robot));
      if (!robot.webhook().reveal().contains("key=")) {
        problems.add(new ConfigProblem("webhook", "has no key"));
      }
      if (robot.secret() != null && robot.secret().reveal().length() < 3) {
        problems.add(new ConfigProblem("secret", "too short"));
      }
      return problems;
    }
  }

  private static final class Other extends Named {
    Other(String id) {
      super(id);
    }
  }
}

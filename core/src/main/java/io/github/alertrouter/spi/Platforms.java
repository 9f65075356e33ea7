package io.github.alertrouter.spi;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The platform modules available to a router, by id. {@link #load()} finds them with
 * {@link ServiceLoader}; two providers claiming one id is an error that names both classes, so a
 * classpath mix-up is loud, not a coin toss. Immutable and thread-safe.
 */
public final class Platforms {
  private final Map<String, PlatformProvider> byId;

  private Platforms(Map<String, PlatformProvider> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /**
   * The providers on the class path of this class's loader.
   *
   * @throws IllegalStateException when two providers share an id
   */
  public static Platforms load() {
    return of(ServiceLoader.load(PlatformProvider.class, Platforms.class.getClassLoader()).stream()
        .map(ServiceLoader.Provider::get)
        .toList());
  }

  /**
   * Exactly these providers.
   *
   * @throws IllegalStateException when two providers share an id
   */
  public static Platforms of(List<PlatformProvider> providers) {
    Map<String, PlatformProvider> byId = new TreeMap<>();
    for (PlatformProvider p : providers) {
      PlatformProvider previous = byId.putIfAbsent(p.id(), p);
      if (previous != null) {
        throw new IllegalStateException("two platform modules claim the id \"" + p.id() + "\": "
            + previous.getClass().getName() + " and " + p.getClass().getName()
            + "; keep one of them on the class path");
      }
    }
    return new Platforms(byId);
  }

  /**
   * Exactly these providers.
   *
   * @throws IllegalStateException when two providers share an id
   */
  public static Platforms of(PlatformProvider... providers) {
    return of(List.of(providers));
  }

  /** The provider whose {@link PlatformProvider#id()} is {@code id}, if available. */
  public Optional<PlatformProvider> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The ids of the available platforms, sorted. */
  public List<String> ids() {
    return List.copyOf(byId.keySet());
  }

  /** Why {@code platform} cannot be served: names the platforms that can. */
  public String missing(String platform) {
    return "no platform module for \"" + platform + "\" on the class path (available: "
        + (byId.isEmpty() ? "none" : String.join(", ", byId.keySet())) + ")";
  }

  /**
   * Robots and templates whose platform has no module on the class path, with config paths: the
   * router cannot send to them. Kept apart from {@link #check} because a config shared by several
   * deployments may name platforms one of them does not use.
   */
  public List<ConfigProblem> unavailable(RouterConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<Robot> robots = config.robots();
    for (int i = 0; i < robots.size(); i++) {
      if (!byId.containsKey(robots.get(i).platform())) {
        problems.add(new ConfigProblem("robots[" + i + "].platform", missing(robots.get(i).platform())));
      }
    }
    return problems;
  }

  /**
   * What the available platforms find wrong with a configuration: each robot's options and template and
   * each policy template, with config paths. Platforms without a module are not checked (see
   * {@link #unavailable}).
   */
  public List<ConfigProblem> check(RouterConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<Robot> robots = config.robots();
    for (int i = 0; i < robots.size(); i++) {
      Robot robot = robots.get(i);
      String path = "robots[" + i + "]";
      PlatformProvider provider = byId.get(robot.platform());
      if (provider == null) {
        continue;
      }
      if (robot.template() != null) {
        provider.checkTemplate(robot.template()).forEach(m -> problems.add(new ConfigProblem(path + ".template", m)));
      }
      if (!robot.isPool()) {
        for (ConfigProblem p : provider.checkRobot(robot)) {
          problems.add(new ConfigProblem(p.path().isEmpty() ? path : path + "." + p.path(), p.message()));
        }
        continue;
      }
      // a pool: each member is checked as a robot of its own, its webhook's problems at its entry
      for (int m = 0; m < robot.webhooks().size(); m++) {
        String member = path + ".webhooks[" + m + "]";
        for (ConfigProblem p : provider.checkRobot(robot.member(m))) {
          if (p.path().equals("webhook") || p.path().startsWith("webhook.")) {
            problems.add(new ConfigProblem(member + ".url" + p.path().substring("webhook".length()), p.message()));
          } else if (p.path().equals("secret") || p.path().startsWith("secret.")) {
            problems.add(new ConfigProblem(member + "." + p.path(), p.message()));
          } else if (m == 0) { // the rest (options, keyword) is the same for every member
            problems.add(new ConfigProblem(p.path().isEmpty() ? path : path + "." + p.path(), p.message()));
          }
        }
      }
    }
    List<NotificationPolicy> policies = config.notificationPolicies();
    for (int i = 0; i < policies.size(); i++) {
      checkTemplates(policies.get(i), "notificationPolicies[" + i + "]", problems);
    }
    return problems;
  }

  private void checkTemplates(NotificationPolicy policy, String path, List<ConfigProblem> problems) {
    Map<String, String> templates = policy.notifyRule().templates();
    if (templates != null) {
      templates.forEach((platform, template) -> {
        String at = path + ".notifyRule.templates." + platform;
        PlatformProvider provider = byId.get(platform);
        if (provider != null) {
          provider.checkTemplate(template).forEach(m -> problems.add(new ConfigProblem(at, m)));
        }
      });
    }
    for (int i = 0; i < policy.routes().size(); i++) {
      checkTemplates(policy.routes().get(i), path + ".routes[" + i + "]", problems);
    }
  }
}

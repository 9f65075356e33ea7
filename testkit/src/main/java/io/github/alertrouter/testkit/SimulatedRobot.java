package io.github.alertrouter.testkit;

import java.time.Instant;
import java.util.List;

/**
 * One robot registered with a {@link SimulatorServer}: its id, security settings and rate-limit
 * state. Not thread-safe: guarded by its simulator's lock.
 */
public final class SimulatedRobot {
  private final String id;
  private final String secret;
  private final List<String> keywords;
  private final RateLimiter rate;

  SimulatedRobot(String id, String secret, List<String> keywords, RateLimiter rate) {
    this.id = id;
    this.secret = secret;
    this.keywords = keywords;
    this.rate = rate;
  }

  /** The id the robot was registered with. */
  public String id() {
    return id;
  }

  /** The signing secret, or {@code null} for an unsigned robot. */
  public String secret() {
    return secret;
  }

  /** Whether the robot requires keywords and {@code text} contains none of them. */
  public boolean lacksKeyword(String text) {
    return !keywords.isEmpty() && keywords.stream().noneMatch(text::contains);
  }

  /** Counts a message at {@code now} if the robot's rate limit lets it through. */
  public boolean admit(Instant now) {
    return rate.admit(now);
  }
}

package io.github.alertrouter.notify;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.Scheduler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Delivers notifications to robots: renders each with its robot's platform, keeps every robot
 * under its platform's rate limits, merges what a saturated robot cannot send in time into one
 * digest (nothing is dropped or sent late one by one), signs and sends each message, and retries
 * retryable failures with exponential backoff and jitter, a bounded number of times. Outcomes
 * reach the {@link DeliveryListener} as values; nothing is thrown into the caller.
 *
 * <p>{@link #dispatch} returns at once; sending happens on the {@link Scheduler}, so tests drive
 * it with virtual time. Thread-safe.
 */
public final class Dispatcher {
  private final Map<String, RobotLane> lanes;
  private final Map<String, String> unavailable;

  private Dispatcher(Builder b) {
    Map<String, RobotLane> lanes = new LinkedHashMap<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    ClientContext context = b.context != null ? b.context : ClientContext.defaults(b.scheduler.clock());
    for (Robot robot : b.robots) {
      PlatformProvider platform = b.platforms.find(robot.platform()).orElse(null);
      if (platform == null) {
        unavailable.put(robot.id(), b.platforms.missing(robot.platform()));
        continue;
      }
      lanes.put(robot.id(), new RobotLane(robot, platform, platform.client(robot, context), b.scheduler,
          b.retry, b.random, b.listener));
    }
    this.lanes = Map.copyOf(lanes);
    this.unavailable = Map.copyOf(unavailable);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Queues a delivery for its robot and returns.
   *
   * @throws IllegalArgumentException when the robot is unknown or its platform module is
   *     missing, naming which
   */
  public void dispatch(Delivery delivery) {
    RobotLane lane = lanes.get(delivery.robotId());
    if (lane == null) {
      String why = unavailable.get(delivery.robotId());
      throw new IllegalArgumentException("robot \"" + delivery.robotId() + "\": "
          + (why != null ? why : "not configured"));
    }
    lane.offer(delivery);
  }

  /** Deliveries for {@code robotId} not yet fully sent (queued or in flight, including retries). */
  public int pending(String robotId) {
    RobotLane lane = lanes.get(robotId);
    return lane == null ? 0 : lane.pending();
  }

  /** Builds a {@link Dispatcher}; not thread-safe. */
  public static final class Builder {
    private List<Robot> robots = List.of();
    private Platforms platforms;
    private Scheduler scheduler;
    private ClientContext context;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private RandomGenerator random = new Random();
    private DeliveryListener listener = DeliveryListener.NONE;

    private Builder() {}

    public Builder robots(List<Robot> robots) {
      this.robots = List.copyOf(robots);
      return this;
    }

    public Builder platforms(Platforms platforms) {
      this.platforms = platforms;
      return this;
    }

    /** Where sending runs, and whose clock rate limits and signing timestamps follow. */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** Transport and timeouts; default: the JDK client on the scheduler's clock. */
    public Builder clientContext(ClientContext context) {
      this.context = context;
      return this;
    }

    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    /** Source of backoff jitter; seed one in tests for repeatable waits. */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    public Builder listener(DeliveryListener listener) {
      this.listener = listener;
      return this;
    }

    /** @throws NullPointerException when platforms or scheduler are missing */
    public Dispatcher build() {
      Objects.requireNonNull(platforms, "platforms");
      Objects.requireNonNull(scheduler, "scheduler");
      Objects.requireNonNull(retry, "retryPolicy");
      Objects.requireNonNull(random, "random");
      Objects.requireNonNull(listener, "listener");
      return new Dispatcher(this);
    }
  }
}

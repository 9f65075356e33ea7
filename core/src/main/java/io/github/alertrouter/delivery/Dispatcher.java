package io.github.alertrouter.delivery;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;

/**
 * Delivers notifications to robots: renders each with its robot's platform, keeps every robot
 * under its platform's rate limits, merges what a saturated robot cannot send in time into one
 * digest (nothing is dropped or sent late one by one), signs and sends each message, and retries
 * retryable failures with exponential backoff and jitter, a bounded number of times. Outcomes
 * reach the {@link DeliveryListener} as values; nothing is thrown into the caller.
 *
 * <p>{@link #dispatch} returns at once. Each robot has its own lane: deciding what to send runs on
 * the {@link Scheduler} (so tests drive it with virtual time), the HTTP request on the send
 * executor, one at a time per robot, so a slow or hung webhook holds only its own robot. Thread-safe.
 */
public final class Dispatcher {
  private volatile Map<String, RobotLane> lanes; // replaced whole by adopt()
  private volatile boolean handedOver;
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
      List<RobotClient> clients = new ArrayList<>();
      List<RateWindows.Window> windows = new ArrayList<>();
      for (int m = 0; m < robot.webhooks().size(); m++) {
        Robot member = robot.member(m);
        clients.add(platform.client(member, context));
        windows.add(b.rateWindows.window(robotKey(member), platform.rateLimits()));
      }
      lanes.put(robot.id(), new RobotLane(new RobotLane.Wiring(robot, platform, clients,
          b.scheduler, b.sender, b.retry, b.random, b.listener), windows, b.outbox.queue(robotKey(robot))));
    }
    this.lanes = java.util.Collections.unmodifiableMap(lanes);
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
    dispatch(delivery, null, Receipt.NONE);
  }

  /**
   * Queues a delivery for its robot and returns; {@code receipt} hears how it ended. A queued
   * delivery with the same {@code key} (not {@code null}) that has not started sending is replaced
   * by this one, and its receipt hears {@link Receipt.Outcome#SUPERSEDED}; while one with the same
   * key is being sent, this one is not queued and hears {@link Receipt.Outcome#BUSY}.
   *
   * @throws IllegalArgumentException when the robot is unknown or its platform module is
   *     missing, naming which
   */
  public void dispatch(Delivery delivery, String key, Receipt receipt) {
    dispatch(delivery, key, null, receipt);
  }

  /**
   * {@link #dispatch(Delivery, String, Receipt)} with what the notification log records once the
   * delivery was accepted ({@code null}: nothing), which a durable outbox commits with its end.
   */
  public void dispatch(Delivery delivery, String key, Outbox.Delivered delivered, Receipt receipt) {
    dispatch(new Outbox.Entry(delivery, key, delivered, receipt));
  }

  /**
   * Queues {@code entry} for its delivery's robot and returns: {@link #dispatch(Delivery, String,
   * Outbox.Delivered, Receipt)} with everything an entry carries (an escalation firing's
   * {@link Outbox.StepFired} too).
   *
   * @throws IllegalArgumentException when the robot is unknown or its platform module is
   *     missing, naming which
   */
  public void dispatch(Outbox.Entry entry) {
    Delivery delivery = entry.delivery();
    RobotLane lane = lanes.get(delivery.robotId());
    if (lane == null) {
      String why = unavailable.get(delivery.robotId());
      throw new IllegalArgumentException("robot \"" + delivery.robotId() + "\": "
          + (why != null ? why : "not configured"));
    }
    lane.offer(entry);
  }

  /**
   * Stops sending every queued delivery, and one waiting to retry, without telling their receipts
   * (whose groups are gone): this router stopped being the fleet's active member, and the one
   * taking over sends them from the outbox. A request already out completes. Returns how many the
   * lanes held.
   */
  public int abandonQueued() {
    int dropped = 0;
    for (RobotLane lane : lanes.values()) {
      dropped += lane.abandonQueued();
    }
    return dropped;
  }

  /**
   * Sends what the outbox holds that no one ended: what a process that died (or the member that
   * stepped down) queued or had out. Called when this router starts sending from shared state.
   * Returns the entries read back that this router did not queue itself.
   */
  public List<Outbox.Entry> resumeQueued() {
    List<Outbox.Entry> recovered = new ArrayList<>();
    lanes.values().forEach(lane -> recovered.addAll(lane.resumeQueued()));
    return recovered;
  }

  /** Deliveries for {@code robotId} not yet fully sent (queued or in flight, including retries). */
  public int pending(String robotId) {
    RobotLane lane = lanes.get(robotId);
    return lane == null ? 0 : lane.pending();
  }

  /**
   * Takes over the lanes of {@code previous} (a dispatcher being replaced, at a reload) for robots
   * with the same id, platform and webhook: their rate windows, throttling penalties and queued
   * deliveries go on, under this dispatcher's settings, so that reloading cannot reset a robot's
   * rate limit into a ban. {@code previous} must not be used afterwards. Thread-safe with
   * {@link #dispatch}.
   */
  public void adopt(Dispatcher previous) {
    Map<String, RobotLane> merged = new LinkedHashMap<>(lanes);
    Map<String, RobotLane> left = new LinkedHashMap<>(previous.lanes);
    previous.lanes.forEach((id, old) -> {
      RobotLane mine = merged.get(id);
      if (mine != null && sameEndpoint(mine.robot(), old.robot())) {
        old.rewire(mine.wiring());
        merged.put(id, old);
        left.remove(id);
      }
    });
    lanes = java.util.Collections.unmodifiableMap(merged);
    // the previous router stops without waiting: what its other lanes hold is for robots this
    // configuration changed or removed, and a reload must not wait for them
    previous.lanes = java.util.Collections.unmodifiableMap(left);
    previous.handedOver = true;
  }

  /**
   * The robot's id and a hash of its webhook: what the platform counts by, without the token. A
   * pool member's window is keyed the same way by its own webhook, so the first member keeps the
   * window the robot had before it became a pool, and a member moved in the list keeps its own.
   */
  static String robotKey(Robot robot) {
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
          .digest(robot.webhook().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return robot.id() + ":" + java.util.HexFormat.of().formatHex(hash, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static boolean sameEndpoint(Robot a, Robot b) {
    return a.platform().equals(b.platform()) && urls(a).equals(urls(b));
  }

  private static List<String> urls(Robot robot) {
    return robot.webhooks().stream().map(h -> h.url().reveal()).toList();
  }

  /**
   * Waits until no lane holds anything it could send within {@code timeout} (real time: for a
   * stop, on the router's own threads): a lane that is empty, or held by a platform penalty or a
   * backoff past the timeout, is not waited for. True when every lane is empty. Returns at once
   * after {@link #adopt} handed this dispatcher's lanes over.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (handedOver) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (left.isNegative() || lanes.values().stream().noneMatch(lane -> lane.canSendWithin(left))) {
        return lanes.values().stream().allMatch(lane -> lane.pending() == 0);
      }
      Thread.sleep(10);
    }
  }

  /** Each robot's lane now: what waits in it and whether a platform penalty holds it. */
  public List<LaneStatus> lanes() {
    return lanes.entrySet().stream()
        .map(e -> new LaneStatus(e.getKey(), e.getValue().pending(), e.getValue().penaltyEnds()))
        .toList();
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
    private Executor sender = Runnable::run;
    private RateWindows rateWindows;
    private Outbox outbox;

    private Builder() {}

    /**
     * Where rate windows and penalties are counted; default: this dispatcher's memory. Share one
     * between dispatchers that follow each other, or the next forgets how much the robot sent.
     */
    public Builder rateWindows(RateWindows rateWindows) {
      this.rateWindows = Objects.requireNonNull(rateWindows, "rateWindows");
      return this;
    }

    /** Where deliveries wait for their robot; default: this dispatcher's memory. */
    public Builder outbox(Outbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Where HTTP requests run; default: on the thread that drains the lane (the scheduler's), which
     * suits virtual time. Give a pool in production, so that one slow webhook holds no other robot.
     */
    public Builder sendExecutor(Executor sender) {
      this.sender = Objects.requireNonNull(sender, "sendExecutor");
      return this;
    }

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
      if (rateWindows == null) {
        rateWindows = RateWindows.inMemory();
      }
      if (outbox == null) {
        outbox = Outbox.inMemory();
      }
      return new Dispatcher(this);
    }
  }
}

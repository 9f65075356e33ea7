package io.github.alertrouter.micrometer;

import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.store.StoreException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for a router embedded in an application: what its robots' deliveries came to
 * (a {@link DeliveryListener}) and what the router holds (gauges read from {@link
 * AlertRouter#stats()} and {@link AlertRouter#lanes()} at scrape time).
 *
 * <pre>{@code
 * AlertRouterMetrics metrics = new AlertRouterMetrics();
 * AlertRouter router = AlertRouter.builder().config(config).listener(metrics).build();
 * metrics.observe(router).bindTo(registry);
 * }</pre>
 *
 * <p>Meters (see {@code docs/micrometer.md}): the counters {@value #MESSAGES} (tags {@code robot},
 * {@code platform}, {@code outcome} = {@code sent} / {@code retried} / {@code failed}, {@code kind} =
 * a {@link io.github.alertrouter.spi.FailureKind} name, {@code NONE} when sent), {@value
 * #WITHHELD_MENTIONS} ({@code robot}, {@code platform}), {@value #UNRESOLVED_MENTIONS}, {@value
 * #MERGED_NOTIFICATIONS}, {@value #OMITTED_ALERTS} and {@value #RENDER_FAILURES} ({@code robot});
 * the gauges {@value #ALERTS} ({@code state} = {@code firing} / {@code resolved}), {@value
 * #GROUPS}, {@value #ACTIVE_SILENCES}, {@value #UNDELIVERED_NOTICES}, {@value #HELD_LEASES}, and
 * per robot ({@code robot}) {@value #QUEUED_DELIVERIES} and {@value #THROTTLED_ROBOTS}. Tag values
 * are robot ids and platform ids from the configuration, outcomes, failure kinds and states:
 * bounded sets. Nothing from an alert (labels, annotations, text) becomes a tag.
 *
 * <p>Counters count from construction, whether or not a registry is bound yet: each tag set's
 * count lives here and every bound registry reads it, so several registries show the same
 * values, and deliveries made before {@link #bindTo} are not lost. A tag set's counter appears in
 * a registry at its first event. Gauges read the router last given to {@link #observe}; none
 * observed, or its state store down ({@link AlertRouter#stats()} throws a {@link
 * StoreException}), they read {@code NaN} and the scrape goes on. A robot's lane gauges read
 * {@code NaN} once the observed router has no such robot (after a reload that removed it).
 *
 * <p>Thread-safe: delivery threads count, any thread may bind or observe, registries read
 * concurrently. Listener methods never throw and cost a map lookup and an add.
 */
public final class AlertRouterMetrics implements MeterBinder, DeliveryListener {
  /** Counter: messages to robots by outcome (sent, an attempt retried, given up), in messages. */
  public static final String MESSAGES = "alert.router.messages";
  /** Counter: planned mentions a sent message could not carry (e.g. {@code @all} refused). */
  public static final String WITHHELD_MENTIONS = "alert.router.withheld.mentions";
  /** Counter: mentions that could not be resolved to a platform identity (shown by name, not @-ed). */
  public static final String UNRESOLVED_MENTIONS = "alert.router.unresolved.mentions";
  /** Counter: notifications merged into digests because a robot was saturated. */
  public static final String MERGED_NOTIFICATIONS = "alert.router.merged.notifications";
  /** Counter: alerts a message left out (over the platform's size limit) and only counted. */
  public static final String OMITTED_ALERTS = "alert.router.omitted.alerts";
  /** Counter: notifications (or notices) that could not be rendered for a robot. */
  public static final String RENDER_FAILURES = "alert.router.render.failures";
  /** Gauge: alerts the router holds, by {@code state}. */
  public static final String ALERTS = "alert.router.alerts";
  /** Gauge: alert groups the router holds. */
  public static final String GROUPS = "alert.router.groups";
  /** Gauge: silences in effect now. */
  public static final String ACTIVE_SILENCES = "alert.router.active.silences";
  /** Gauge: group notices to a robot that gave up and wait for their group's next flush. */
  public static final String UNDELIVERED_NOTICES = "alert.router.undelivered.notices";
  /** Gauge: 1 while the router forms groups and sends, 0 while it is a fleet's standby. */
  public static final String HELD_LEASES = "alert.router.held.leases";
  /** Gauge: deliveries queued or in flight in a robot's lane. */
  public static final String QUEUED_DELIVERIES = "alert.router.robot.queued.deliveries";
  /** Gauge: 1 while a platform's throttling penalty holds a robot's lane, else 0. */
  public static final String THROTTLED_ROBOTS = "alert.router.throttled.robots";

  // the tag keys this binder sets itself: an extra tag may not take one over
  private static final String ALERTS_DESCRIPTION = "Alerts held by the router, by state (firing, or resolved and not yet collected).";
  private static final Set<String> OWN_KEYS = Set.of("robot", "platform", "outcome", "kind", "state");

  private final Tags extraTags;
  private final Map<CounterKey, LongAdder> counts = new ConcurrentHashMap<>();
  private volatile AlertRouter router;

  // Every meter this binder defines, as a registration to replay on each registry bound later;
  // both lists change only under the lock, so a meter defined while a registry binds reaches it.
  private final Object lock = new Object();
  private final List<MeterRegistry> registries = new ArrayList<>();
  private final List<Consumer<MeterRegistry>> meters = new ArrayList<>();
  private final Set<String> laneRobots = new HashSet<>();

  /** Meters without extra tags. */
  public AlertRouterMetrics() {
    this(Tags.empty());
  }

  /**
   * Meters with {@code extraTags} added to each (a router's name, when an application runs
   * several).
   *
   * @throws IllegalArgumentException when an extra tag uses a key these meters set themselves
   *     ({@code robot}, {@code platform}, {@code outcome}, {@code kind}, {@code state})
   */
  public AlertRouterMetrics(Iterable<Tag> extraTags) {
    this.extraTags = Tags.of(Objects.requireNonNull(extraTags, "extraTags"));
    for (Tag tag : this.extraTags) {
      if (OWN_KEYS.contains(tag.getKey())) {
        throw new IllegalArgumentException("extra tags must not use the meters' own keys " + OWN_KEYS
            + ", but one was \"" + tag.getKey() + "\"");
      }
    }
    gauge(ALERTS, "alerts", ALERTS_DESCRIPTION, Tags.of("state", "firing"), stats(RouterStats::firingAlerts));
    gauge(ALERTS, "alerts", ALERTS_DESCRIPTION, Tags.of("state", "resolved"), stats(s -> s.alerts() - s.firingAlerts()));
    gauge(GROUPS, "groups", "Alert groups held by the router.", Tags.empty(), stats(RouterStats::groups));
    gauge(ACTIVE_SILENCES, "silences", "Silences in effect now.", Tags.empty(), stats(RouterStats::activeSilences));
    gauge(UNDELIVERED_NOTICES, "notices",
        "Group notices to a robot that gave up; each is sent again at its group's next flush.",
        Tags.empty(), stats(RouterStats::undeliveredNotices));
    gauge(HELD_LEASES, "leases",
        "Whether the router forms groups and sends (1; always, unless in a fleet) or is a fleet's standby (0).",
        Tags.empty(), m -> {
          AlertRouter r = m.router;
          return r == null ? Double.NaN : r.active() ? 1 : 0;
        });
  }

  /**
   * Reads gauges from {@code router} from now on: call it with the first router, and again with
   * the router that replaces it at a configuration reload. Robots it has that no earlier router
   * had get their lane gauges in every bound registry.
   *
   * @return this, to bind next
   */
  public AlertRouterMetrics observe(AlertRouter router) {
    this.router = Objects.requireNonNull(router, "router");
    List<LaneStatus> lanes = router.lanes();
    synchronized (lock) {
      for (LaneStatus lane : lanes) {
        if (laneRobots.add(lane.robotId())) {
          laneGauges(lane.robotId());
        }
      }
    }
    return this;
  }

  /**
   * Registers every meter in {@code registry}: the gauges, the lane gauges of the observed
   * router's robots and a counter for each tag set counted so far; tag sets first counted later
   * are registered then. Binding several registries works: each shows the same counts. Binding
   * the same registry again changes nothing.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    Objects.requireNonNull(registry, "registry");
    synchronized (lock) {
      if (registries.stream().anyMatch(r -> r == registry)) {
        return;
      }
      registries.add(registry);
      meters.forEach(m -> m.accept(registry));
    }
  }

  @Override
  public void sent(DeliveryEvent event) {
    count(CounterKey.message(event, "sent"), 1);
    if (!event.withheld().isEmpty()) {
      count(new CounterKey(Counted.WITHHELD, event.robotId(), event.platform(), null, null),
          event.withheld().size());
    }
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    count(CounterKey.message(event, "retried"), 1);
  }

  @Override
  public void failed(DeliveryEvent event) {
    count(CounterKey.message(event, "failed"), 1);
  }

  @Override
  public void merged(String robotId, int notifications) {
    count(CounterKey.robot(Counted.MERGED, robotId), notifications);
  }

  @Override
  public void omitted(String robotId, Notification notification, int alerts) {
    count(CounterKey.robot(Counted.OMITTED, robotId), alerts);
  }

  @Override
  public void unresolvedMentions(String robotId, Notification notification, List<Mention> unresolved) {
    count(CounterKey.robot(Counted.UNRESOLVED, robotId), unresolved.size());
  }

  @Override
  public void renderFailed(String robotId, Notification notification, String problem) {
    count(CounterKey.robot(Counted.RENDER, robotId), 1);
  }

  private void count(CounterKey key, long n) {
    LongAdder adder = counts.get(key);
    if (adder == null) {
      adder = newCounter(key);
    }
    adder.add(n);
  }

  private LongAdder newCounter(CounterKey key) {
    synchronized (lock) {
      LongAdder existing = counts.get(key);
      if (existing != null) {
        return existing;
      }
      LongAdder adder = new LongAdder();
      counts.put(key, adder);
      Tags tags = extraTags.and(key.tags());
      Counted counted = key.counted();
      define(registry -> FunctionCounter.builder(counted.meterName, adder, LongAdder::doubleValue)
          .tags(tags).baseUnit(counted.baseUnit).description(counted.description).register(registry));
      return adder;
    }
  }

  private void laneGauges(String robotId) {
    Tags robot = Tags.of("robot", robotId);
    gauge(QUEUED_DELIVERIES, "deliveries",
        "Deliveries queued or in flight in a robot's lane (kept while a penalty or backoff holds it).",
        robot, lane(robotId, lane -> lane.pending()));
    gauge(THROTTLED_ROBOTS, "robots",
        "Whether a platform's throttling penalty holds the robot's lane now (1) or not (0).",
        robot, lane(robotId, lane -> lane.penaltyEnds() == null ? 0 : 1));
  }

  private void gauge(String name, String baseUnit, String description, Tags tags,
      ToDoubleFunction<AlertRouterMetrics> value) {
    Tags all = extraTags.and(tags);
    // strong: a binder that only its registries hold must keep reporting
    define(registry -> Gauge.builder(name, this, value).tags(all).baseUnit(baseUnit).description(description)
        .strongReference(true).register(registry));
  }

  private void define(Consumer<MeterRegistry> meter) {
    synchronized (lock) {
      meters.add(meter);
      registries.forEach(meter);
    }
  }

  private static ToDoubleFunction<AlertRouterMetrics> stats(ToDoubleFunction<RouterStats> field) {
    return m -> {
      AlertRouter r = m.router;
      if (r == null) {
        return Double.NaN;
      }
      try {
        return field.applyAsDouble(r.stats());
      } catch (StoreException e) {
        return Double.NaN; // the store is down: the gauge says "unknown", the scrape goes on
      }
    };
  }

  private static ToDoubleFunction<AlertRouterMetrics> lane(String robotId, ToDoubleFunction<LaneStatus> field) {
    return m -> {
      AlertRouter r = m.router;
      if (r == null) {
        return Double.NaN;
      }
      for (LaneStatus lane : r.lanes()) {
        if (lane.robotId().equals(robotId)) {
          return field.applyAsDouble(lane);
        }
      }
      return Double.NaN; // a reload removed the robot
    };
  }

  /** A counter's name, base unit and description: the same for each of its tag sets. */
  private enum Counted {
    SENT_MESSAGES(MESSAGES, "messages", "Messages to robots by outcome: sent (the platform accepted it), retried "
        + "(an attempt failed and is tried again), failed (given up); kind is the failure's kind (NONE when sent)."),
    WITHHELD(WITHHELD_MENTIONS, "mentions",
        "Planned mentions a sent message could not carry (e.g. @all refused by the group)."),
    UNRESOLVED(UNRESOLVED_MENTIONS, "mentions",
        "Mentions that could not be resolved to a platform identity (shown by name, not @-ed)."),
    MERGED(MERGED_NOTIFICATIONS, "notifications", "Notifications merged into digests because a robot was saturated."),
    OMITTED(OMITTED_ALERTS, "alerts", "Alerts a message left out (over the platform's size limit) and only counted."),
    RENDER(RENDER_FAILURES, "failures",
        "Notifications (or notices) that could not be rendered for a robot; nothing was sent for them.");

    final String meterName;
    final String baseUnit;
    final String description;

    Counted(String meterName, String baseUnit, String description) {
      this.meterName = meterName;
      this.baseUnit = baseUnit;
      this.description = description;
    }
  }

  /** One counter's tag set; {@code platform} may be absent, {@code outcome} and {@code kind} are for messages only. */
  private record CounterKey(Counted counted, String robot, String platform, String outcome, String kind) {
    static CounterKey message(DeliveryEvent event, String outcome) {
      SendResult result = event.result();
      String kind = result.failureKind().map(Enum::name).orElse("NONE");
      return new CounterKey(Counted.SENT_MESSAGES, event.robotId(), event.platform(), outcome, kind);
    }

    static CounterKey robot(Counted counted, String robotId) {
      return new CounterKey(counted, robotId, null, null, null);
    }

    Tags tags() {
      Tags tags = Tags.of("robot", robot);
      if (platform != null) {
        tags = tags.and("platform", platform);
      }
      if (outcome != null) {
        tags = tags.and("outcome", outcome, "kind", kind);
      }
      return tags;
    }
  }
}

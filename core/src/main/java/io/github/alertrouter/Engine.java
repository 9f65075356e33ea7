package io.github.alertrouter;

import io.github.alertrouter.action.ActionPages;
import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.action.ActionTokens;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.action.BindingPages;
import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import io.github.alertrouter.alertmanager.webhook.WebhookPayload;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.EscalationState;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.StandbyException;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.inhibit.Inhibitor;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.NotificationLog.Entry;
import io.github.alertrouter.preview.RoutingPreview;
import io.github.alertrouter.route.RouteMatch;
import io.github.alertrouter.route.RoutingTree;
import io.github.alertrouter.silence.Silencer;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AlertRouter}: stores alerts by fingerprint, routes each into its groups, and leaves
 * the rest to each group's timer ({@link Flusher}). Ingest takes no global lock beyond the
 * counts' ({@link AlertTally}, a few map updates per batch): the store and the group map are
 * concurrent maps and each group locks only itself.
 */
final class Engine implements AlertRouter {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  /** How often resolved alerts are dropped from the store (Alertmanager: 30 min). */
  static final Duration GC_INTERVAL = Duration.ofMinutes(15);

  private final RouterConfig config;
  private final RoutingTree routes;
  private final Platforms platforms;
  private final Scheduler scheduler;
  private final Duration resolveTimeout;
  private final Duration alertmanagerResolveTimeout;
  private final Silencer silencer;
  private final Inhibitor inhibitor;
  private final Flusher flusher;
  private final Escalations escalations;
  private final ActionTokens actionTokens;
  private final Runnable onClose;
  private final BindingService bindings;
  private final Handoffs handoffs;
  private final UsedTokens usedTokens;
  private final AlertStore store;
  private final SilenceStore silenceStore;
  private final ConcurrentMap<GroupId, AlertGroup> groups = new ConcurrentHashMap<>();
  // what stats() reports, kept as it changes: a scrape must not walk the alerts or the groups
  private final AlertTally tally = new AlertTally();
  private final AtomicInteger undelivered = new AtomicInteger(); // the groups keep it
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger submitting = new AtomicInteger();
  private final WebhookCodec codec = WebhookCodec.create();
  // what the groups of a router this one took over last notified, until the same groups form here
  private final ConcurrentMap<String, Entry> inherited = new ConcurrentHashMap<>();
  private final NotificationLog notificationLog;
  private final Dispatcher dispatcher;
  private final Fleet fleet; // null: this router is alone on its stores, and always active
  // with a fleet: whether this member holds the lease, so routes and sends; changed under the write lock
  private volatile boolean active;
  private final ReadWriteLock role = new ReentrantReadWriteLock();
  private final Lease lease; // null without a fleet

  public Engine(EngineSettings s) {
    this.config = s.config();
    this.routes = RoutingTree.compile(config.notificationPolicies());
    this.platforms = s.platforms();
    this.scheduler = s.scheduler();
    this.resolveTimeout = s.resolveTimeout();
    this.alertmanagerResolveTimeout = s.alertmanagerResolveTimeout();
    this.silencer = Silencer.of(config.silences());
    this.inhibitor = Inhibitor.of(config.inhibitRules());
    this.escalations = new Escalations(config, scheduler, s.escalationStore());
    this.actionTokens = s.actionKey() == null ? null
        : new ActionTokens(s.actionKey(), List.of(), scheduler.clock(), RobotDelivery.ACTION_LINK_TTL, s.usedTokens());
    this.flusher = new Flusher(s, silencer, inhibitor, groups, escalations, actionTokens);
    escalations.sender(flusher::escalate);
    this.onClose = s.onClose();
    this.bindings = s.bindings();
    this.usedTokens = s.usedTokens();
    this.notificationLog = s.notificationLog();
    this.dispatcher = s.dispatcher();
    this.store = s.alertStore();
    this.silenceStore = s.silenceStore();
    this.handoffs = new Handoffs(config, scheduler, s.dispatcher(), platforms, s.handoffLog());
    this.fleet = s.fleet();
    scheduler.schedule(GC_INTERVAL, this::collectGarbage);
    if (fleet == null) {
      active = true;
      if (s.carryOn()) {
        carryOnFromStores();
      }
      handoffs.start();
    }
    this.lease = fleet == null ? null
        : new Lease(fleet, scheduler, () -> activate(null), this::whileActive, this::stepDown, closed::get);
    if (lease != null) {
      lease.start(); // a member starts as a standby: it routes once the lease is its own
    }
  }

  /**
   * This member holds the lease: it forms the groups from the stored alerts (or those of the router
   * it replaces, {@code handedOver}), and what its chats received decides what is still due.
   */
  private void activate(EngineState handedOver) {
    role.writeLock().lock();
    try {
      if (!active) {
        active = true;
        if (handedOver == null) {
          carryOnFromStores();
        }
        // a handoff while no member was active (the old one died, the lease had to run out) is
        // announced late rather than never: the lease's ttl twice covers that gap
        handoffs.start(handedOver == null ? scheduler.clock().instant().minus(fleet.leaseTtl().multipliedBy(2)) : null);
        LOG.info("fleet member {}: active (holds the lease), routing and sending", fleet.member());
      }
      if (handedOver != null) {
        adopt(handedOver, false);
      }
    } finally {
      role.writeLock().unlock();
    }
  }

  /**
   * This member lost the lease: another may be active, so it stops forming groups and sending. Its
   * groups and queued notices are dropped, not flushed: the member that takes over forms them again
   * from the store and decides against what each chat received (a notice in flight may still go).
   */
  private void stepDown() {
    role.writeLock().lock();
    try {
      active = false;
      handoffs.stop();
      escalations.stop();
      groups.values().forEach(group -> {
        group.stop();
        group.dropped();
      });
      groups.clear();
      tally.clear(); // the member taking over counts the store's alerts; a standby holds none
      inherited.clear();
      int dropped = dispatcher.abandonQueued();
      LOG.warn("fleet member {}: lost the lease; standing by ({} queued notices left to the active member)",
          fleet.member(), dropped);
    } finally {
      role.writeLock().unlock();
    }
  }

  /** Each lease tick while active: what other members accepted, and the silences they stored. */
  private void whileActive() {
    routeNew();
    refreshSilences();
  }

  /** Routes what other members (or this one as a standby) accepted since the last take. */
  private void routeNew() {
    role.readLock().lock();
    try {
      if (active) {
        List<Alert> taken = fleet.takeNew();
        if (!taken.isEmpty()) {
          route(taken, scheduler.clock().instant());
        }
      }
    } finally {
      role.readLock().unlock();
    }
  }

  /** Applies the run-time silences another member added or expired (they went into the store). */
  private void refreshSilences() {
    Set<String> configured = configuredSilenceIds();
    Map<String, Silence> stored = new HashMap<>();
    silenceStore.all().forEach(silence -> stored.put(silence.id(), silence));
    Instant now = scheduler.clock().instant();
    for (Silence local : silencer.silences()) {
      if (!configured.contains(local.id()) && !stored.containsKey(local.id())) {
        silencer.expire(local.id(), now); // removed from the store: it had not started
      }
    }
    Set<Silence> applied = new HashSet<>(silencer.silences());
    stored.values().stream().filter(silence -> !configured.contains(silence.id()) && !applied.contains(silence))
        .forEach(silencer::add);
  }

  /**
   * A router built on stores that hold state (a restart, another instance's work) carries on
   * with it: the run-time silences apply, the outbox's deliveries go out, and the alerts form
   * their groups again; a group whose notice is overdue flushes at once and decides against what
   * its chats received.
   */
  private void carryOnFromStores() {
    refreshSilences();
    // what the outbox holds that no one ended goes out: queued or out when the sender died. It may
    // have reached its chat already (a request out at a crash), so its group counts it as received:
    // a resolution that follows is announced, never swallowed; a newer notice replaces it by key
    Instant now = scheduler.clock().instant();
    Map<Outbox.StepFired, Set<String>> steps = new LinkedHashMap<>();
    for (Outbox.Entry e : dispatcher.resumeQueued()) {
      if (e.delivered() != null) {
        Instant madeAt = e.delivery().isNotice() ? e.delivery().notice().at() : e.delivery().notification().at();
        notificationLog.record(e.delivered().group(), e.delivered().robotId(),
            e.delivered().entry(madeAt.isAfter(now) ? now : madeAt));
      }
      if (e.step() != null) {
        steps.computeIfAbsent(e.step(), step -> new HashSet<>()).add(e.delivery().robotId());
      }
    }
    // an escalation firing whose notices are queued here fired, whether or not its router lived to
    // record it; one whose notices a robot lacks (its router died between robots) fires again:
    // twice for some chats rather than never for one
    steps.forEach((step, queued) -> {
      if (queued.containsAll(step.robotIds())) {
        escalations.recovered(step);
      }
    });
    List<Alert> stored = store.all();
    if (!stored.isEmpty()) {
      route(stored, scheduler.clock().instant());
      LOG.info("carrying on with {} stored alerts", stored.size());
    }
  }

  @Override
  public void submit(Collection<Alert> alerts) {
    // counted in before the closed check, which handOver makes the other way round: either this
    // submit sees the router closed, or the hand-over waits until its alerts are in the store
    submitting.incrementAndGet();
    try {
      if (closed.get()) {
        throw new IllegalStateException("the router is closed; alerts are no longer accepted");
      }
      store(alerts, resolveTimeout);
    } finally {
      submitting.decrementAndGet();
    }
  }

  /**
   * Stores alerts, then routes them; one without an end fires until {@code noEnd} after this
   * update. Nothing is routed when the store fails: the caller hears it and sends them again.
   */
  private void store(Collection<Alert> alerts, Duration noEnd) {
    Instant now = scheduler.clock().instant();
    List<Alert> stamped = AlertStamp.all(alerts, now, noEnd);
    if (fleet == null) {
      route(store.receive(stamped, now), now);
      return;
    }
    // held across the intake, so that a step-down never clears the groups between the store
    // telling this member it holds the lease and its routing of the alerts
    role.readLock().lock();
    try {
      Fleet.Intake intake = fleet.receive(stamped, now, active);
      if (intake.routeHere()) {
        route(intake.stored(), now);
      }
    } finally {
      role.readLock().unlock();
    }
  }

  /** Puts stored alerts into their groups. */
  private void route(List<Alert> alerts, Instant now) {
    tally.stored(alerts);
    Set<AlertGroup> late = new LinkedHashSet<>();
    for (Alert stored : alerts) {
      inhibitor.observe(stored);
      for (RouteMatch match : routes.match(stored.labels())) {
        AlertGroup group = insert(match, stored, now);
        if (group != null) {
          late.add(group);
        }
      }
    }
    // only now, with the whole batch in: a flush must not see half of one webhook's alerts
    late.forEach(group -> group.scheduleIn(Duration.ZERO, now, scheduler, () -> flusher.flush(group, true)));
  }

  @Override
  public void submitAlertmanager(byte[] json) {
    submitAlertmanager(codec.parse(json));
  }

  @Override
  public void submitAlertmanager(WebhookPayload payload) {
    submitting.incrementAndGet();
    try {
      if (closed.get()) {
        throw new IllegalStateException("the router is closed; alerts are no longer accepted");
      }
      // Alertmanager sends a firing alert with no end and re-sends it only every repeat_interval:
      // it stays firing until Alertmanager says it resolved, or the long bound passes
      store(payload.toAlerts(), alertmanagerResolveTimeout);
    } finally {
      submitting.decrementAndGet();
    }
  }

  @Override
  public RoutingPreview preview(List<Alert> alerts, Instant at) {
    return RoutingPreview.of(config, alerts, at, platforms, silencer.silences(), bindings);
  }

  @Override
  public void addSilence(Silence silence) {
    silenceStore.put(silence); // stored first: a silence the store refused is not applied either
    silencer.add(silence);
  }

  @Override
  public void expireSilence(String id) {
    Optional<Silence> before = silencer.silences().stream().filter(s -> s.id().equals(id)).findFirst();
    silencer.expire(id, scheduler.clock().instant());
    Optional<Silence> after = silencer.silences().stream().filter(s -> s.id().equals(id)).findFirst();
    try {
      if (after.isPresent()) {
        silenceStore.put(after.get());
      } else {
        silenceStore.remove(id);
      }
    } catch (RuntimeException e) {
      before.ifPresent(silencer::add); // not stored: not applied either
      throw e;
    }
  }

  @Override
  public List<Silence> silences() {
    return silencer.silences();
  }

  @Override
  public Optional<ActionHandler> actionHandler() {
    return actionTokens == null ? Optional.empty()
        : Optional.of(new ActionPages(actionTokens, new EngineActions(this, groups.values(), scheduler.clock()), bindings == null ? null : new BindingPages(bindings)));
  }

  @Override
  public boolean acknowledge(String groupKey, String who) {
    return acknowledged(groupKey, who, true);
  }

  @Override
  public boolean unacknowledge(String groupKey, String who) {
    return acknowledged(groupKey, who, false);
  }

  private boolean acknowledged(String groupKey, String who, boolean acknowledged) {
    requireActive();
    boolean known = escalations.acknowledge(groupKey, who, acknowledged);
    if (known) {
      LOG.info("group {} {} by {}", groupKey, acknowledged ? "acknowledged" : "unacknowledged", who);
      Instant now = scheduler.clock().instant();
      groups.values().stream()
          .filter(group -> group.id().groupKey().equals(groupKey))
          .forEach(group -> flusher.announceAcknowledgement(group, acknowledged, who, now));
    }
    return known;
  }

  @Override
  public boolean resolve(String groupKey, String who) {
    if (closed.get()) {
      throw new IllegalStateException("the router is closed");
    }
    requireActive();
    Instant now = scheduler.clock().instant();
    boolean any = false;
    for (AlertGroup group : groups.values()) {
      if (!group.id().groupKey().equals(groupKey)) {
        continue;
      }
      List<Alert> ended = group.resolveAll(now);
      for (Alert a : ended) {
        // the store and the inhibitor learn it too, so a source resolved by hand stops inhibiting
        store.resolved(a, now);
        tally.resolved(a, now);
        inhibitor.observe(a);
      }
      if (!ended.isEmpty()) {
        any = true;
        group.scheduleIn(Duration.ZERO, now, scheduler, () -> flusher.flush(group, true));
      }
    }
    if (any) {
      LOG.info("group {} resolved by hand by {}", groupKey, who);
    }
    return any;
  }

  /** Groups live only on the active member: what acts on one must reach it. */
  private void requireActive() {
    if (!active) {
      throw new StandbyException("this instance is a standby of the fleet (" + fleet.member()
          + "): groups are held by the active instance; try again there, or once this one takes over");
    }
  }

  @Override
  public boolean active() {
    return active;
  }

  @Override
  public RouterStats stats() {
    store.probe(); // serve's readiness and /metrics' store_up: whether the store can take alerts
    Instant now = scheduler.clock().instant();
    AlertStore.Counts counts = tally.counts(now);
    return new RouterStats(counts.stored(), counts.firing(), groups.size(), silencer.activeCount(now),
        undelivered.get());
  }

  /** The groups held now, a live view: for tests that recount what {@link #stats} keeps. */
  Collection<AlertGroup> groups() {
    return groups.values();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    handoffs.stop();
    escalations.stop();
    Instant now = scheduler.clock().instant();
    for (AlertGroup group : groups.values()) {
      Instant due = group.nextFlush();
      group.stop();
      if (due != null && !due.isAfter(now)) {
        flusher.flush(group, false);
      }
    }
    onClose.run();
    if (fleet != null && active) {
      try {
        fleet.release(); // after the lanes drained: the next active member starts at once
      } catch (RuntimeException e) {
        LOG.warn("fleet member {}: could not give the lease up; another takes over when it expires: {}",
            fleet.member(), e.getMessage());
      }
    }
    for (LaneStatus lane : dispatcher.lanes()) {
      if (lane.pending() > 0) {
        // not recorded as delivered: a router restored from the state sends them again
        LOG.warn("robot {}: {} notices not delivered at the stop{}; their alerts and what the chat received stay "
            + "in the router's state", lane.robotId(), lane.pending(),
            lane.penaltyEnds() == null ? "" : " (the platform throttles the robot until " + lane.penaltyEnds() + ")");
      }
    }
  }

  @Override
  public void takeOver(AlertRouter previous) {
    if (previous == this || !(previous instanceof Engine old)) {
      throw new IllegalArgumentException("can only take over another router built by AlertRouter.builder()");
    }
    if (closed.get()) {
      throw new IllegalStateException("this router is closed");
    }
    // lanes of robots whose id and webhook did not change go on: their rate windows, penalties
    // and queues (whose receipts record into the shared notification log)
    dispatcher.adopt(old.dispatcher);
    EngineState state = old.handOver();
    if (fleet == null) {
      // alerts a shared store holds formed their groups when this router was built
      adopt(state, old.store != store);
    } else if (old.active) {
      lease.continueFrom(old.lease); // the same member: its lease goes on
      activate(state);
    } // a standby replaced by a standby: the lease decides, as at any start
  }

  @Override
  public List<LaneStatus> lanes() {
    return dispatcher.lanes();
  }

  @Override
  public RouterSnapshot snapshot() {
    return state();
  }

  @Override
  public void restore(RouterSnapshot snapshot) {
    if (!(snapshot instanceof EngineState state)) {
      throw new IllegalArgumentException("not a snapshot of this library's router: " + snapshot);
    }
    adopt(state, true);
  }

  /**
   * Adopts another router's state; its alerts and silences are stored here unless
   * ({@code storeAlerts} false) that router's stores are this one's.
   */
  private void adopt(EngineState state, boolean storeAlerts) {
    Map<String, AlertGroup> formed = new HashMap<>();
    groups.values().forEach(group -> formed.put(logKey(group.id()), group));
    state.log().forEach((key, log) -> {
      if (log.decided() != null) {
        AlertGroup group = formed.get(key);
        if (group != null) {
          group.inherit(log.decided());
        } else {
          inherited.put(key, log.decided());
        }
      }
      log.delivered().forEach((robot, entry) -> notificationLog.record(key, robot, entry));
    });
    state.escalations().forEach(escalations::adopt);
    Set<String> configured = configuredSilenceIds();
    for (Silence silence : state.addedSilences()) {
      if (!configured.contains(silence.id())) {
        if (storeAlerts) {
          silenceStore.put(silence);
        }
        silencer.add(silence);
      }
    }
    Instant now = scheduler.clock().instant();
    state.usedTokens().forEach((nonce, expiresAt) -> {
      if (now.isBefore(expiresAt)) {
        usedTokens.markUsed(nonce, expiresAt);
      }
    });
    if (storeAlerts) {
      submit(state.alerts());
    } else {
      route(state.alerts(), now);
    }
    LOG.info("restored {} alerts, {} groups' notification log and {} escalations (state of {})",
        state.alerts().size(), state.log().size(), state.escalations().size(), state.takenAt());
  }

  /** Stops this router without flushing and gives up its state to the router taking over. */
  private EngineState handOver() {
    if (!closed.compareAndSet(false, true)) {
      throw new IllegalStateException("the router to take over is closed");
    }
    while (submitting.get() > 0) {
      Thread.onSpinWait(); // a submit that got in before the close: its alerts must be handed over
    }
    handoffs.stop();
    escalations.stop();
    groups.values().forEach(AlertGroup::stop);
    EngineState state = state();
    onClose.run();
    return state;
  }

  /** What this router holds now: alerts, each group's last notification, episodes, run-time silences. */
  private EngineState state() {
    Map<String, Entry> decided = new HashMap<>(inherited); // taken over, not formed again yet: pass on
    Map<String, EscalationState> episodes = new HashMap<>();
    for (AlertGroup group : groups.values()) {
      Entry last = group.last();
      if (last != null) {
        decided.put(logKey(group.id()), last);
      }
      escalations.episode(group.id().groupKey()).ifPresent(e -> episodes.put(group.id().groupKey(), e));
    }
    Set<String> configured = configuredSilenceIds();
    List<Silence> added = silencer.silences().stream().filter(s -> !configured.contains(s.id())).toList();
    Map<String, Map<String, Entry>> delivered = notificationLog.entries();
    Map<String, GroupLog> log = new HashMap<>();
    Set<String> keys = new HashSet<>(decided.keySet());
    keys.addAll(delivered.keySet());
    keys.forEach(key -> log.put(key, new GroupLog(decided.get(key), delivered.getOrDefault(key, Map.of()))));
    return new EngineState(scheduler.clock().instant(), List.copyOf(store.all()), log, episodes, added,
        usedTokens.used());
  }

  private Set<String> configuredSilenceIds() {
    Set<String> ids = new HashSet<>();
    config.silences().forEach(silence -> ids.add(silence.id()));
    return ids;
  }

  // a group is one route node's: its path (names from the top) with its key, stable across configs
  static String logKey(GroupId id) {
    return String.join("/", id.node().path()) + '\u0000' + id.groupKey();
  }

  /** Adds the alert to its group; returns the group when it must flush at once (late), else null. */
  private AlertGroup insert(RouteMatch match, Alert alert, Instant now) {
    GroupId id = new GroupId(match.node(), match.groupKey(alert.labels()));
    while (true) {
      AlertGroup group = groups.computeIfAbsent(id, k -> newGroup(k, match, alert));
      AlertGroup.Added added = group.add(alert, now, scheduler, () -> flusher.flush(group, true));
      if (added != AlertGroup.Added.GONE) {
        return added == AlertGroup.Added.LATE ? group : null;
      }
      groups.remove(id, group); // destroyed by a flush between lookup and add: make a new one
    }
  }

  private AlertGroup newGroup(GroupId id, RouteMatch match, Alert alert) {
    AlertGroup group = new AlertGroup(id, match.settings(), match.groupLabels(alert.labels()), notificationLog,
        undelivered);
    if (!inherited.isEmpty()) {
      Entry last = inherited.remove(logKey(id));
      if (last != null) {
        group.inherit(last);
      }
    }
    return group;
  }

  private void collectGarbage() {
    if (closed.get()) {
      return;
    }
    if (!active) { // a standby holds no groups: forgetting "their" log entries would forget the fleet's
      scheduler.schedule(GC_INTERVAL, this::collectGarbage);
      return;
    }
    Instant now = scheduler.clock().instant();
    try {
      List<Fingerprint> dropped = store.expire(now.minus(resolveTimeout));
      tally.expired(dropped);
      dropped.forEach(inhibitor::forget);
    } catch (RuntimeException e) {
      LOG.warn("could not drop resolved alerts from the store, tried again in {}: {}", GC_INTERVAL, e.getMessage());
    }
    inherited.clear(); // groups a taken-over router had and this configuration did not form again
    Set<String> live = new HashSet<>();
    groups.keySet().forEach(id -> live.add(logKey(id)));
    notificationLog.entries().keySet().stream().filter(key -> !live.contains(key)).forEach(notificationLog::forget);
    LOG.debug("{} groups", groups.size());
    scheduler.schedule(GC_INTERVAL, this::collectGarbage);
  }
}

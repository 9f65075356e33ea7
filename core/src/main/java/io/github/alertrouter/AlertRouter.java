package io.github.alertrouter;

import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.alertmanager.webhook.PayloadException;
import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.StateStores;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.preview.RoutingPreview;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The router: alerts in, the right messages with the right @mentions out, at the right times.
 *
 * <p>Each submitted alert is stored by fingerprint (a later one with the same labels updates it),
 * routed by the notification policies into aggregation groups, and notified by each group's timer:
 * {@code groupWait} before the first notice, {@code groupInterval} between later ones, with
 * Alertmanager's dedup decision (first notification, new alerts, some or all resolved, repeat).
 * Silenced and inhibited alerts are left out of notices; notify windows hold them; mentions are
 * planned at each notice; delivery goes through each robot's platform module with its rate limits,
 * digests and retries, and every attempt is a {@link io.github.alertrouter.notify.DeliveryEvent}.
 *
 * <p>Thread-safe: submit from any thread; no global lock is taken on the ingest path. Nothing is
 * thrown into the caller for delivery problems (they are events); {@link #submit} throws only
 * after {@link #close()}.
 */
public interface AlertRouter extends AutoCloseable {
  /** Alertmanager's {@code resolve_timeout}: an alert without an end resolves this long after its last update. */
  Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofMinutes(5);
  /**
   * How long an alert that came through an Alertmanager webhook without an end (Go's zero time:
   * "firing") stays firing with no news. Alertmanager re-sends a firing group only every
   * {@code repeat_interval} (4 h by default) and sends the alert resolved when it ends, so this
   * bound only ends alerts whose resolve never comes (Alertmanager gone, {@code send_resolved:
   * false}); it must be longer than the longest {@code repeat_interval} of the routes that send
   * here. Three days.
   */
  Duration DEFAULT_ALERTMANAGER_RESOLVE_TIMEOUT = Duration.ofDays(3);
  /** How many HTTP requests to robots a router that owns its threads runs at once, at most. */
  int DEFAULT_SEND_THREADS = 128;
  /** How long {@link #close()} waits for sends in flight on a scheduler the router owns. */
  Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  /** A builder with no config (required) and the defaults named on each setter. */
  static Builder builder() {
    return new Builder();
  }

  /**
   * Stores and routes alerts. An alert without {@code startsAt} (or with one in the future)
   * starts now; without {@code endsAt} it fires until {@code resolveTimeout} after this call
   * unless submitted again; with {@code endsAt} in the past it is resolved.
   *
   * @throws IllegalStateException after {@link #close()}
   * @throws io.github.alertrouter.store.StoreException when the {@link Builder#alertStore alert
   *     store} cannot take them: nothing of the batch is routed; submit it again later
   */
  void submit(Collection<Alert> alerts);

  /** {@link #submit(Collection)} for a few alerts. */
  default void submit(Alert... alerts) {
    submit(Arrays.asList(alerts));
  }

  /**
   * Submits the alerts of an Alertmanager webhook payload (version 4; version 3 tolerated) or of
   * Grafana's webhook (version 1). Each alert carries the payload's receiver as the label
   * {@code __receiver__} ({@link io.github.alertrouter.alertmanager.webhook.WebhookPayload#toAlerts()};
   * {@code docs/intake.md}).
   *
   * @throws PayloadException naming the JSON pointer of what is wrong; nothing is submitted then
   */
  void submitAlertmanager(byte[] json);

  /**
   * Submits the alerts of a parsed Alertmanager webhook payload. A firing alert without an end
   * stays firing until Alertmanager sends it resolved, or until the builder's
   * {@link Builder#alertmanagerResolveTimeout alertmanagerResolveTimeout} passes without news
   * (never the {@code resolveTimeout} of alerts submitted directly).
   *
   * @throws IllegalStateException after {@link #close()}
   */
  void submitAlertmanager(io.github.alertrouter.alertmanager.webhook.WebhookPayload payload);

  /**
   * Acknowledges a group whose policy escalates: its {@code UNACKED} escalation steps stop (its
   * {@code UNRESOLVED} ones go on) until {@link #unacknowledge}. The group's chats are told
   * ("acknowledged by WHO", mentioning nobody), so the team sees someone is on it.
   *
   * @return whether an escalation runs for that group key
   */
  boolean acknowledge(String groupKey, String who);

  /** Withdraws an acknowledgement (told in the chats too); held {@code UNACKED} steps become due again. */
  boolean unacknowledge(String groupKey, String who);

  /**
   * Clears a group by hand: every alert of the group(s) with this key that still fires is
   * resolved now, and the group notifies at once ("all alerts resolved", sent when the policy
   * sends resolved notices). An alert its source submits again later fires again, as a new
   * episode.
   *
   * @param groupKey the group's key, as in delivery events and the preview
   * @param who who cleared it, for the log
   * @return whether anything was firing under that key
   * @throws IllegalStateException after {@link #close()}
   */
  boolean resolve(String groupKey, String who);

  /**
   * The handler for the signed action links in messages (any HTTP server can call it, or use
   * {@link io.github.alertrouter.http.JdkHttpServerAdapter}); empty without an action key.
   */
  java.util.Optional<io.github.alertrouter.http.ActionHandler> actionHandler();

  /** What would happen to {@code alerts} at {@code at}, without storing or sending anything. */
  RoutingPreview preview(List<Alert> alerts, Instant at);

  /** Adds (or replaces, by id) a silence at run time. */
  void addSilence(Silence silence);

  /**
   * Ends a silence now.
   *
   * @throws IllegalArgumentException when no silence has this id
   */
  void expireSilence(String id);

  /** The silences, configured and added, including ended ones. */
  List<Silence> silences();

  /**
   * How many alerts, groups and active silences the router holds now; the cost does not grow with
   * them, so it suits a readiness probe and every metrics scrape.
   *
   * @throws io.github.alertrouter.store.StoreException when the alert store cannot take alerts
   *     now ({@link io.github.alertrouter.store.AlertStore#probe})
   */
  RouterStats stats();

  /**
   * Whether this router forms groups and sends: always, unless it is a standby member of a
   * {@link io.github.alertrouter.store.Fleet} (then it only accepts alerts into the store).
   */
  default boolean active() {
    return true;
  }

  /**
   * Each robot's lane now: deliveries queued or in flight, and until when a platform's throttling
   * penalty holds it. What waits behind a penalty is kept and sent when it ends.
   */
  List<io.github.alertrouter.notify.LaneStatus> lanes();

  /**
   * Takes over what {@code previous} holds, so that a configuration change loses nothing and
   * repeats nothing (Alertmanager keeps its alerts and notification log across a reload): its
   * alerts, what each of its groups last notified, its escalation episodes (acknowledgements
   * included) and the silences added to it at run time. Groups whose route and key are the same
   * under the new configuration carry on as if nothing happened: no second "first
   * notification", repeats and escalation steps on their old schedule, resolved notices for what
   * was announced; a group that the new configuration forms differently starts afresh.
   *
   * <p>{@code previous} is closed without flushing (this router flushes its groups now) and
   * refuses alerts from then on: switch submitters to this router first, then call this.
   *
   * @param previous a router built by {@link #builder()}, not closed, not this one
   * @throws IllegalArgumentException when {@code previous} is this router or another kind
   * @throws IllegalStateException when {@code previous} or this router is closed
   */
  void takeOver(AlertRouter previous);

  /**
   * What this router holds that a later router should not lose, for a restart (see
   * {@link RouterSnapshot}: store {@code toJson()} somewhere that survives the process). Taken
   * while the router runs; take the last one after {@link #close()}, which flushes what was due.
   */
  RouterSnapshot snapshot();

  /**
   * Adopts a snapshot, as {@link #takeOver} adopts a running router's state: its alerts are
   * submitted again, groups that form again carry on from what they last notified, escalation
   * episodes and run-time silences are kept. Call once, right after building, before alerts
   * arrive.
   *
   * @throws IllegalArgumentException when {@code snapshot} was not made by this library
   * @throws IllegalStateException after {@link #close()}
   */
  void restore(RouterSnapshot snapshot);

  /**
   * Flushes the groups whose notice is due, stops all timers and, when the builder created the
   * scheduler, lets the robots' lanes send what they can within {@link #CLOSE_TIMEOUT}. What is
   * still queued then (a throttled robot, a webhook that is down) is logged; it is not lost from
   * the state: a {@link #snapshot()} taken after this keeps the alerts and what each chat
   * received, so the router that restores it sends what was not delivered. Later
   * {@link #submit} calls are refused.
   */
  @Override
  void close();

  /** Builds an {@link AlertRouter}; not thread-safe. */
  final class Builder {
    private RouterConfig config;
    private Clock clock = Clock.systemUTC(); // production default: tests inject a clock or a scheduler
    private Scheduler scheduler;
    private Platforms platforms;
    private final List<DeliveryListener> listeners = new ArrayList<>();
    private ClientContext clientContext;
    private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
    private Duration resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;
    private Duration alertmanagerResolveTimeout = DEFAULT_ALERTMANAGER_RESOLVE_TIMEOUT;
    private Executor sendExecutor;
    private HandoffLog handoffLog = HandoffLog.processWide();
    private EscalationStore escalationStore = EscalationStore.inMemory();
    private Secret actionKey;
    private UsedTokens usedTokens;
    private BindingService bindings;
    private NotificationLog notificationLog;
    private RateWindows rateWindows;
    private Outbox outbox;
    private AlertStore alertStore;
    private SilenceStore silenceStore;
    private AlertRouter replacing;
    private io.github.alertrouter.store.Fleet fleet;

    private Builder() {}

    /**
     * Builds the router as {@code previous}'s successor (a configuration reload): {@link #build}
     * then {@link AlertRouter#takeOver takes over} {@code previous}'s state instead of carrying on
     * from the stores it shares with {@code previous}, so that the two never flush the same group
     * at once. Use this rather than {@code build()} followed by {@code takeOver} when the routers
     * share an {@link #alertStore alert store}.
     */
    public Builder replacing(AlertRouter previous) {
      this.replacing = Objects.requireNonNull(previous, "previous");
      return this;
    }

    /**
     * Every state seam from one place ({@code PostgresStores}, {@code JournalStores}): the alerts,
     * run-time silences, notification log, outbox, rate windows, escalation episodes, handoffs
     * and used action links, as the single setters do.
     */
    public Builder stores(StateStores stores) {
      Objects.requireNonNull(stores, "stores");
      return alertStore(stores.alerts()).silenceStore(stores.silences()).notificationLog(stores.notificationLog())
          .outbox(stores.outbox()).rateWindows(stores.rateWindows()).escalationStore(stores.escalations())
          .handoffLog(stores.handoffs()).usedTokens(stores.usedTokens());
    }

    /**
     * Where the alerts live (default: this router's memory). A submit returns (and {@code serve}
     * answers 200) only once its alerts are stored, so with a store that survives the process an
     * accepted alert survives a crash; a router built on a store that holds alerts carries on
     * with them. When the store fails, {@link AlertRouter#submit} throws its
     * {@link io.github.alertrouter.store.StoreException} and nothing of the batch is routed.
     */
    public Builder alertStore(AlertStore alertStore) {
      this.alertStore = Objects.requireNonNull(alertStore, "alertStore");
      return this;
    }

    /**
     * Makes this router a member of {@code fleet}: several routers (processes) on one shared store,
     * one active at a time by lease, the others accepting alerts into the store for it. Requires
     * {@link #alertStore} (the fleet's) and, for notices sent once across the fleet, the shared
     * notification log, rate windows, handoff log and escalation store of the same store.
     */
    public Builder fleet(io.github.alertrouter.store.Fleet fleet) {
      this.fleet = Objects.requireNonNull(fleet, "fleet");
      return this;
    }

    /** Where silences added at run time live (default: this router's memory); a router built on it applies them. */
    public Builder silenceStore(SilenceStore silenceStore) {
      this.silenceStore = Objects.requireNonNull(silenceStore, "silenceStore");
      return this;
    }

    /**
     * Where each robot's rate window and throttling penalty are counted (default: this router's
     * memory). Give routers that replace each other the same store: the platform counts a robot's
     * messages whoever sends them. ({@link AlertRouter#takeOver} also keeps the lanes of robots
     * whose id and webhook did not change.)
     */
    public Builder rateWindows(RateWindows rateWindows) {
      this.rateWindows = Objects.requireNonNull(rateWindows, "rateWindows");
      return this;
    }

    /**
     * Where deliveries wait for their robot (default: this router's memory). A durable outbox
     * (PostgreSQL, the journal) keeps what was queued or out when a process died, and the router
     * built on it next sends it. Routers that replace each other may share one; lanes of unchanged
     * robots keep their queue across {@link AlertRouter#takeOver} either way.
     */
    public Builder outbox(Outbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Where what each robot's chat received is recorded (default: this router's memory). Give
     * routers that replace each other ({@link AlertRouter#takeOver}) the same log, so a notice
     * delivered by a lane that outlives the reload is recorded where the next router reads it.
     */
    public Builder notificationLog(NotificationLog notificationLog) {
      this.notificationLog = Objects.requireNonNull(notificationLog, "notificationLog");
      return this;
    }

    /** The configuration (required). */
    public Builder config(RouterConfig config) {
      this.config = config;
      return this;
    }

    /** The clock, when the builder creates the scheduler; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Where timers and sends run, and whose clock they follow; default: one scheduled thread
     * owned (and shut down) by the router, on {@link #clock(Clock)}. Tests pass virtual time.
     */
    public Builder scheduler(Scheduler scheduler) {
      this.scheduler = scheduler;
      return this;
    }

    /** The platform modules; default {@link Platforms#load()}. */
    public Builder platforms(Platforms platforms) {
      this.platforms = platforms;
      return this;
    }

    /** Adds a listener for delivery events (called on the sending thread; must not block). */
    public Builder listener(DeliveryListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** HTTP transport and timeouts; default the JDK client on the scheduler's clock. */
    public Builder clientContext(ClientContext clientContext) {
      this.clientContext = clientContext;
      return this;
    }

    /** How retryable failed sends are retried; default {@link RetryPolicy#DEFAULT}. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = retryPolicy;
      return this;
    }

    /** How long an alert without {@code endsAt} fires after its last update; default 5 minutes. */
    public Builder resolveTimeout(Duration resolveTimeout) {
      if (resolveTimeout.isNegative() || resolveTimeout.isZero()) {
        throw new IllegalArgumentException("resolveTimeout must be > 0, but was " + resolveTimeout);
      }
      this.resolveTimeout = resolveTimeout;
      return this;
    }

    /**
     * How long an alert from an Alertmanager webhook without an end fires with no news; default
     * {@link #DEFAULT_ALERTMANAGER_RESOLVE_TIMEOUT} (three days). Keep it longer than the
     * {@code repeat_interval} of every Alertmanager route that sends here: each re-send renews it.
     */
    public Builder alertmanagerResolveTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("alertmanagerResolveTimeout must be > 0, but was " + timeout);
      }
      this.alertmanagerResolveTimeout = timeout;
      return this;
    }

    /**
     * Where HTTP requests to robots run (one at a time per robot, so a robot whose webhook hangs
     * holds only itself). Default: without {@link #scheduler(Scheduler)}, a pool of at most
     * {@link #DEFAULT_SEND_THREADS} daemon threads owned by the router; with a scheduler given,
     * the scheduler's own thread, which suits virtual time in tests but serialises every robot:
     * give a pool when you pass a production scheduler.
     */
    public Builder sendExecutor(Executor sendExecutor) {
      this.sendExecutor = Objects.requireNonNull(sendExecutor, "sendExecutor");
      return this;
    }

    /**
     * Where announced handoffs are remembered; default {@link HandoffLog#processWide()}, so a
     * router that replaces another in this process does not announce a handoff again.
     */
    public Builder handoffLog(HandoffLog handoffLog) {
      this.handoffLog = Objects.requireNonNull(handoffLog, "handoffLog");
      return this;
    }

    /**
     * Where escalation state lives (which steps fired, acknowledgements); default in memory. Share
     * one between routers that follow each other so a group is not escalated twice.
     */
    public Builder escalationStore(EscalationStore escalationStore) {
      this.escalationStore = Objects.requireNonNull(escalationStore, "escalationStore");
      return this;
    }

    /**
     * The key that signs action links (claim, resolve, silence 1 h), at least 32 bytes. With it,
     * robots whose option {@code actionBaseUrl} is set carry the links, and
     * {@link AlertRouter#actionHandler()} serves them.
     */
    public Builder actionKey(Secret actionKey) {
      this.actionKey = Objects.requireNonNull(actionKey, "actionKey");
      return this;
    }

    /**
     * Where used action links are remembered, so that each works once (default: this router's
     * memory). Give routers that replace each other ({@link AlertRouter#takeOver}) the same store,
     * or a link used just before a reload works once more after it.
     */
    public Builder usedTokens(UsedTokens usedTokens) {
      this.usedTokens = Objects.requireNonNull(usedTokens, "usedTokens");
      return this;
    }

    /**
     * Who has bound their mobile number: policies with {@code requireBinding} @ a contact by
     * mobile only when it is bound here (without it, nobody is).
     */
    public Builder bindings(BindingService bindings) {
      this.bindings = Objects.requireNonNull(bindings, "bindings");
      return this;
    }

    /**
     * Builds and starts the router.
     *
     * @throws ConfigException listing every problem the platform modules find (robot options,
     *     templates) and robots whose platform has no module
     */
    public AlertRouter build() {
      Objects.requireNonNull(config, "config");
      if (fleet != null && alertStore == null) {
        throw new IllegalStateException("a fleet member needs the fleet's alert store: set alertStore(...) too");
      }
      Platforms platforms = this.platforms != null ? this.platforms : Platforms.load();
      List<ConfigProblem> problems = EngineChecks.problems(config, platforms);
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      OwnedThreads owned = this.scheduler == null ? new OwnedThreads(clock, DEFAULT_SEND_THREADS) : null;
      Scheduler scheduler = owned != null ? owned.scheduler() : this.scheduler;
      Executor sender = sendExecutor != null ? sendExecutor : owned != null ? owned.senders() : Runnable::run;
      Dispatcher.Builder delivery = Dispatcher.builder();
      if (rateWindows != null) {
        delivery.rateWindows(rateWindows);
      }
      if (outbox != null) {
        delivery.outbox(outbox);
      }
      Dispatcher dispatcher = delivery
          .sendExecutor(sender)
          .robots(config.robots())
          .platforms(platforms)
          .scheduler(scheduler)
          .clientContext(clientContext != null ? clientContext : ClientContext.defaults(scheduler.clock()))
          .retryPolicy(retryPolicy)
          .listener(DeliveryListener.all(listeners))
          .build();
      Runnable onClose = owned == null ? () -> { } : () -> owned.drainAndStop(dispatcher, CLOSE_TIMEOUT);
      Engine engine = new Engine(new EngineSettings(config, platforms, scheduler, dispatcher, resolveTimeout,
          alertmanagerResolveTimeout, onClose,
          handoffLog, escalationStore, actionKey,
          usedTokens != null ? usedTokens : UsedTokens.inMemory(scheduler.clock()),
          bindings, notificationLog != null ? notificationLog : NotificationLog.inMemory(),
          alertStore != null ? alertStore : AlertStore.inMemory(),
          silenceStore != null ? silenceStore : SilenceStore.inMemory(), replacing == null, fleet));
      if (replacing != null) {
        try {
          engine.takeOver(replacing);
        } catch (RuntimeException e) {
          engine.close();
          throw e;
        }
      }
      return engine;
    }
  }
}

package io.github.alertrouter.cli;

import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.RouterSnapshot;
import io.github.alertrouter.notify.LaneStatus;
import io.github.alertrouter.store.UsedTokens;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.StateStores;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.journal.JournalStores;
import io.github.alertrouter.store.postgresql.PostgresStores;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.spi.Platforms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver behind {@code alert-router serve}: a JDK {@link HttpServer} in front of an
 * {@link AlertRouter} built from a config file, which {@link #reload()} can replace while running.
 *
 * <p>Thread-safe: requests run on a bounded pool with read deadlines ({@link DeadlineExecutor}), so
 * slow or idle clients cannot starve the others; the router is swapped atomically, so a request
 * sees either the old router or the new one, never neither. {@link #close()} is idempotent.
 */
final class ReceiverServer implements AutoCloseable {
  /** Connections the kernel may queue before we accept them: bursts of webhooks are normal. */
  static final int DEFAULT_BACKLOG = 1024;
  /** The default request body cap: 1 MiB. */
  static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ReceiverServer.class);
  /** The JDK server's switch for TCP_NODELAY on accepted connections, read once when it first starts. */
  static final String NO_DELAY = "sun.net.httpserver.nodelay";

  static {
    // the JDK's HttpServer writes an answer's headers and body in two writes with Nagle's algorithm
    // on: a keep-alive sender's delayed ACK then holds every answer about 40 ms (measured through
    // serve: 10,000 alerts/s with it, 55,000-127,000 without); an explicit setting is kept
    if (System.getProperty(NO_DELAY) == null) {
      System.setProperty(NO_DELAY, "true");
    }
  }
  static final ConfigProblem EMPTY_CONFIG = ServeConfigCheck.EMPTY_CONFIG;

  /**
   * How the server is set up. {@code token} (API bearer token) and {@code actionKey} (signs
   * action links) may be {@code null}; {@code stopGraceSeconds} is how long {@link #close()} lets
   * requests in flight finish; {@code storageDir}, when not {@code null}, keeps the router's state
   * across restarts, a crash included ({@link JournalStores}); {@code allowEmptyConfig} accepts a config with no
   * notification policies and no robots, which routes nothing (refused otherwise, at start and at
   * reload: it is far more often a truncated or wrong file than what the operator meant).
   */
  record Settings(Path configFile, InetSocketAddress listen, int maxBodyBytes, Secret token, Secret actionKey,
      int stopGraceSeconds, Path storageDir, boolean allowEmptyConfig, Timeouts timeouts, Secret storageUrl) {
    /** Without a database. */
    Settings(Path configFile, InetSocketAddress listen, int maxBodyBytes, Secret token, Secret actionKey,
        int stopGraceSeconds, Path storageDir, boolean allowEmptyConfig, Timeouts timeouts) {
      this(configFile, listen, maxBodyBytes, token, actionKey, stopGraceSeconds, storageDir, allowEmptyConfig, timeouts,
          null);
    }

    /** With the router's default resolve timeouts. */
    Settings(Path configFile, InetSocketAddress listen, int maxBodyBytes, Secret token, Secret actionKey,
        int stopGraceSeconds, Path storageDir, boolean allowEmptyConfig) {
      this(configFile, listen, maxBodyBytes, token, actionKey, stopGraceSeconds, storageDir, allowEmptyConfig,
          Timeouts.DEFAULT);
    }

    /** Without a storage directory: the state lives as long as the process. */
    Settings(Path configFile, InetSocketAddress listen, int maxBodyBytes, Secret token, Secret actionKey,
        int stopGraceSeconds) {
      this(configFile, listen, maxBodyBytes, token, actionKey, stopGraceSeconds, null);
    }

    /** Refusing an empty config. */
    Settings(Path configFile, InetSocketAddress listen, int maxBodyBytes, Secret token, Secret actionKey,
        int stopGraceSeconds, Path storageDir) {
      this(configFile, listen, maxBodyBytes, token, actionKey, stopGraceSeconds, storageDir, false);
    }

    Settings {
      Objects.requireNonNull(timeouts, "timeouts");
      Objects.requireNonNull(configFile, "configFile");
      Objects.requireNonNull(listen, "listen");
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be > 0, but was " + maxBodyBytes);
      }
      if (storageDir != null && storageUrl != null) {
        throw new IllegalArgumentException("--storage.path and --storage.url exclude each other: the state lives in one place");
      }
    }

    /** These settings with the state in the PostgreSQL database at {@code url}. */
    Settings withStorageUrl(Secret url) {
      return new Settings(configFile, listen, maxBodyBytes, token, actionKey, stopGraceSeconds, storageDir,
          allowEmptyConfig, timeouts, url);
    }
  }

  /**
   * How long an alert without an end fires with no news: posted to {@code /api/v1/alerts}
   * ({@code resolve}) and from an Alertmanager webhook ({@code alertmanager}).
   */
  record Timeouts(Duration resolve, Duration alertmanager, Duration lease) {
    /** How long the fleet's lease lasts unrenewed (--storage.url): a dead active instance is replaced within about this. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(10);
    static final Timeouts DEFAULT =
        new Timeouts(AlertRouter.DEFAULT_RESOLVE_TIMEOUT, AlertRouter.DEFAULT_ALERTMANAGER_RESOLVE_TIMEOUT, DEFAULT_LEASE);

    Timeouts(Duration resolve, Duration alertmanager) {
      this(resolve, alertmanager, DEFAULT_LEASE);
    }
  }

  /** A router and the config it was built from (the router does not expose its config). */
  record Running(RouterConfig config, AlertRouter router) {}

  private final Settings settings;
  private final HttpLimits limits;
  private final Clock clock;
  private final ServeMetrics metrics;
  // the state in PostgreSQL with --storage.url (shared with the other instances), else null
  private final PostgresStores database;
  // the state in a journal in --storage.path (this process alone), else null
  private final JournalStores journal;
  // one for every router this server builds: an action link used before a reload stays used
  private final UsedTokens usedTokens;
  // likewise what each chat received: a lane that outlives a reload records where the next router reads
  private final NotificationLog notificationLog;
  // and how much each robot sent: DingTalk counts per robot, whichever router sends
  private final RateWindows rateWindows;
  // each robot's queue: with --storage.url in the database, with --storage.path in the journal, so
  // what a process that died had queued or out is sent by the next; else in memory
  private final Outbox outbox;
  private final AlertStore alerts;
  private final SilenceStore silences;
  private final EscalationStore escalations;
  private final HandoffLog handoffs;
  // with --storage.url: this process's membership of the fleet on that database (one across reloads)
  private final Fleet fleet;
  // submits hold it shared; a reload holds it alone while the new router takes the old one's state,
  // so no alert is routed by the new config before it holds what the old one notified
  private final ReadWriteLock swap = new ReentrantReadWriteLock();
  private final AtomicReference<Running> running = new AtomicReference<>();
  private final Object reloadLock = new Object();
  private final CountDownLatch closed = new CountDownLatch(1);
  private HttpServer server;
  private DeadlineExecutor executor;

  private ReceiverServer(Settings settings, HttpLimits limits, Clock clock) {
    this.settings = settings;
    this.limits = limits;
    this.clock = clock;
    this.metrics = new ServeMetrics(clock.instant());
    this.database = settings.storageUrl() == null ? null : PostgresStores.connect(settings.storageUrl().reveal(), clock);
    // one node, no fleet: the directory's lock keeps a second process off it
    this.journal = settings.storageDir() == null ? null : JournalStores.open(settings.storageDir(), clock);
    StateStores durable = database != null ? database : journal;
    if (durable != null) {
      this.usedTokens = timed(UsedTokens.class, "usedTokens", durable.usedTokens());
      this.notificationLog = timed(NotificationLog.class, "notificationLog", durable.notificationLog());
      this.rateWindows = timed(RateWindows.class, "rateWindows", durable.rateWindows());
      this.alerts = timed(AlertStore.class, "alerts", durable.alerts());
      this.silences = timed(SilenceStore.class, "silences", durable.silences());
      this.escalations = timed(EscalationStore.class, "escalations", durable.escalations());
      this.handoffs = timed(HandoffLog.class, "handoffs", durable.handoffs());
      this.outbox = timed(Outbox.class, "outbox", durable.outbox());
    } else {
      this.usedTokens = UsedTokens.inMemory(clock);
      this.notificationLog = NotificationLog.inMemory();
      this.rateWindows = RateWindows.inMemory();
      this.alerts = AlertStore.inMemory();
      this.silences = SilenceStore.inMemory();
      this.escalations = EscalationStore.inMemory();
      this.handoffs = HandoffLog.processWide();
      this.outbox = Outbox.inMemory(notificationLog);
    }
    // a fleet only on a database: every serve on it is a member
    this.fleet = database == null ? null : timed(Fleet.class, "fleet", database.fleet(settings.timeouts().lease()));
    metrics.outboxDepth(outbox::depth);
  }

  /** A durable store's seam, its calls timed for {@code /metrics} (in memory there is nothing to see). */
  private <T> T timed(Class<T> seam, String name, T store) {
    return metrics.storeTimings().timed(seam, name, store);
  }

  /**
   * Loads the config, builds the router and starts listening.
   *
   * @throws ConfigException when the config has problems (nothing is started then)
   * @throws UncheckedIOException when the address cannot be bound
   */
  static ReceiverServer start(Settings settings, Clock clock) {
    return start(settings, HttpLimits.DEFAULT, clock);
  }

  /** {@link #start(Settings, Clock)} with other limits than the defaults (tests use short deadlines). */
  static ReceiverServer start(Settings settings, HttpLimits limits, Clock clock) {
    ReceiverServer receiver = new ReceiverServer(settings, limits, clock);
    try {
      receiver.running.set(receiver.build(null));
    } catch (RuntimeException e) {
      receiver.closeStores();
      throw e;
    }
    try {
      receiver.importSnapshot();
      receiver.listen();
    } catch (IOException | RuntimeException e) {
      receiver.running.get().router().close();
      receiver.closeStores();
      throw e instanceof IOException io ? new UncheckedIOException("cannot listen on " + settings.listen() + ": " + io.getMessage(), io)
          : (RuntimeException) e;
    }
    return receiver;
  }

  /**
   * A storage directory that an earlier version kept as {@code snapshot.json} (every 30 s) goes on
   * working: its state is restored into the journal once, the file renamed so it is not imported
   * again. Restoring twice (a crash before the rename) is harmless: the alerts are stored again as
   * a re-send would, and the log, episodes and used links keep what they already hold.
   */
  private void importSnapshot() {
    if (journal == null) {
      return;
    }
    SnapshotFile legacy = new SnapshotFile(settings.storageDir());
    Optional<RouterSnapshot> snapshot = legacy.load(clock.instant());
    if (snapshot.isEmpty()) {
      return;
    }
    router().restore(snapshot.get()); // journaled and synced when it returns
    Path imported = legacy.markImported();
    LOG.info("imported the state an earlier version kept in {} ({} alerts, taken at {}) into {}; the file is now {}",
        legacy.path(), snapshot.get().alertCount(), snapshot.get().takenAt(), journal.file(), imported);
  }

  private void listen() throws IOException {
    executor = new DeadlineExecutor(limits, metrics);
    server = HttpServer.create(settings.listen(), DEFAULT_BACKLOG);
    server.setExecutor(executor);
    ServeApi api = new ServeApi(this, settings.maxBodyBytes(), settings.token());
    server.createContext("/", api).getFilters().add(executor.filter());
    server.start();
  }

  /** Builds a router from the config file; the successor of {@code previous} when not {@code null}. */
  private Running build(AlertRouter previous) {
    return build(prepare(), previous);
  }

  /** A config file read and checked, with the platform modules that checked it. */
  private record Prepared(RouterConfig config, Platforms platforms) {}

  /** Loads and checks the config file: every problem, before anything is built (validate checks the same). */
  private Prepared prepare() {
    ServeConfigCheck.Checked checked = ServeConfigCheck.check(settings.configFile(), settings.allowEmptyConfig());
    return new Prepared(checked.config(), checked.platforms());
  }

  private Running build(Prepared prepared, AlertRouter previous) {
    RouterConfig config = prepared.config();
    AlertRouter.Builder builder = AlertRouter.builder().config(config).platforms(prepared.platforms()).clock(clock)
        .listener(metrics).usedTokens(usedTokens).notificationLog(notificationLog).rateWindows(rateWindows).outbox(outbox)
        .alertStore(alerts).silenceStore(silences).escalationStore(escalations).handoffLog(handoffs)
        .resolveTimeout(settings.timeouts().resolve())
        .alertmanagerResolveTimeout(settings.timeouts().alertmanager());
    if (settings.actionKey() != null) {
      builder.actionKey(settings.actionKey());
    }
    if (fleet != null) {
      builder.fleet(fleet); // every serve on the database is a member: one routes and sends, all accept alerts
    }
    if (previous != null) {
      builder.replacing(previous); // takes the previous router's state over instead of re-reading the stores
    }
    return new Running(config, builder.build());
  }

  /**
   * Re-reads the config file. A config with problems is refused and the running router keeps
   * serving; a good one replaces it and takes over the old one's alerts, notification log,
   * escalations and run-time silences ({@link AlertRouter#takeOver}), so a reload neither repeats
   * nor forgets a notice.
   *
   * Every attempt is counted in the reload metrics, accepted or not.
   *
   * @throws ConfigException listing the problems of a refused config
   */
  Running reload() {
    synchronized (reloadLock) {
      boolean accepted = false;
      try {
        Running next;
        try {
          Prepared prepared = prepare();
          swap.writeLock().lock();
          try {
            // built under the lock: the new router takes the old one's state with no alert in between
            next = build(prepared, running.get().router());
            running.set(next);
          } finally {
            swap.writeLock().unlock();
          }
        } catch (ConfigException e) {
          // problems name a path and what is wrong with it, never a webhook or a secret (the 400 says the same)
          LOG.warn("reload refused, the running config is kept: {}: {}", settings.configFile(),
              e.problems().stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
          throw e;
        }
        LOG.info("reloaded {}: {} notification policies, {} robots", settings.configFile(),
            next.config().notificationPolicies().size(), next.config().robots().size());
        accepted = true;
        return next;
      } finally {
        // counted here, so POST /-/reload and SIGHUP are counted alike
        metrics().reloaded(accepted, clock().instant());
      }
    }
  }


  AlertRouter router() {
    return running.get().router();
  }

  /** Submits to the running router; waits while a reload hands its state over. */
  void submit(Consumer<AlertRouter> submit) {
    swap.readLock().lock();
    try {
      submit.accept(router());
    } finally {
      swap.readLock().unlock();
    }
  }

  Running current() {
    return running.get();
  }

  /** The counters every router this server builds reports to. */
  ServeMetrics metrics() {
    return metrics;
  }

  Clock clock() {
    return clock;
  }

  /** Requests being read or handled, or waiting for a thread (tests wait on it). */
  int requestsInFlight() {
    return executor.inFlight();
  }

  /** The bound port (useful with port 0). */
  int port() {
    return server.getAddress().getPort();
  }

  /** The address to print, e.g. {@code http://127.0.0.1:9094}. */
  String url() {
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }

  /** Blocks until {@link #close()} has run. */
  void awaitClose() throws InterruptedException {
    closed.await();
  }

  /** Stops accepting, lets requests in flight finish, then closes the router (flushing what is due). */
  @Override
  public void close() {
    synchronized (reloadLock) {
      if (closed.getCount() == 0) {
        return;
      }
      try {
        server.stop(settings.stopGraceSeconds());
        executor.shutdown();
        executor.awaitTermination(settings.stopGraceSeconds() + 1L, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        executor.shutdownNow();
        AlertRouter router = running.get().router();
        router.close();
        int undelivered = router.lanes().stream().mapToInt(LaneStatus::pending).sum();
        if (undelivered > 0 && (journal != null || database != null)) {
          // the outbox is durable: what waited or was out is sent by the next serve (or fleet member)
          LOG.warn("{} notices were not delivered before the stop; {} keeps them in the robots' queues, and they are "
              + "sent after the restart", undelivered, journal != null ? settings.storageDir() : "the database");
        } else if (undelivered > 0) {
          LOG.warn("{} notices were not delivered before the stop and are lost: without --storage.path the state "
              + "lives as long as the process", undelivered);
        }
        closeStores();
        closed.countDown();
      }
    }
  }

  private void closeStores() {
    if (database != null) {
      database.close();
    }
    if (journal != null) {
      journal.close();
    }
  }
}

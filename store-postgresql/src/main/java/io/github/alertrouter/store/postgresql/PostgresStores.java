package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.store.StateStores;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.store.SilenceStore;
import io.github.alertrouter.store.EscalationStore;
import io.github.alertrouter.store.Fleet;
import io.github.alertrouter.store.HandoffLog;
import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.store.UsedTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The router's state in one PostgreSQL database, shared by every router (every {@code serve}
 * instance) given the same database: pass its seams to {@code AlertRouter.builder()}.
 *
 * <pre>{@code
 * PostgresStores stores = PostgresStores.connect("jdbc:postgresql://db:5432/alerts", Clock.systemUTC());
 * AlertRouter router = AlertRouter.builder()
 *     .notificationLog(stores.notificationLog())
 *     .rateWindows(stores.rateWindows())
 *     .escalationStore(stores.escalations())
 *     .outbox(stores.outbox())
 *     ...
 * Fleet fleet = stores.fleet(Duration.ofSeconds(15)); // this instance, one member of the fleet
 * }</pre>
 *
 * <p>Opening migrates the schema {@code alert_router} to this version (versioned migrations; an
 * instance that starts while another migrates waits for it). Credentials come from the URL
 * ({@code ?user=...&password=...}) or, when it has none, from the environment variables
 * {@code PGUSER} and {@code PGPASSWORD}, as PostgreSQL's own tools read them; neither the URL nor
 * a password is ever logged or put in an exception. Thread-safe; close it after the routers that
 * use it.
 */
public final class PostgresStores implements StateStores, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStores.class);
  /** Connections per instance: the seams' calls are short, and a lane waits for its own. */
  static final int POOL_SIZE = 8;
  /** How long opening keeps trying to reach the database (a database that is still starting). */
  static final Duration START_TIMEOUT = Duration.ofSeconds(10);
  /**
   * How long a seam call waits for a connection before it fails with a StoreException: short, so
   * that an alert sender hears 503 (and sends again) well within its own timeout.
   */
  static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final HikariDataSource ownPool;
  private final Db db;
  private final NotificationLog notificationLog;
  private final RateWindows rateWindows;
  private final EscalationStore escalations;
  private final HandoffLog handoffs;
  private final UsedTokens usedTokens;
  private final BindingStore bindings;
  private final AlertStore alerts;
  private final SilenceStore silences;
  private final Outbox outbox;

  private PostgresStores(DataSource dataSource, HikariDataSource ownPool, Clock clock) {
    this.ownPool = ownPool;
    migrate(dataSource);
    this.db = new Db(dataSource);
    this.notificationLog = new PgNotificationLog(db);
    this.rateWindows = new PgRateWindows(db);
    this.escalations = new PgEscalationStore(db);
    this.handoffs = new PgHandoffLog(db);
    this.usedTokens = new PgUsedTokens(db, clock);
    this.bindings = new PgBindingStore(db);
    this.alerts = new PgAlertStore(db);
    this.silences = new PgSilenceStore(db);
    this.outbox = new PgOutbox(db);
  }

  /**
   * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://HOST:PORT/DB}) with a pool of its own
   * and migrates the schema.
   *
   * @param clock the router's clock: when an action link's mark expires
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static PostgresStores connect(String jdbcUrl, Clock clock) {
    return connect(jdbcUrl, System.getenv(), clock);
  }

  static PostgresStores connect(String jdbcUrl, Map<String, String> env, Clock clock) {
    return connect(jdbcUrl, env, clock, START_TIMEOUT);
  }

  /** {@code startTimeout}: how long opening keeps trying to reach the database before it fails. */
  static PostgresStores connect(String jdbcUrl, Map<String, String> env, Clock clock, Duration startTimeout) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB): "
          + JdbcUrls.redact(jdbcUrl));
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (!JdbcUrls.hasParameter(jdbcUrl, "user") && env.get("PGUSER") != null) {
      config.setUsername(env.get("PGUSER"));
    }
    if (!JdbcUrls.hasParameter(jdbcUrl, "password") && env.get("PGPASSWORD") != null) {
      config.setPassword(env.get("PGPASSWORD"));
    }
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setPoolName("alert-router-store");
    // fail at start within a bound rather than hang: the caller decides whether to retry
    config.setInitializationFailTimeout(startTimeout.toMillis());
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("PostgreSQL store: cannot connect to " + JdbcUrls.redact(jdbcUrl) + ": "
          + rootMessage(e), null);
    }
    try {
      PostgresStores stores = new PostgresStores(pool, pool, clock);
      LOG.info("state in PostgreSQL at {}", JdbcUrls.redact(jdbcUrl));
      return stores;
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The stores on an application's own {@code dataSource} (its pool, its credentials); the schema
   * is migrated, and {@link #close} leaves the data source open.
   */
  public static PostgresStores on(DataSource dataSource, Clock clock) {
    return new PostgresStores(Objects.requireNonNull(dataSource, "dataSource"), null, clock);
  }

  private static void migrate(DataSource dataSource) {
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .schemas("alert_router")
          .table("schema_history")
          .locations("classpath:db/migration/postgresql")
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("PostgreSQL store: migrating the schema alert_router failed: " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public NotificationLog notificationLog() {
    return notificationLog;
  }

  @Override
  public RateWindows rateWindows() {
    return rateWindows;
  }

  @Override
  public EscalationStore escalations() {
    return escalations;
  }

  @Override
  public HandoffLog handoffs() {
    return handoffs;
  }

  @Override
  public UsedTokens usedTokens() {
    return usedTokens;
  }

  @Override
  public BindingStore bindings() {
    return bindings;
  }

  @Override
  public AlertStore alerts() {
    return alerts;
  }

  @Override
  public SilenceStore silences() {
    return silences;
  }

  /**
   * Each robot's queue of deliveries, kept until their end is committed (a delivered one with its
   * notification-log record), so that what a member that died had queued or out is sent by the
   * member that takes over. Its queues answer from this instance's memory between a {@code reload}
   * and a {@code release}: give it to the fleet's members, which send only while they hold the
   * lease, or to one router alone on the database.
   */
  @Override
  public Outbox outbox() {
    return outbox;
  }

  /**
   * A new member of the fleet of routers sharing this database (see {@link Fleet}), another at
   * each call: named for this host, this process's id and a random part ({@code
   * db-host-4711-3f9a0c1e}), so that instances on one host, or one process's members, differ. The
   * lease, the intake and the inbox keep their times on the database's clock, never this
   * process's, so members whose clocks disagree still agree on who holds the lease. The member
   * uses this instance's connections: it is thread-safe, and its calls throw {@link
   * StoreException} when the database cannot be reached (or this instance is closed). A member
   * stopping cleanly should {@link Fleet#release} first, so that another takes over at once rather
   * than after {@code leaseTtl}.
   *
   * @param leaseTtl how long the lease lasts after each renewal
   * @throws IllegalArgumentException when {@code leaseTtl} is under a microsecond (the database's precision)
   */
  public Fleet fleet(Duration leaseTtl) {
    String member = host() + "-" + ProcessHandle.current().pid() + "-" + String.format("%08x", RANDOM.nextInt());
    return new PgFleet(db, member, leaseTtl);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException | SecurityException e) {
      return "host"; // a name for logs only: the pid and the random part keep it unique
    }
  }

  /** Closes the pool {@link #connect} opened; a data source given to {@link #on} stays open. */
  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.close();
    }
  }

  @Override
  public String toString() {
    return "PostgresStores[" + (ownPool == null ? "application data source" : JdbcUrls.redact(ownPool.getJdbcUrl())) + "]";
  }
}

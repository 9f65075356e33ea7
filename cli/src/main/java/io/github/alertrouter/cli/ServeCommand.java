package io.github.alertrouter.cli;

import io.github.alertrouter.config.Secret;
import java.io.PrintStream;
import io.github.alertrouter.store.StoreException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import io.github.alertrouter.time.Durations;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code alert-router serve}: receives alerts over HTTP and routes them with a router built from
 * the config, until the process is stopped. Reads the wall clock and the environment: this is the
 * edge of the program.
 */
final class ServeCommand implements Command {
  static final String DEFAULT_LISTEN = "127.0.0.1:9094";
  /** How long stopping lets requests in flight finish. */
  static final int STOP_GRACE_SECONDS = 2;

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(B|KB|KIB|K|MB|MIB|M)?");

  private final Clock clock;
  private final UnaryOperator<String> environment;

  ServeCommand() {
    this(Clock.systemUTC(), System::getenv);
  }

  ServeCommand(Clock clock, UnaryOperator<String> environment) {
    this.clock = clock;
    this.environment = environment;
  }

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "Receive alerts over HTTP (Alertmanager webhook, alert list) and route them";
  }

  @Override
  public String help() {
    return """
        usage: alert-router serve --config=FILE [--listen=127.0.0.1:9094] [--max-body=1MiB]
                                  [--token-env=NAME] [--action-key-env=NAME] [--log.level=info]
                                  [--storage.path=DIR | --storage.url=URL] [--allow-empty-config]
                                  [--alertmanager.resolve-timeout=3d] [--resolve-timeout=5m]

        Runs a receiver until stopped: SIGTERM or Ctrl-C flush what is due, let each robot send
        what it can within 10s, log what could not go (with --storage.path or --storage.url the
        groups' notices are sent again after the restart, else lost) and exit 0. SIGHUP re-reads
        the config as POST /-/reload does (systemctl reload). Prints 'listening on
        http://HOST:PORT' once it accepts requests. Logs to stderr: each message sent (info),
        each failed or retried send with the robot id and the platform's error code (warn), each
        reload (info when accepted, warn with the problems when refused); webhook tokens and
        secrets are never logged. 'alert-router validate' checks a file as serve does.

        Endpoints:
          POST /api/v1/alertmanager  an Alertmanager webhook payload (point a webhook_config here),
                                     or Grafana's (a webhook contact point); alerts carry the
                                     label __receiver__ (docs/intake.md)
          POST /dingtalk/TARGET/send the same, alerts also labelled __target__=TARGET (the URL
                                     prometheus-webhook-dingtalk users point Alertmanager at)
          POST /api/v1/alerts        a JSON array of alerts, as posted to Alertmanager /api/v2/alerts
                                     all three: 200 {"status":"ok","alerts":N}; 400 {"error":…,"pointer":…}
                                     for a malformed body; 413 for a body over --max-body
          GET  /api/v1/status        policies, robots (id and platform only), who is on call now,
                                     alerts, groups and silences held
          POST /-/reload             re-reads the config (as SIGHUP does); a config with problems
                                     is refused (400, with the problems) and the running one keeps
                                     serving; a good one takes over the alerts, what was notified
                                     and escalations
          GET  /healthz, /-/healthy  200 ok while the process runs (liveness)
          GET  /-/ready              200 ready when alerts can be accepted; 503 while the state
                                     store cannot take them (--storage.url unreachable, the
                                     --storage.path journal failing to write)
          GET  /metrics              Prometheus metrics
          /actions/…, /bind/…        signed action links and binding pages (with --action-key-env)

        Flags:
          --config=FILE          the alert-router config (YAML or JSON)
          --listen=HOST:PORT     where to listen (default 127.0.0.1:9094; port 0 picks one)
          --max-body=SIZE        the largest request body, e.g. 512KiB, 1MiB (default), 4MiB
          --token-env=NAME       require 'Authorization: Bearer TOKEN' on /api/, /dingtalk/, /-/reload,
                                 TOKEN taken from environment variable NAME (never printed)
          --action-key-env=NAME  sign and serve action links with the key in variable NAME
                                 (at least 32 bytes)
          --storage.path=DIR     keep the router's state in DIR, on this machine, no database:
                                 an alert is answered 200 only once it is written and synced to
                                 DIR/state.journal (503 when it cannot be); a restart, even after
                                 kill -9, carries on with the alerts, what each chat received,
                                 escalations, silences, used action links and rate windows.
                                 One process per DIR (a second is refused). A DIR holding an
                                 earlier version's snapshot.json is imported once (renamed
                                 snapshot.json.imported). Excludes --storage.url
          --storage.url=URL      keep the state in PostgreSQL (jdbc:postgresql://HOST:PORT/DB):
                                 an alert is answered 200 only once it is committed there, and
                                 503 while the database cannot take it (Alertmanager sends it
                                 again); a restart, even after kill -9, carries on with the alerts,
                                 what each chat received, escalations, silences and rate windows.
                                 Credentials from the URL (?user=…&password=…) or from PGUSER and
                                 PGPASSWORD; never logged. The schema alert_router is created or
                                 migrated at start. Excludes --storage.path. Several instances
                                 on one database form a fleet: all accept alerts, one (holding
                                 a lease) routes and sends; if it dies another takes over within
                                 the lease's TTL plus a second
          --storage.lease-ttl=DURATION
                                 how long the fleet's lease lasts unrenewed (default 10s): a
                                 shorter one fails over sooner, a longer one rides out longer
                                 database hiccups without a change of active instance
          --alertmanager.resolve-timeout=DURATION
                                 how long an alert from an Alertmanager webhook that arrived
                                 firing (no end) stays firing with no news (default 3d):
                                 Alertmanager re-sends a firing group every repeat_interval and
                                 sends it resolved when it ends (send_resolved: true), so keep
                                 this above your longest repeat_interval
          --resolve-timeout=DURATION
                                 the same for alerts posted to /api/v1/alerts without an end
                                 (default 5m, as Alertmanager's API)
          --allow-empty-config   accept a config with no notification policies and no robots
                                 (it routes nothing); without this flag such a config is refused
                                 at start (exit 2) and at reload (400), as it is most often a
                                 truncated or wrong file
          --log.level=LEVEL      debug, info (default), warn, error or off; also set by the
                                 environment variable ALERT_ROUTER_LOG_LEVEL (every command,
                                 default warn for the others)

        Slow clients: a request's headers must arrive within 10s and its body within 30s more,
        or its connection is closed; idle connections are closed after 30-40s. Up to 256
        requests are read and handled at once and 1024 more wait; past that a connection is
        closed at once (metrics: alert_router_http_read_timeouts_total,
        alert_router_http_requests_refused_total).

        Exit codes: 0 stopped; 1 the state store cannot be opened at start (the --storage.url
        database unreachable or not migrated; the --storage.path directory held by another
        process, its journal damaged or written by a newer version: the message says what to
        do); 2 bad input (config problems, an empty config without --allow-empty-config, bad
        flags, cannot listen).
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    ReceiverServer.Settings settings = settings(argv);
    ReceiverServer server;
    try {
      server = ReceiverServer.start(settings, clock);
    } catch (java.io.UncheckedIOException e) {
      err.println("alert-router serve: error: " + e.getMessage());
      return Main.EXIT_BAD_INPUT;
    } catch (StoreException e) {
      err.println("alert-router serve: error: " + e.getMessage()); // names the database (never the password) or the journal
      return Main.EXIT_UNAVAILABLE;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alert-router-shutdown"));
    AtomicBoolean stopping = new AtomicBoolean();
    StopSignals.onTermOrInt(() -> { // a stop asked for is a clean stop: exit 0, not 143
      stopping.set(true);
      server.close();
    });
    ReloadSignal.onHangup(() -> {
      if (!stopping.get()) { // a reload racing a stop would build a router on closed stores
        ReloadSignal.reload(server);
      }
    });
    out.println("listening on " + server.url());
    try {
      server.awaitClose();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
    return Main.EXIT_OK;
  }

  /** Parses the flags and reads the secrets they name. */
  ReceiverServer.Settings settings(List<String> argv) {
    Args args = Args.parse(argv, Set.of("config", "listen", "max-body", "token-env", "action-key-env",
        CliLogging.FLAG, "storage.path", "storage.url", "storage.lease-ttl", "alertmanager.resolve-timeout", "resolve-timeout"),
        Set.of("allow-empty-config"));
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument \"" + args.positionals().get(0) + "\"");
    }
    if (args.flag(CliLogging.FLAG) != null) {
      CliLogging.level(args.flag(CliLogging.FLAG), "--" + CliLogging.FLAG); // applied by Main before any logger exists
    }
    Path config = Path.of(args.required("config"));
    InetSocketAddress listen = listen(args.flag("listen") == null ? DEFAULT_LISTEN : args.flag("listen"));
    int maxBody = args.flag("max-body") == null ? ReceiverServer.DEFAULT_MAX_BODY_BYTES : size(args.flag("max-body"));
    Path storage = args.flag("storage.path") == null ? null : Path.of(args.flag("storage.path"));
    String url = args.flag("storage.url");
    if (url != null && storage != null) {
      throw new UsageException("--storage.path and --storage.url exclude each other: the state lives in one place");
    }
    if (url != null && !url.startsWith("jdbc:postgresql://")) {
      // not echoed: it may carry a password
      throw new UsageException("--storage.url must be a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://127.0.0.1:5432/alertrouter (it does not start with jdbc:postgresql://)");
    }
    if (args.flag("storage.lease-ttl") != null && url == null) {
      throw new UsageException("--storage.lease-ttl needs --storage.url: the lease is what several instances on one "
          + "database share");
    }
    ReceiverServer.Timeouts timeouts = new ReceiverServer.Timeouts(
        duration(args, "resolve-timeout", ReceiverServer.Timeouts.DEFAULT.resolve()),
        duration(args, "alertmanager.resolve-timeout", ReceiverServer.Timeouts.DEFAULT.alertmanager()),
        duration(args, "storage.lease-ttl", ReceiverServer.Timeouts.DEFAULT.lease()));
    return new ReceiverServer.Settings(config, listen, maxBody, secret(args, "token-env"), secret(args, "action-key-env"),
        STOP_GRACE_SECONDS, storage, args.isSet("allow-empty-config"), timeouts, url == null ? null : Secret.of(url));
  }

  private static Duration duration(Args args, String flag, Duration otherwise) {
    String text = args.flag(flag);
    if (text == null) {
      return otherwise;
    }
    Duration d;
    try {
      d = Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--" + flag + " must be a duration such as 30s, 5m, 4h or 3d, but was \"" + text + "\"");
    }
    if (d.isZero() || d.isNegative()) {
      throw new UsageException("--" + flag + " must be > 0, but was \"" + text + "\"");
    }
    return d;
  }

  private Secret secret(Args args, String flag) {
    String name = args.flag(flag);
    if (name == null) {
      return null;
    }
    String value = environment.apply(name);
    if (value == null || value.isEmpty()) {
      throw new UsageException("--" + flag + " names environment variable " + name + ", which is not set or empty");
    }
    return Secret.of(value);
  }

  static InetSocketAddress listen(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw new UsageException("--listen must be HOST:PORT such as 127.0.0.1:9094, but was \"" + text + "\"");
    }
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--listen port must be 0..65535, but was \"" + text.substring(colon + 1) + "\"");
    }
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** A byte size: a number with an optional unit B, KiB (K, KB) or MiB (M, MB), all binary. */
  static int size(String text) {
    Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new UsageException("--max-body must be a size such as 512KiB or 1MiB, but was \"" + text + "\"");
    }
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor = unit.equals("B") ? 1 : unit.startsWith("K") ? 1024 : 1024 * 1024;
    long bytes;
    try {
      bytes = Math.multiplyExact(Long.parseLong(m.group(1)), factor);
    } catch (ArithmeticException | NumberFormatException e) {
      bytes = Long.MAX_VALUE;
    }
    if (bytes < 1 || bytes > Integer.MAX_VALUE - 1) {
      throw new UsageException("--max-body must be between 1B and 2047MiB, but was \"" + text + "\"");
    }
    return (int) bytes;
  }
}

package io.github.alertrouter.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for one test class, run from the Debian package's binaries
 * ({@code /usr/lib/postgresql/<highest version>/bin}, or the directory named by {@value #BIN_ENV}):
 * a fresh cluster in a temporary directory, listening on a free port of {@code 127.0.0.1} only,
 * with superuser {@code alertrouter}, trust authentication and a database {@code alertrouter}.
 * Durability against the OS crashing is off ({@code fsync}, {@code full_page_writes}): no test
 * survives a power cut, while a process crash ({@link #kill()}) loses no committed row, since what
 * the server wrote stays in the OS page cache. {@code synchronous_commit} stays on: off, a commit
 * returns before its WAL leaves shared memory, and a crash loses it (the harness's own test saw
 * that); on, with {@code fsync} off, it costs one write() per commit. {@link #startDurable()} keeps
 * PostgreSQL's defaults instead (both on), for benchmarks that measure what a deployment pays.
 *
 * <p>PostgreSQL refuses to run as root; under root (as in CI containers) {@code initdb} and
 * {@code postgres} run as the {@code postgres} OS user the Debian package creates, through
 * {@code runuser}. The harness talks to the server only through the bin directory's tools
 * ({@code pg_isready}, {@code createdb}, {@code psql}), so the testkit needs no JDBC driver.
 *
 * <p>Typical use: {@code server = PostgresServer.startOrSkip()} in {@code @BeforeAll} and {@code
 * server.close()} in {@code @AfterAll}. Every wait is bounded; a JVM shutdown hook closes a server
 * a test forgot. Thread-safe (one monitor).
 */
public final class PostgresServer implements AutoCloseable {
  /** Names a bin directory to use instead of the highest {@code /usr/lib/postgresql/*}{@code /bin}. */
  public static final String BIN_ENV = "ALERT_ROUTER_PG_BIN";
  /** When {@code 1} (CI), {@link #startOrSkip()} fails instead of skipping without binaries. */
  public static final String REQUIRE_ENV = "ALERT_ROUTER_REQUIRE_POSTGRES";
  static final String NOT_FOUND =
      "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin: apt-get install -y postgresql";

  private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");
  private static final List<String> TOOLS = List.of("initdb", "postgres", "pg_isready", "createdb", "psql");
  private static final String HOST = "127.0.0.1";
  private static final String USER = "alertrouter";
  private static final String DATABASE = "alertrouter";
  private static final String OS_USER = "postgres";
  private static final Duration READY = Duration.ofSeconds(30);
  private static final Duration STOP = Duration.ofSeconds(15);
  private static final Duration TOOL = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(50);
  private static final int START_ATTEMPTS = 5;

  private final Path bin;
  private final boolean durable;
  private final boolean asOsUser;
  private final Path directory;
  private final Path data;
  private final Path logFile;
  private final Thread shutdownHook;
  private int port;
  /** The started child: {@code postgres} itself, or {@code runuser} waiting on it; null when down. */
  private Process process;
  /** The postmaster's PID from {@code postmaster.pid}; 0 when down. */
  private long pid;
  private boolean crashed;
  private boolean closed;
  private String finalLog = "";

  private PostgresServer(Path bin, boolean durable) throws IOException, InterruptedException {
    this.bin = bin;
    this.durable = durable;
    this.asOsUser = "0".equals(run(environment(List.of("id", "-u")), TOOL).out().strip());
    // root's java.io.tmpdir may be private; the postgres user can always reach /tmp
    Path parent = asOsUser ? Path.of("/tmp") : Path.of(System.getProperty("java.io.tmpdir"));
    this.directory = Files.createTempDirectory(parent, "alert-router-pg-");
    this.data = directory.resolve("data");
    this.logFile = directory.resolve("postgres.log"); // outside the data dir: restart() keeps appending
    this.shutdownHook = new Thread(this::close, "PostgresServer-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a server, or returns empty when no PostgreSQL binaries are installed. */
  public static Optional<PostgresServer> startIfAvailable() {
    return findBin(System.getenv(BIN_ENV), DEBIAN_VERSIONS).map(bin -> startWith(bin, false));
  }

  /** Starts a server; throws {@link IllegalStateException} when no PostgreSQL binaries are installed. */
  public static PostgresServer start() {
    return startWith(requireBin(), false);
  }

  /**
   * Starts a server with {@code fsync} and {@code full_page_writes} at PostgreSQL's defaults (on),
   * so that a commit waits for the disk as in a deployment: for benchmarks, not tests. Throws
   * {@link IllegalStateException} when no PostgreSQL binaries are installed.
   */
  public static PostgresServer startDurable() {
    return startWith(requireBin(), true);
  }

  private static Path requireBin() {
    return findBin(System.getenv(BIN_ENV), DEBIAN_VERSIONS).orElseThrow(() -> new IllegalStateException(NOT_FOUND));
  }

  /**
   * For JUnit: starts a server, or aborts the test (a skip) when no PostgreSQL binaries are
   * installed, unless {@value #REQUIRE_ENV}{@code =1} (set by {@code .ci/run}), which makes their
   * absence a failure.
   */
  public static PostgresServer startOrSkip() {
    return startOrSkip(findBin(System.getenv(BIN_ENV), DEBIAN_VERSIONS), System.getenv(REQUIRE_ENV));
  }

  static PostgresServer startOrSkip(Optional<Path> bin, String require) {
    if (bin.isPresent()) {
      return startWith(bin.get(), false);
    }
    if ("1".equals(require)) {
      return Assertions.fail(NOT_FOUND + " (required: " + REQUIRE_ENV + "=1)");
    }
    return Assumptions.abort(NOT_FOUND);
  }

  /**
   * The bin directory: {@code override} when given (it must hold the tools: a wrong setting is an
   * error, not a skip), else the highest version under {@code versions} that holds them all.
   */
  static Optional<Path> findBin(String override, Path versions) {
    if (override != null && !override.isBlank()) {
      Path dir = Path.of(override);
      List<String> missing = TOOLS.stream().filter(t -> !Files.isExecutable(dir.resolve(t))).toList();
      if (!missing.isEmpty()) {
        throw new IllegalStateException(BIN_ENV + "=" + override + " lacks " + missing);
      }
      return Optional.of(dir);
    }
    if (!Files.isDirectory(versions)) {
      return Optional.empty();
    }
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.filter(d -> version(d) != null)
          .sorted(Comparator.comparing(PostgresServer::version, Arrays::compare).reversed())
          .map(d -> d.resolve("bin"))
          .filter(b -> TOOLS.stream().allMatch(t -> Files.isExecutable(b.resolve(t))))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 15} or {@code 9.6} as numbers, so 16 sorts above 9.6; null for other names. */
  private static int[] version(Path dir) {
    String name = dir.getFileName().toString();
    if (!name.matches("\\d+(\\.\\d+)*")) {
      return null;
    }
    return Arrays.stream(name.split("\\.")).mapToInt(Integer::parseInt).toArray();
  }

  private static PostgresServer startWith(Path bin, boolean durable) {
    PostgresServer server;
    try {
      server = new PostgresServer(bin, durable);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    try {
      server.initialize();
      return server;
    } catch (RuntimeException | Error e) {
      server.close();
      throw e;
    }
  }

  private synchronized void initialize() {
    call(() -> {
      if (asOsUser) {
        Files.setOwner(directory, osUser());
      }
      check(run(builder(serverSide(tool("initdb"), "-D", data.toString(), "-U", USER, "--auth=trust", "-E",
          "UTF8", "--locale=C", "--no-sync")), TOOL), "initdb");
      launch(true);
      check(run(builder(List.of(tool("createdb"), "-h", HOST, "-p", Integer.toString(port), "-U", USER,
          DATABASE)), TOOL), "createdb");
      return null;
    });
  }

  /** {@code jdbc:postgresql://127.0.0.1:PORT/alertrouter?user=alertrouter} (no password: trust). */
  public String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/" + DATABASE + "?user=" + USER;
  }

  /** The TCP port on {@code 127.0.0.1}; the same across {@link #restart()}. */
  public synchronized int port() {
    return port;
  }

  /** The superuser, {@code alertrouter}. */
  public String user() {
    return USER;
  }

  /** The database created for the tests, {@code alertrouter}. */
  public String database() {
    return DATABASE;
  }

  /** The postmaster's PID; throws {@link IllegalStateException} when the server is not running. */
  public synchronized long pid() {
    requireRunning();
    return pid;
  }

  /** Whether the server was started or restarted and has not been stopped, killed or closed since. */
  public synchronized boolean isRunning() {
    return pid != 0;
  }

  /**
   * Runs {@code sql} through the bin directory's {@code psql} ({@code -tAc}: unaligned, tuples
   * only) as {@code alertrouter} on database {@code alertrouter}, stopping at the first error, and
   * returns its output without the final newline. Throws {@link IllegalStateException} with
   * psql's message when it fails, e.g. while the server is stopped.
   */
  public String psql(String sql) {
    int serverPort;
    synchronized (this) {
      requireOpen();
      serverPort = port;
    }
    List<String> command = List.of(tool("psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p",
        Integer.toString(serverPort), "-U", USER, "-d", DATABASE, "-tAc", sql);
    // not under the monitor: tests may query from several threads
    Result result = call(() -> run(builder(command), TOOL));
    check(result, "psql");
    return result.out().endsWith("\n") ? result.out().substring(0, result.out().length() - 1) : result.out();
  }

  /** Fast shutdown (SIGINT: open sessions are cut, nothing committed is lost); keeps the data. */
  public synchronized void stop() {
    requireOpen();
    if (pid != 0) {
      call(() -> {
        shutDown();
        return null;
      });
    }
  }

  /**
   * Starts the stopped or killed server again on the same port with the same data (stops it
   * first if it runs); after {@link #kill()} the server recovers from its WAL before it is ready.
   */
  public synchronized void restart() {
    requireOpen();
    call(() -> {
      if (pid != 0) {
        shutDown();
      }
      launch(false);
      return null;
    });
  }

  /**
   * Crashes the server: SIGKILL to the postmaster, then to the backends it had, so every
   * connection drops at once. {@link #restart()} recovers it.
   */
  public synchronized void kill() {
    requireRunning();
    call(() -> {
      killTree(List.of());
      return null;
    });
  }

  /** The server's output (its log) across starts; after {@link #close()}, what it was then. */
  public synchronized String log() {
    if (closed) {
      return finalLog;
    }
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the server (fast, then SIGKILL if it hangs) and deletes its directory; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    try {
      call(() -> {
        if (pid != 0) {
          shutDown();
        }
        if (crashed) {
          removeInterlockSegment();
        }
        return null;
      });
    } finally {
      try {
        finalLog = log();
      } catch (UncheckedIOException e) {
        finalLog = "(log unreadable: " + e.getMessage() + ")";
      }
      closed = true;
      deleteTree(directory);
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // close() is the hook itself: the JVM is already exiting
      }
    }
  }

  /** The temporary directory holding the data directory and the log (for the harness's test). */
  synchronized Path directory() {
    return directory;
  }

  /**
   * Starts {@code postgres} and waits until it accepts queries. A new cluster takes a fresh free
   * port, retried when another process takes it first; a restart keeps its port. A restart right
   * after {@link #kill()} is retried too if a dying backend still holds the old shared memory.
   */
  private void launch(boolean newPort) throws IOException, InterruptedException {
    for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
      if (newPort) {
        port = freePort();
      }
      long logStart = Files.exists(logFile) ? Files.size(logFile) : 0;
      List<String> command = new ArrayList<>(List.of(tool("postgres"), "-D", data.toString(), "-p",
          Integer.toString(port), "-h", HOST, "-k", data.toString(), "-c", "max_connections=200",
          // parallel-query segments as files in the data dir, not in /dev/shm: nothing outlives the directory
          "-c", "dynamic_shared_memory_type=mmap"));
      if (!durable) {
        command.addAll(List.of("-c", "fsync=off", "-c", "full_page_writes=off"));
      }
      ProcessBuilder builder = builder(serverSide(command.toArray(String[]::new)));
      builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      process = builder.start();
      if (awaitReady()) {
        pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        crashed = false;
        return;
      }
      process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
      process = null;
      String attemptLog = logSince(logStart);
      boolean retry = (newPort && attemptLog.contains("Address already in use"))
          || attemptLog.contains("pre-existing shared memory block");
      if (!retry) {
        throw new IllegalStateException("postgres exited while starting; its log:\n" + attemptLog);
      }
      Thread.sleep(POLL.toMillis() * attempt);
    }
    throw new IllegalStateException("postgres did not start in " + START_ATTEMPTS + " attempts; its log:\n" + log());
  }

  /** True once a TCP connection succeeds and pg_isready says the server accepts queries; false if it exited. */
  private boolean awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        return false;
      }
      if (acceptsTcp() && run(builder(List.of(tool("pg_isready"), "-q", "-h", HOST, "-p", Integer.toString(port),
          "-U", USER, "-d", "postgres", "-t", "1")), TOOL).exit() == 0 && process.isAlive()) {
        return true;
      }
      Thread.sleep(POLL.toMillis());
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    if (!asOsUser) {
      process.destroyForcibly();
    }
    reapChild();
    process = null;
    crashed = true;
    throw new IllegalStateException("postgres did not accept queries within " + READY + "; its log:\n" + log());
  }

  private boolean acceptsTcp() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** SIGINT (fast shutdown; SIGTERM would wait for every client to leave), then SIGKILL if it hangs. */
  private void shutDown() throws InterruptedException {
    List<ProcessHandle> backends = backends();
    if (interrupt() && process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS) && awaitGone(backends)) {
      process = null;
      pid = 0;
      return;
    }
    killTree(backends);
  }

  /** Java sends only SIGTERM and SIGKILL; SIGINT takes kill(1). False when it could not be sent. */
  private boolean interrupt() throws InterruptedException {
    try {
      return run(environment(List.of("kill", "-INT", Long.toString(pid))), TOOL).exit() == 0;
    } catch (IOException | IllegalStateException e) {
      return false; // shutDown() falls back to SIGKILL
    }
  }

  /**
   * SIGKILL the postmaster first, so that it cannot restart the backends, then the backends
   * (their handles taken before: once orphaned they are no longer its descendants), with {@code
   * known} ones from before a failed shutdown.
   */
  private void killTree(List<ProcessHandle> known) throws InterruptedException {
    List<ProcessHandle> backends = Stream.concat(known.stream(), backends().stream()).distinct().toList();
    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    backends.forEach(ProcessHandle::destroyForcibly);
    reapChild();
    awaitGone(backends);
    process = null;
    pid = 0;
    crashed = true;
  }

  /**
   * Waits for the child once the postmaster is killed. Under root the child is runuser, which
   * reaps the postmaster and then exits; killing runuser too would orphan the postmaster, and its
   * zombie's PID, still in postmaster.pid, would block the restart until init reaped it.
   */
  private void reapChild() throws InterruptedException {
    if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private List<ProcessHandle> backends() {
    return ProcessHandle.of(pid).map(p -> p.descendants().toList()).orElse(List.of());
  }

  /** Waits (bounded) until every handle's process exited: a restart needs the old shared memory free. */
  private static boolean awaitGone(List<ProcessHandle> handles) throws InterruptedException {
    long deadline = System.nanoTime() + STOP.toNanos();
    for (ProcessHandle handle : handles) {
      while (!exited(handle) && System.nanoTime() - deadline < 0) {
        Thread.sleep(POLL.toMillis());
      }
    }
    return handles.stream().allMatch(PostgresServer::exited);
  }

  /**
   * Exited, or a zombie: killed backends are orphans, and until init reaps them (some container
   * inits take seconds) {@link ProcessHandle#isAlive()} still says true, though they hold nothing.
   */
  static boolean exited(ProcessHandle handle) {
    if (!handle.isAlive()) {
      return true;
    }
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 1).strip().startsWith("Z");
    } catch (IOException | RuntimeException e) {
      return !handle.isAlive(); // gone meanwhile, or no /proc
    }
  }

  /**
   * A killed postmaster leaves its small System V "interlock" segment behind (a restart reuses
   * it); once the cluster is deleted nothing would, so remove it. Its id is in postmaster.pid.
   */
  private void removeInterlockSegment() throws IOException, InterruptedException {
    Path pidFile = data.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.size() >= 7) {
      String[] keyAndId = lines.get(6).strip().split("\\s+");
      if (keyAndId.length == 2 && keyAndId[1].matches("\\d+")) {
        run(environment(List.of("ipcrm", "-m", keyAndId[1])), TOOL); // best effort: without ipcrm it stays
      }
    }
  }

  private String logSince(long offset) throws IOException {
    byte[] all = Files.readAllBytes(logFile);
    return new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset, all.length),
        StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    }
  }

  private String tool(String name) {
    return bin.resolve(name).toString();
  }

  /** initdb and postgres run as the postgres OS user when the JVM is root. */
  private List<String> serverSide(String... command) {
    List<String> full = new ArrayList<>();
    if (asOsUser) {
      full.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    full.addAll(List.of(command));
    return full;
  }

  private static UserPrincipal osUser() throws IOException {
    try {
      return Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
    } catch (UserPrincipalNotFoundException e) {
      throw new IllegalStateException("running as root, which PostgreSQL refuses, and there is no '" + OS_USER
          + "' OS user to run it as (Debian's postgresql package creates it)", e);
    }
  }

  /** Run in the server's directory: the postgres user may not reach the JVM's working directory. */
  private ProcessBuilder builder(List<String> command) {
    return environment(command).directory(directory.toFile());
  }

  /** Nothing from the caller's PG* variables leaks in; English messages, which launch() reads. */
  private static ProcessBuilder environment(List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PG"));
    env.put("LC_ALL", "C");
    env.put("PGCLIENTENCODING", "UTF8");
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return builder;
  }

  private record Result(List<String> command, int exit, String out, String err) {}

  /** Runs a tool to completion, bounded; output goes through files so a hung grandchild cannot block us. */
  private static Result run(ProcessBuilder builder, Duration timeout) throws IOException, InterruptedException {
    List<String> command = builder.command();
    Path out = Files.createTempFile("alert-router-pg-", ".out");
    Path err = Files.createTempFile("alert-router-pg-", ".err");
    try {
      Process started = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!started.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        started.descendants().forEach(ProcessHandle::destroyForcibly);
        started.destroyForcibly();
        started.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS);
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      return new Result(command, started.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void check(Result result, String what) {
    if (result.exit() != 0) {
      throw new IllegalStateException(what + " failed (exit " + result.exit() + "): " + result.command() + "\n"
          + result.out() + result.err());
    }
  }

  private interface Step<T> {
    T run() throws IOException, InterruptedException;
  }

  private static <T> T call(Step<T> step) {
    try {
      return step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
  }

  private void requireRunning() {
    requireOpen();
    if (pid == 0) {
      throw new IllegalStateException("not running: restart() it");
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

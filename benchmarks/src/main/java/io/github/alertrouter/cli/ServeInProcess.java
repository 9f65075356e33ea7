package io.github.alertrouter.cli;

import io.github.alertrouter.RouterStats;
import java.time.Clock;
import java.util.List;

/**
 * {@code alert-router serve} started in this JVM, for benchmarks: its flags are parsed by {@link
 * ServeCommand} as on the command line, and the server is the {@link ReceiverServer} the command
 * runs, with the wall clock and the process environment. Only the process is shared with the
 * caller, so that a fresh server per run starts with the JIT warm from the runs before (a child
 * JVM per run would measure its warm-up). It sits in the CLI's package because those two types are
 * package-private: the CLI's public surface is its command line.
 *
 * <p>Not thread-safe; {@link #close()} it once.
 */
public final class ServeInProcess implements AutoCloseable {
  private final ReceiverServer server;

  private ServeInProcess(ReceiverServer server) {
    this.server = server;
  }

  /**
   * Starts {@code serve FLAGS...} and returns once it listens. Throws what {@code serve} reports
   * and exits for: bad flags, a config with problems ({@link
   * io.github.alertrouter.config.ConfigException}), a database it cannot reach ({@link
   * io.github.alertrouter.store.StoreException}).
   */
  public static ServeInProcess start(List<String> flags) {
    ReceiverServer.Settings settings = new ServeCommand().settings(flags);
    return new ServeInProcess(ReceiverServer.start(settings, Clock.systemUTC()));
  }

  /** Where it listens, e.g. {@code http://127.0.0.1:40123}. */
  public String url() {
    return server.url();
  }

  /** Whether it routes what it accepts: always in memory; on a database, once it holds the fleet's lease. */
  public boolean active() {
    return server.router().active();
  }

  /** The running router's counts (from the store, when it is a database). */
  public RouterStats stats() {
    return server.router().stats();
  }

  /** Stops it as {@code serve} stops on SIGTERM: requests in flight finish, then the router closes. */
  @Override
  public void close() {
    server.close();
  }
}

package io.github.alertrouter.benchmarks.sidebyside;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A server the harness compares: how to start it on a workload's config, on loopback, and where
 * alerts are posted to it.
 */
abstract class Contender {
  static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final String name;

  Contender(String name) {
    this.name = name;
  }

  String name() {
    return name;
  }

  /** Starts a fresh server (empty state in {@code dir}) for {@code workload}, posting to {@code sink}. */
  abstract Started start(Workload workload, Path dir, String sink) throws IOException, InterruptedException;

  /** A running server and the URL alerts are posted to. */
  record Started(ServerProcess process, URI intake) {}

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** Debian's Alertmanager: gossip off, storage in a temp dir, alerts to {@code /api/v2/alerts}. */
  static final class Alertmanager extends Contender {
    private final Path binary;

    Alertmanager(Path binary) {
      super("Alertmanager");
      this.binary = binary;
    }

    @Override
    Started start(Workload workload, Path dir, String sink) throws IOException, InterruptedException {
      Path config = Files.writeString(dir.resolve("alertmanager.yml"), workload.alertmanagerConfig(sink));
      int port = freePort();
      List<String> command = List.of(binary.toString(), "--config.file=" + config,
          "--storage.path=" + Files.createDirectories(dir.resolve("am-data")), "--web.listen-address=127.0.0.1:" + port,
          "--cluster.listen-address=");
      String base = "http://127.0.0.1:" + port;
      ServerProcess process = ServerProcess.start(name(), command, java.util.Map.of(), dir.resolve("alertmanager.log"),
          URI.create(base + "/-/ready"), READY_TIMEOUT);
      return new Started(process, URI.create(base + "/api/v2/alerts"));
    }
  }

  /**
   * {@code alert-router serve} as shipped: run by {@code bin/alert-router} (its JVM options for
   * serve and its class-data archive), with {@code ALERT_ROUTER_JAVA_OPTS} as given and a small
   * jar with {@link UnlimitedDingTalk} in {@code ALERT_ROUTER_CLASSPATH}; alerts to {@code
   * /api/v1/alerts}.
   */
  static final class AlertRouter extends Contender {
    private final Path launcher;
    private final String javaOptions;

    AlertRouter(Path launcher, String javaOptions) {
      super("alert-router");
      this.launcher = launcher;
      this.javaOptions = javaOptions;
    }

    /**
     * Runs the launcher once before the runs: after a build its first run makes the class-data
     * archive (seconds), which no run's time to ready should include.
     */
    void prepare() throws IOException, InterruptedException {
      Process help = new ProcessBuilder(launcher.toString(), "--help").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!help.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || help.exitValue() != 0) {
        help.destroyForcibly();
        throw new IllegalStateException(launcher + " --help failed");
      }
    }

    @Override
    Started start(Workload workload, Path dir, String sink) throws IOException, InterruptedException {
      Path config = Files.writeString(dir.resolve("alert-router.yaml"), workload.alertRouterConfig(sink));
      Path platform = unlimitedDingTalkJar(dir.resolve("dingtalk-unlimited.jar"));
      int port = freePort();
      List<String> command = List.of(launcher.toString(), "serve", "--config=" + config,
          "--listen=127.0.0.1:" + port);
      String base = "http://127.0.0.1:" + port;
      ServerProcess process = ServerProcess.start(name(), command,
          java.util.Map.of("ALERT_ROUTER_CLASSPATH", platform.toString(), "ALERT_ROUTER_JAVA_OPTS", javaOptions),
          dir.resolve("alert-router.log"), URI.create(base + "/-/ready"), READY_TIMEOUT);
      return new Started(process, URI.create(base + "/api/v1/alerts"));
    }

    /** A jar of {@link UnlimitedDingTalk} alone, found by {@code serve}'s ServiceLoader. */
    private static Path unlimitedDingTalkJar(Path jar) throws IOException {
      String entry = UnlimitedDingTalk.class.getName().replace('.', '/') + ".class";
      try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
          InputStream clazz = UnlimitedDingTalk.class.getClassLoader().getResourceAsStream(entry)) {
        if (clazz == null) {
          throw new IllegalStateException("cannot read " + entry + " from the benchmark's class path");
        }
        out.putNextEntry(new JarEntry(entry));
        clazz.transferTo(out);
        out.putNextEntry(new JarEntry("META-INF/services/io.github.alertrouter.spi.PlatformProvider"));
        out.write((UnlimitedDingTalk.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return jar;
    }
  }
}

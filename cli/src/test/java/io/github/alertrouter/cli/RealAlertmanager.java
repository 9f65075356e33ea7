package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's real Alertmanager (0.25 in CI) as a process for end-to-end tests: on a free loopback
 * port, without clustering, with its storage and log in a test's directory; waited for until
 * ready, stopped by its handle. Skips the test when the binary is missing, unless
 * {@code ALERT_ROUTER_REQUIRE_AMTOOL=1} (set by .ci/run) makes that a failure.
 */
final class RealAlertmanager implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration POLL = Duration.ofMillis(100);

  private final Process process;
  private final Path log;
  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RealAlertmanager(Process process, Path log, String url) {
    this.process = process;
    this.log = log;
    this.url = url;
  }

  /** Starts Alertmanager with {@code configYaml} in {@code dir} and waits for {@code /-/ready}. */
  static RealAlertmanager start(Path dir, String configYaml) throws Exception {
    return start(dir, configYaml, new String[0]);
  }

  /** {@link #start(Path, String)} with more of Alertmanager's flags ({@code --web.external-url=...}). */
  static RealAlertmanager start(Path dir, String configYaml, String... flags) throws Exception {
    String binary = binary();
    Path config = Files.writeString(dir.resolve("alertmanager.yml"), configYaml);
    Path storage = Files.createDirectories(dir.resolve("am-data"));
    Path log = dir.resolve("alertmanager.log");
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(binary, "--config.file=" + config, "--storage.path=" + storage,
        "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address="));
    command.addAll(List.of(flags));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
    RealAlertmanager am = new RealAlertmanager(process, log, "http://127.0.0.1:" + port);
    try {
      am.awaitReady();
    } catch (Throwable t) {
      am.close();
      throw t;
    }
    return am;
  }

  private static String binary() {
    if (Files.isExecutable(BINARY)) {
      return BINARY.toString();
    }
    if ("1".equals(System.getenv("ALERT_ROUTER_REQUIRE_AMTOOL"))) {
      fail("prometheus-alertmanager is required (ALERT_ROUTER_REQUIRE_AMTOOL=1) but " + BINARY
          + " is missing; install Debian's prometheus-alertmanager");
    }
    assumeTrue(false, "prometheus-alertmanager not installed; .ci/run installs it");
    return null;
  }

  private void awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        fail("alertmanager exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready"))
            .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(POLL.toMillis());
    }
    fail("alertmanager not ready within " + READY_TIMEOUT + ":\n" + log());
  }

  /** Its base URL, {@code http://127.0.0.1:PORT}. */
  String url() {
    return url;
  }

  /** Posts a JSON array of alerts to its API, as Prometheus does; fails unless it answers 200. */
  void postAlerts(String jsonArray) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v2/alerts"))
        .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(jsonArray)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /** What it has logged, for failure messages. */
  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /** A free loopback port (for a receiver that must be addressed before it starts). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}

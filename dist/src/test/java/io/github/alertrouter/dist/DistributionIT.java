package io.github.alertrouter.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball this build packed, as a user gets it: unpacked into an empty directory and run
 * through its {@code bin/alert-router} with a PATH that holds no {@code java} (only the few tools
 * the launcher calls) and no JAVA_HOME, so everything runs on the bundled runtime. Runs after
 * {@code package}, in {@code integration-test}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DistributionIT {
  private static final Path TARBALL = Path.of(System.getProperty("dist.tarball", "target/missing.tar.gz"));
  private static final String NAME = System.getProperty("dist.name", "alert-router");
  private static final Path CLI_JAR = Path.of(System.getProperty("cli.jar", "../cli/target/alert-router.jar"));
  /** What the launcher needs from the system: bash (its interpreter, found by env), dirname, readlink. */
  private static final List<String> TOOLS = List.of("bash", "dirname", "readlink");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir
  static Path dir;
  private static Path home;
  private static Path tools;

  @BeforeAll
  static void unpack() throws Exception {
    assertThat(TARBALL).as("the tarball: this test runs in integration-test (mvn verify)").exists();
    Path into = Files.createDirectory(dir.resolve("unpacked"));
    assertThat(run(List.of("tar", "-xzf", TARBALL.toString(), "-C", into.toString()), into, System.getenv()).exit())
        .isZero();
    home = into.resolve(NAME);
    tools = Files.createDirectory(dir.resolve("tools"));
    for (String tool : TOOLS) {
      Path found = Stream.of("/usr/bin", "/bin").map(d -> Path.of(d, tool)).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new AssertionError("no " + tool + " in /usr/bin or /bin"));
      Files.createSymbolicLink(tools.resolve(tool), found);
    }
  }

  /** The links go first: JUnit warns about each link out of its temporary directory. */
  @AfterAll
  static void removeTheTools() throws IOException {
    for (String tool : TOOLS) {
      Files.deleteIfExists(tools.resolve(tool));
    }
  }

  @Test
  void unpacksToTheDocumentedLayout() throws Exception {
    assertThat(home.resolve("bin/alert-router")).isExecutable();
    assertThat(home.resolve("runtime/bin/java")).isExecutable();
    assertThat(home.resolve("lib/alert-router.jar")).isRegularFile();
    assertThat(home.resolve("lib/alert-router.jsa")).isRegularFile();
    assertThat(home.resolve("config/alert-router.yaml")).isRegularFile();
    assertThat(Files.readString(home.resolve("systemd/alert-router.service")))
        .contains("ExecStart=/opt/alert-router/bin/alert-router serve --config ", "ExecReload=/bin/kill -HUP $MAINPID",
            "User=alert-router", "Restart=on-failure");
    // the runtime is the small one: no header files, no man pages, no desktop module
    assertThat(home.resolve("runtime/include")).doesNotExist();
    assertThat(home.resolve("runtime/man")).doesNotExist();
    assertThat(run(List.of(home.resolve("runtime/bin/java").toString(), "--list-modules"), home, env()).stdout())
        .contains("java.net.http", "jdk.httpserver", "jdk.crypto.ec").doesNotContain("java.desktop");
  }

  /** The demo prints exactly what the CLI jar prints on the build's JDK. */
  @Test
  void theDemoRunsOnTheBundledRuntime() throws Exception {
    Run expected = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        CLI_JAR.toString(), "demo"), dir, System.getenv());
    assertThat(expected.exit()).isZero();

    Run demo = launch(List.of("demo"), Map.of());

    assertThat(demo.exit()).as(demo.stderr()).isZero();
    assertThat(demo.stdout()).isEqualTo(expected.stdout()).contains("== DingTalk group chat");
    assertThat(demo.stderr()).isEmpty();
  }

  @Test
  void theSampleConfigIsValid() throws Exception {
    Run validate = launch(List.of("validate", "--config", "config/alert-router.yaml"), Map.of());
    assertThat(validate.exit()).as(validate.stderr()).isZero();
    assertThat(validate.stdout()).contains("config/alert-router.yaml: valid");
  }

  /** The archive made at build time is still the runtime's and the jar's after tar and another directory. */
  @Test
  void theClassDataArchiveIsUsedWhereverItIsUnpacked() throws Exception {
    Path log = dir.resolve("class-load.log");
    Run help = launch(List.of("--help"), Map.of("ALERT_ROUTER_JAVA_OPTS", "-Xlog:class+load=info:file=" + log));
    assertThat(help.exit()).isZero();
    assertThat(help.stdout()).contains("usage: alert-router");
    assertThat(Files.readString(log)).contains("io.github.alertrouter.cli.Main source: shared objects file");
  }

  @Test
  void serveAnswersHealthAndReadinessAndStopsCleanlyOnSigterm() throws Exception {
    int port = freePort();
    Path out = dir.resolve("serve.out");
    Path err = dir.resolve("serve.err");
    Process serve = start(List.of("serve", "--config", "config/alert-router.yaml", "--listen", "127.0.0.1:" + port),
        Map.of(), out, err);
    try {
      String base = "http://127.0.0.1:" + port;
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (status(base + "/healthz") != 200) {
        assertThat(serve.isAlive()).as("serve runs: %s", Files.readString(err)).isTrue();
        assertThat(System.nanoTime() - deadline).as("/healthz answers 200 within %s", WAIT).isNegative();
        Thread.sleep(50);
      }
      assertThat(status(base + "/-/ready")).isEqualTo(200);
      // the launcher execs the JVM: the process is the bundled java
      assertThat(Path.of("/proc", Long.toString(serve.pid()), "exe").toRealPath())
          .isEqualTo(home.resolve("runtime/bin/java").toRealPath());
      assertThat(Files.readString(out)).contains("listening on " + base);

      // the container recipe's HEALTHCHECK command (it has no curl) answers for this serve
      List<String> healthcheck = DeployRecipesTest.healthcheck(Files.readString(Path.of("..", "deploy", "Containerfile")))
          .stream().map(word -> word.replace("9094", Integer.toString(port))).toList();
      Run healthy = run(healthcheck, dir, System.getenv());
      assertThat(healthy.exit()).as("HEALTHCHECK %s: %s", healthcheck, healthy.stderr()).isZero();

      serve.toHandle().destroy(); // SIGTERM, as systemd and Kubernetes stop it

      assertThat(serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("serve stops within %s", WAIT).isTrue();
      assertThat(serve.exitValue()).as("a stop asked for is a clean stop: %s", Files.readString(err)).isZero();
      assertThat(run(healthcheck, dir, System.getenv()).exit()).as("HEALTHCHECK once serve is gone").isNotZero();
    } finally {
      serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * The runtime can send where the platforms are: HTTPS with elliptic-curve TLS (a runtime without
   * jdk.crypto.ec fails the handshake). serve sends an alert to a DingTalk robot on loopback that
   * has an EC certificate, trusted through ALERT_ROUTER_JAVA_OPTS as docs/deploy.md says.
   */
  @Test
  void serveSendsOverTlsWithEllipticCurves() throws Exception {
    Path tls = Files.createDirectory(dir.resolve("tls"));
    try (TlsRobot robot = TlsRobot.start(tls)) {
      Path config = Files.writeString(dir.resolve("tls.yaml"), """
          robots:
            - { id: ding, platform: dingtalk, webhook: "%s" }
          notificationPolicies:
            - { name: all, notifyRule: { robots: [ding] }, groupRule: { groupWait: 0s }, repeatInterval: 4h }
          """.formatted(robot.webhook()));
      int port = freePort();
      String trust = "-Djavax.net.ssl.trustStore=" + tls.resolve("trust.p12") + " -Djavax.net.ssl.trustStoreType=PKCS12"
          + " -Djavax.net.ssl.trustStorePassword=" + TlsRobot.PASSWORD;
      Path err = dir.resolve("tls.err");
      Process serve = start(List.of("serve", "--config", config.toString(), "--listen", "127.0.0.1:" + port),
          Map.of("ALERT_ROUTER_JAVA_OPTS", trust), dir.resolve("tls.out"), err);
      try {
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (status(base + "/-/ready") != 200) {
          assertThat(serve.isAlive()).as("serve runs: %s", Files.readString(err)).isTrue();
          assertThat(System.nanoTime() - deadline).as("ready within %s", WAIT).isNegative();
          Thread.sleep(50);
        }
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alerts"))
            .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"TlsCheck\"}}]")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        while (robot.bodies().isEmpty()) {
          assertThat(serve.isAlive()).as("serve runs: %s", Files.readString(err)).isTrue();
          assertThat(System.nanoTime() - deadline).as("the robot gets the alert within %s: %s", WAIT,
              Files.readString(err)).isNegative();
          Thread.sleep(50);
        }
        assertThat(robot.bodies().get(0)).contains("TlsCheck");
      } finally {
        serve.toHandle().destroy();
        if (!serve.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
          serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** systemd's own check of the unit (pointed at this copy), where systemd is installed. */
  @Test
  void systemdFindsNothingWrongWithTheUnit() throws Exception {
    Path analyze = Path.of("/usr/bin/systemd-analyze");
    assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed");
    Path unit = dir.resolve("alert-router.service");
    Files.writeString(unit, Files.readString(home.resolve("systemd/alert-router.service"))
        .replace("/opt/alert-router/", home + "/"));

    Run verify = run(List.of(analyze.toString(), "verify", unit.toString()), dir, System.getenv());

    assertThat(verify.exit()).as(verify.stderr()).isZero();
    assertThat(verify.stderr()).as("unknown or unparsable settings are warnings only").isEmpty();
  }

  record Run(int exit, String stdout, String stderr) {}

  /** The environment of a machine with no Java: PATH holds only the launcher's tools. */
  private static Map<String, String> env() {
    return Map.of("PATH", tools.toString(), "LANG", "C.UTF-8");
  }

  private static Run launch(List<String> args, Map<String, String> more) throws Exception {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/alert-router").toString()));
    command.addAll(args);
    Map<String, String> env = new java.util.HashMap<>(env());
    env.putAll(more);
    return run(command, home, env);
  }

  private static Process start(List<String> args, Map<String, String> more, Path out, Path err) throws IOException {
    List<String> command = new ArrayList<>(List.of(home.resolve("bin/alert-router").toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env());
    builder.environment().putAll(more);
    return builder.start();
  }

  private static Run run(List<String> command, Path workDir, Map<String, String> env) throws Exception {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().clear();
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError(command + " did not end within " + WAIT + "\n" + Files.readString(err));
    }
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static int status(String url) throws InterruptedException {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1; // not listening yet
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}

package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.SecretLeaks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CLI in a child JVM, as people run it (this module's test class path: slf4j-simple, set up by
 * {@link Main#main}): {@code serve} against a DingTalk simulator logs its sends and failures to
 * stderr and leaves stdout to the {@code listening on} line; {@code demo}, which sends through the
 * same code, logs nothing at its default level. The child runs in the C locale, where the JVM's own
 * stderr could not print the simulator's Chinese answers.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CliProcessLoggingTest {
  private static final String ROBOT = "sre-ding";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)";
  private static final String CONFIG = """
      robots:
        - { id: %s, platform: dingtalk, webhook: "%s", secret: "%s" }
      notificationPolicies:
        - name: everything
          groupRule: { groupWait: 0s, groupingFields: [alertname] }
          notifyRule: { robots: [%1$s] }
          repeatInterval: 4h
      """;

  @TempDir
  Path dir;
  private DingTalkSimulator simulator;
  private Process serve; // or demo
  private ChildOutput stdout;
  private ChildOutput stderr;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stop() throws InterruptedException {
    try {
      if (serve != null && serve.isAlive()) {
        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } finally {
      if (simulator != null) {
        simulator.close();
      }
    }
  }

  @Test
  void aRefusedSendReachesStderrWithTheRobotAndTheErrorButNoSecret() throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Robot registered = simulator.robot(ROBOT, "SEC" + "7e1f".repeat(16));
    String configuredSecret = "SEC" + "c0ffee42".repeat(8); // not the robot's: every signature is refused
    simulator.failNext(1, Fault.busy()); // the first answer is "system busy" (系统繁忙), which is retried

    start(registered.webhook().reveal(), configuredSecret, Map.of());
    postAlert("DiskFull");
    await("the refusal is logged", () -> stderr.text().contains("signature rejected"));
    stopServe();

    List<String> lines = stderr.text().lines().toList();
    assertThat(lines).as(stderr.text()).anyMatch(line -> line.matches(TIMESTAMP + " WARN RobotLane - robot " + ROBOT
        + " \\(dingtalk\\): message 1/1 for everything group \\{\\}:\\{alertname=\"DiskFull\"\\} failed with server error "
        + "\\(-1: 系统繁忙\\); retrying in [0-9a-z]+ \\(attempt 2 of \\d+\\)"));
    assertThat(lines).as(stderr.text()).anyMatch(line -> line.matches(TIMESTAMP + " WARN RobotLane - robot " + ROBOT
        + " \\(dingtalk\\): message 1/1 for everything group \\{\\}:\\{alertname=\"DiskFull\"\\} failed with signature rejected "
        + "\\(310000: sign not match\\); not retryable, giving up"));
    assertThat(stdout.text()).matches("listening on http://127\\.0\\.0\\.1:\\d+\n");
    List<String> secrets = new ArrayList<>(SecretLeaks.credentials(registered));
    secrets.add(configuredSecret);
    SecretLeaks.of(secrets).assertAbsentFrom(stdout.text(), stderr.text());
  }

  static Stream<Arguments> levels() {
    return Stream.of(
        Arguments.of("by default, info: each send", List.of(), Map.of(), true),
        Arguments.of("--log.level=warn: only what went wrong", List.of("--log.level=warn"), Map.of(), false),
        Arguments.of("ALERT_ROUTER_LOG_LEVEL=warn", List.of(), Map.of(CliLogging.ENV_LEVEL, "warn"), false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("levels")
  void sendsAreLoggedAtInfo(String name, List<String> flags, Map<String, String> env, boolean logged) throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Robot robot = simulator.robot(ROBOT, "SEC" + "5a".repeat(32));

    start(robot.webhook().reveal(), robot.secret().reveal(), env, flags.toArray(String[]::new));
    postAlert("DiskFull");
    await("the message arrives", () -> !simulator.received(ROBOT).isEmpty());
    // a refused second message: its warning comes after whatever the lane logged for the first
    simulator.failNext(1, Fault.errorCode(310000, "keywords not in content"));
    postAlert("CpuHot");
    await("the second message is refused", () -> stderr.text().contains("keyword rejected"));
    stopServe();

    assertThat(stderr.text().contains(" INFO RobotLane - robot " + ROBOT + " (dingtalk): sent message 1/1"))
        .as(stderr.text()).isEqualTo(logged);
    assertThat(stdout.text()).startsWith("listening on ").hasLineCount(1);
    SecretLeaks.of(SecretLeaks.credentials(robot)).assertAbsentFrom(stdout.text(), stderr.text());
  }

  /**
   * SIGTERM while DingTalk throttles the robot (a 10-minute penalty): serve stops at once with
   * exit code 0 (was 143) and says what it could not send; the next serve on the same
   * --storage.path has the notice again and keeps the platform's ban: the notice waits behind the
   * penalty the journal kept, to go when it ends (was: the queue dropped without a word; then a
   * restart that forgot the ban and would have sent into it).
   */
  @Test
  void aStopWhileTheRobotIsThrottledExitsZeroAndTheRestartHoldsTheNoticeUntilTheBanEnds() throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Robot robot = simulator.robot(ROBOT, "SEC" + "5a".repeat(32));
    String storage = "--storage.path=" + dir.resolve("state");
    simulator.failNext(1, Fault.throttled());

    start(robot.webhook().reveal(), robot.secret().reveal(), Map.of(), storage);
    postAlert("DiskFull");
    await("the robot is throttled", () -> stderr.text().contains("rate limited"));
    serve.toHandle().destroy(); // SIGTERM (Process.destroy would also close our ends of its output pipes)
    assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops within its bounds").isTrue();
    stdout.await();
    stderr.await();
    assertThat(serve.exitValue()).as(stderr.text()).isZero();
    assertThat(stderr.text()).as(stderr.text()).contains("1 notices were not delivered before the stop; ")
        .contains(dir.resolve("state") + " keeps them in the robots' queues, and they are sent after the restart");
    Matcher ban = Pattern.compile("throttles the robot until (\\S+)\\)").matcher(stderr.text());
    assertThat(ban.find()).as(stderr.text()).isTrue();
    assertThat(simulator.received(ROBOT)).isEmpty();

    start(robot.webhook().reveal(), robot.secret().reveal(), Map.of(), storage);
    await("the notice waits behind the ban, after the restart too", () -> lane().path("pending").asInt() == 1);
    assertThat(lane().path("penaltyEnds").asText()).as("the platform's ban, kept").isEqualTo(ban.group(1));
    stopServe();
    assertThat(simulator.received(ROBOT)).as("nothing sent into the ban").isEmpty();
  }

  /** The robot's lane in {@code /api/v1/status}. */
  private JsonNode lane() {
    String url = stdout.text().strip().replaceFirst("^listening on ", "");
    try {
      String body = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/status")).timeout(Duration.ofSeconds(10))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      for (JsonNode lane : new ObjectMapper().readTree(body).path("lanes")) {
        if (lane.path("robot").asText().equals(ROBOT)) {
          return lane;
        }
      }
      return MissingNode.getInstance();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void demoPrintsWhatItPrintsInProcessAndLogsNothingAtItsDefaultLevel() throws Exception {
    serve = child(Map.of(), "demo");
    stdout = ChildOutput.of(serve.getInputStream());
    stderr = ChildOutput.of(serve.getErrorStream());
    assertThat(serve.waitFor(60, TimeUnit.SECONDS)).as("demo ends").isTrue();
    stdout.await();
    stderr.await();

    assertThat(serve.exitValue()).as(stderr.text()).isZero();
    assertThat(stderr.text()).isEmpty();
    assertThat(stdout.text()).isEqualTo(CliRun.of("demo").stdout());
  }

  @Test
  void reloadsAreLoggedAcceptedAtInfoAndRefusedAtWarnWithTheirProblems() throws Exception {
    simulator = DingTalkSimulator.start(Clock.systemUTC());
    Robot robot = simulator.robot(ROBOT, "SEC" + "5a".repeat(32));
    start(robot.webhook().reveal(), robot.secret().reveal(), Map.of());

    assertThat(reload().statusCode()).isEqualTo(200);
    await("the reload is logged", () -> stderr.text().contains("reloaded"));
    Files.writeString(dir.resolve("alert-router.yaml"), CONFIG.formatted(ROBOT, robot.webhook().reveal(), robot.secret().reveal())
        .replace("robots: [" + ROBOT + "]", "robots: [no-such-robot]"));
    assertThat(reload().statusCode()).isEqualTo(400);
    await("the refusal is logged", () -> stderr.text().contains("reload refused"));
    stopServe();

    List<String> lines = stderr.text().lines().toList();
    assertThat(lines).as(stderr.text()).anyMatch(line -> line.matches(TIMESTAMP
        + " INFO ReceiverServer - reloaded .*alert-router\\.yaml: 1 notification policies, 1 robots"));
    assertThat(lines).as(stderr.text()).anyMatch(line -> line.matches(TIMESTAMP
        + " WARN ReceiverServer - reload refused, the running config is kept: .*alert-router\\.yaml: "
        + "notificationPolicies\\[0\\]\\.notifyRule\\.robots\\[0\\]: .*no-such-robot.*"));
    SecretLeaks.of(SecretLeaks.credentials(robot)).assertAbsentFrom(stdout.text(), stderr.text());
  }

  private HttpResponse<String> reload() throws Exception {
    String url = stdout.text().strip().replaceFirst("^listening on ", "");
    return http.send(HttpRequest.newBuilder(URI.create(url + "/-/reload")).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void start(String webhook, String secret, Map<String, String> env, String... flags) throws Exception {
    Path config = dir.resolve("alert-router.yaml");
    Files.writeString(config, CONFIG.formatted(ROBOT, webhook, secret));
    List<String> args = new ArrayList<>(List.of("serve", "--config=" + config, "--listen=127.0.0.1:0"));
    args.addAll(List.of(flags));
    serve = child(env, args.toArray(String[]::new));
    stdout = ChildOutput.of(serve.getInputStream());
    stderr = ChildOutput.of(serve.getErrorStream());
    await("serve listens", () -> stdout.text().contains("\n"));
  }

  /** {@code alert-router ARGS} in a child JVM on this test's class path, in the C locale. */
  private static Process child(Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    builder.environment().remove(CliLogging.ENV_LEVEL);
    builder.environment().remove("JAVA_TOOL_OPTIONS"); // its "Picked up" notice would be on stderr
    builder.environment().put("LC_ALL", "C");
    builder.environment().put("LANG", "C");
    builder.environment().putAll(env);
    return builder.start();
  }

  private void postAlert(String alertname) throws Exception {
    String url = stdout.text().strip().replaceFirst("^listening on ", "");
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/alerts"))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("[{\"labels\":{\"alertname\":\"" + alertname + "\"}}]")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  /**
   * Kills serve and waits for all its output. Not SIGTERM: its graceful stop waits out the HTTP
   * server's 2-second grace, and every line the tests wait for is already out (slf4j-simple writes
   * each line at once, and serve's stderr flushes every line).
   */
  private void stopServe() throws InterruptedException {
    serve.destroyForcibly();
    assertThat(serve.waitFor(20, TimeUnit.SECONDS)).as("serve stops").isTrue();
    stdout.await();
    stderr.await();
  }

  private void await(String what, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(WAIT);
    while (!done.getAsBoolean()) {
      if (!serve.isAlive() && !done.getAsBoolean()) {
        stdout.await();
        stderr.await();
        fail("serve exited with " + serve.exitValue() + " before: " + what + "\nstdout:\n" + stdout.text()
            + "\nstderr:\n" + stderr.text());
      }
      if (Instant.now().isAfter(deadline)) {
        fail("not within " + WAIT + ": " + what + "\nstdout:\n" + stdout.text() + "\nstderr:\n" + stderr.text());
      }
      Thread.sleep(50); // a real process on the wall clock: poll, bounded by the deadline
    }
  }
}

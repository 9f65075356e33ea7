package io.github.alertrouter.testkit;

import static io.github.alertrouter.testkit.DeliveryRecorder.kind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.alertrouter.Alert;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.config.ConfigException;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.notify.Delivery;
import io.github.alertrouter.delivery.Dispatcher;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.notify.RetryPolicy;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.Platforms;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.spi.Transport;
import io.github.alertrouter.time.ManualClock;
import io.github.alertrouter.time.ManualScheduler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * No webhook token or signing secret leaks when deliveries fail, proved against the platform's
 * {@link PlatformSimulator}: each test drives real failure paths (the platform refusing, retries
 * running out, no answer, a broken template, a config with problems) with a robot whose token and
 * secret are fresh random strings, then checks with {@link SecretLeaks} that none of them (nor the
 * webhook URL) is in anything logged ({@link RecordedLogs}, every level, stack traces included),
 * thrown or shown by a {@code toString()}; and that the failure <em>was</em> logged, naming the
 * robot, so a module that logs nothing cannot pass.
 *
 * <p>A platform module's tests extend this with a short subclass naming its provider and simulator,
 * and register {@link RecordingLogProvider} in their {@code META-INF/services} (see {@link
 * RecordedLogs}; the tests refuse to run otherwise). The hooks {@link #supportsSigning()}, {@link
 * #supportsKeywords()} and {@link #withUnknownToken} mean what they mean in {@link
 * PlatformContractTest}. Not thread-safe: JUnit makes one instance per test.
 */
public abstract class SecretLeakContractTest {
  /** The id of the robot every test breaks; the logs must name it. */
  protected static final String ROBOT_ID = "leaky-robot";
  /** The keyword of keyword robots. */
  protected static final String KEYWORD = "ALERTKW";
  /** The retry policy of the tests' dispatchers: three attempts, a second or two apart. */
  protected static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10));

  /** The virtual time of this test. */
  protected ManualClock clock;
  /** Runs the dispatchers' sends on {@link #clock}. */
  protected ManualScheduler scheduler;
  /** This test's simulator. */
  protected PlatformSimulator simulator;
  /** Registered with the simulator: a random token, a random secret when the platform signs, a keyword when it has them. */
  protected Robot robot;

  private final Set<String> secrets = new LinkedHashSet<>();
  private final List<Object> seen = new ArrayList<>();
  private final DeliveryRecorder events = new DeliveryRecorder();

  /** The provider under test. */
  protected abstract PlatformProvider provider();

  /** Starts the platform's simulator on {@code clock}. */
  protected abstract PlatformSimulator startSimulator(Clock clock);

  /** Whether robots of this platform can sign requests; {@code false} skips the wrong-secret test. */
  protected boolean supportsSigning() {
    return true;
  }

  /** Whether robots of this platform can require a keyword; {@code false} skips that test. */
  protected boolean supportsKeywords() {
    return true;
  }

  /** A fresh random signing secret in the platform's format; the default has DingTalk's shape. */
  protected String randomSecret() {
    return "SEC" + LeakFixtures.randomHex(32);
  }

  /** {@code robot} with a token the simulator does not know; see {@link PlatformContractTest#withUnknownToken}. */
  protected Robot withUnknownToken(Robot robot) {
    String webhook = robot.webhook().reveal();
    char last = webhook.charAt(webhook.length() - 1);
    return LeakFixtures.withWebhook(robot, webhook.substring(0, webhook.length() - 1) + (last == 'x' ? 'y' : 'x'));
  }

  @BeforeAll
  static void logsAreRecorded() {
    RecordedLogs.requireInstalled();
  }

  @BeforeEach
  void startSimulatorAndForgetLogs() {
    clock = new ManualClock(Instant.parse("2026-03-09T01:00:00Z"));
    scheduler = new ManualScheduler(clock);
    simulator = startSimulator(clock);
    String secret = supportsSigning() ? randomSecret() : null;
    robot = watch(supportsKeywords() ? simulator.robot(ROBOT_ID, secret, KEYWORD) : simulator.robot(ROBOT_ID, secret));
    RecordedLogs.clear();
  }

  @AfterEach
  void stopSimulator() {
    simulator.close();
  }

  @Test
  void aWrongSigningSecretIsRefusedAndNeitherSecretLeaks() {
    assumeTrue(supportsSigning(), "platform robots do not sign");
    Robot wrong = watch(LeakFixtures.withSecret(robot, randomSecret()));

    deliver(dispatcher(List.of(wrong), Duration.ofSeconds(5)), null);

    assertFailedFor(FailureKind.SIGNATURE_REJECTED);
    assertThat(events.retries()).isEmpty();
    assertLogged("signature rejected", "not retryable");
    assertNothingLeaked();
  }

  @Test
  void aMissingKeywordIsRefusedWithoutLeaks() {
    assumeTrue(supportsKeywords(), "platform robots have no keyword");
    Robot forgotten = watch(new Robot(ROBOT_ID, robot.platform(), robot.webhook(), robot.secret(), null, Map.of()));

    deliver(dispatcher(List.of(forgotten), Duration.ofSeconds(5)), null);

    assertFailedFor(FailureKind.KEYWORD_REJECTED);
    assertLogged("keyword rejected", "not retryable");
    assertNothingLeaked();
  }

  @Test
  void anUnknownTokenIsRefusedWithoutLeakingEitherToken() {
    Robot unknown = watch(withUnknownToken(robot));

    deliver(dispatcher(List.of(unknown), Duration.ofSeconds(5)), null);

    assertFailedFor(FailureKind.INVALID_ROBOT);
    assertLogged("invalid robot", "not retryable");
    assertNothingLeaked();
  }

  @Test
  void aRateLimitedRobotIsRetriedWithoutLeaks() {
    RobotClient client = provider().client(robot, context(Duration.ofSeconds(5)));
    OutboundMessage message = render(robot).get(0);
    SendResult last = null;
    for (int i = 0; i < 200 && kind(last) != FailureKind.RATE_LIMITED; i++) {
      last = client.send(message); // the platform's own limit (and penalty), reached behind the dispatcher's back
      seen.add(last);
    }
    assertThat(kind(last)).as("the simulator throttles past its limit").isEqualTo(FailureKind.RATE_LIMITED);

    deliver(dispatcher(List.of(robot), Duration.ofSeconds(5)), null);
    scheduler.advance(Duration.ofMinutes(15));

    assertThat(events.retries()).isNotEmpty().allSatisfy(r -> assertThat(r.kind()).isEqualTo(FailureKind.RATE_LIMITED));
    assertLogged("rate limited", "retrying in");
    assertNothingLeaked();
  }

  @Test
  void serverErrorsEchoingTheRequestAreRetriedThenGivenUpWithoutLeaks() {
    simulator.failNext(RETRY.maxAttempts(), new Fault.HttpStatus(502, LeakFixtures.echoingGatewayPage(robot)));

    deliver(dispatcher(List.of(robot), Duration.ofSeconds(5)), null);
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.retries()).hasSize(RETRY.maxAttempts() - 1);
    assertFailedFor(FailureKind.SERVER_ERROR);
    assertLogged("server error", "retrying in");
    assertLogged("server error", "giving up after " + RETRY.maxAttempts() + " attempts");
    assertNothingLeaked();
  }

  @Test
  void aTimeoutIsRetriedWithoutLeaks() {
    // the first exchange of a fresh JVM can take longer than the short timeout below: warm up first
    assertThat(provider().client(robot, context(Duration.ofSeconds(5))).send(render(robot).get(0)).isSent()).isTrue();
    simulator.failNext(1, Fault.delay(Duration.ofMillis(900)));

    deliver(dispatcher(List.of(robot), Duration.ofMillis(300)), null);
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.retries()).first().satisfies(r -> assertThat(r.kind()).isEqualTo(FailureKind.NETWORK_ERROR));
    assertLogged("network error", "retrying in");
    simulator.failNext(1, Fault.delay(Duration.ofMillis(900)));
    seen.add(LeakFixtures.transportFailure(Transport.http11(Duration.ofSeconds(2)), URI.create(robot.webhook().reveal()),
        Duration.ofMillis(300)));
    assertNothingLeaked();
  }

  @Test
  void aRefusedConnectionIsRetriedThenGivenUpWithoutLeaks() {
    Robot nobodyListens = watch(LeakFixtures.nobodyListening(robot));

    deliver(dispatcher(List.of(nobodyListens), Duration.ofSeconds(5)), null);
    scheduler.advance(Duration.ofMinutes(1));

    assertFailedFor(FailureKind.NETWORK_ERROR);
    assertLogged("network error", "giving up after");
    seen.add(LeakFixtures.transportFailure(Transport.http11(Duration.ofSeconds(2)),
        URI.create(nobodyListens.webhook().reveal()), Duration.ofSeconds(2)));
    assertNothingLeaked();
  }

  @Test
  void aWebhookThatIsNoUsableUrlIsRefusedWithoutLeaks() {
    String webhook = robot.webhook().reveal();
    Robot unparsable = watch(LeakFixtures.withWebhook(robot, webhook + "|x"));
    Robot otherScheme = watch(LeakFixtures.withId(LeakFixtures.withWebhook(robot, webhook.replaceFirst("^http", "ftp")),
        ROBOT_ID + "-ftp"));

    Dispatcher dispatcher = dispatcher(List.of(unparsable, otherScheme), Duration.ofSeconds(5));
    deliver(dispatcher, null);
    dispatcher.dispatch(new Delivery(otherScheme.id(), notification(), List.of(), null));
    scheduler.advance(Duration.ofMinutes(1));

    assertThat(events.failed()).hasSize(2).allSatisfy(e -> assertThat(kind(e.result())).isEqualTo(FailureKind.INVALID_ROBOT));
    assertLogged("invalid robot", "not retryable");
    assertNothingLeaked();
  }

  @Test
  void renderFailuresAreReportedWithoutLeaks() {
    Robot badOption = watch(LeakFixtures.withOptions(robot, Map.of(RenderRequest.OPTION_OVERFLOW, "sideways")));
    String brokenTemplate = "{{#alerts}} unclosed section";

    deliver(dispatcher(List.of(badOption), Duration.ofSeconds(5)), null);
    deliver(dispatcher(List.of(robot), Duration.ofSeconds(5)), brokenTemplate);

    assertThat(events.renderProblems()).hasSize(2);
    assertThat(simulator.received()).isEmpty();
    assertLogged("cannot render", "sideways");
    assertLogged("cannot render", "template");
    seen.add(catchThrowable(() -> provider().render(RenderRequest.of(notification(), List.of(), badOption, null))));
    seen.add(catchThrowable(() -> provider().render(RenderRequest.of(notification(), List.of(), robot, brokenTemplate))));
    assertThat(seen).filteredOn(RuntimeException.class::isInstance).hasSize(2);
    assertNothingLeaked();
  }

  @Test
  void configProblemsNameTheRobotButNotItsSecrets() {
    String secret = supportsSigning() ? robot.secret().reveal() : watch(randomSecret());
    String token = SecretLeaks.credentials(robot).stream()
        .filter(c -> !c.equals(robot.webhook().reveal()) && !c.equals(secret)).findFirst().orElseThrow();

    ConfigException bound = catchThrowableOfType(ConfigException.class,
        () -> RouterConfig.parse(LeakFixtures.yamlWithProblems(robot, secret, token), "leak-test.yaml", Map.of()));
    ConfigException unquoted = catchThrowableOfType(ConfigException.class,
        () -> RouterConfig.parse(LeakFixtures.jsonWithUnquotedSecret(robot, secret), "leak-test.json", Map.of()));
    RouterConfig config = RouterConfig.parse(LeakFixtures.yamlWithBadOptions(robot, secret), "valid.yaml", Map.of());
    ConfigException checked = catchThrowableOfType(ConfigException.class,
        () -> AlertRouter.builder().config(config).platforms(Platforms.of(provider())).scheduler(scheduler).build());
    seen.addAll(List.of(bound, unquoted, checked, config, Platforms.of(provider()).check(config)));

    assertThat(bound).hasMessageContaining("robots[1].webhook").hasMessageContaining("ghost");
    assertThat(unquoted).hasMessageContaining("syntax error");
    assertThat(checked).hasMessageContaining("robots[0].options");
    assertNothingLeaked();
  }

  @Test
  void aRouterBuiltFromConfigTextReportsARefusalWithoutLeaks() {
    Robot unknown = watch(withUnknownToken(robot));
    RouterConfig config = RouterConfig.parse(LeakFixtures.yamlRoutingTo(unknown), "leak-test.yaml", Map.of());
    AlertRouter router = AlertRouter.builder().config(config).platforms(Platforms.of(provider()))
        .scheduler(scheduler).clientContext(context(Duration.ofSeconds(5))).listener(events).build();
    try {
      router.submit(List.of(Alert.firing(Map.of("alertname", "DiskFull")).startsAt(clock.instant())
          .endsAt(clock.instant().plus(Duration.ofHours(1))).build()));
      scheduler.advance(Duration.ofMinutes(1));
    } finally {
      router.close();
    }
    seen.add(config);

    assertFailedFor(FailureKind.INVALID_ROBOT);
    assertLogged("invalid robot");
    assertNothingLeaked();
  }

  // ---- helpers, protected so subclasses can add platform-specific cases in the same style

  /** Adds {@code robot}'s credentials to the watched secrets, and the robot to what is checked; returns it. */
  protected Robot watch(Robot robot) {
    secrets.addAll(SecretLeaks.credentials(robot));
    seen.add(robot);
    return robot;
  }

  /** Adds {@code secret} to the watched secrets; returns it. */
  protected String watch(String secret) {
    secrets.add(secret);
    return secret;
  }

  /** Adds values whose {@code toString()} (a throwable's stack trace) must show no watched secret. */
  protected void alsoCheck(Object... values) {
    seen.addAll(List.of(values));
  }

  /** A dispatcher over {@code robots} on this test's scheduler, recording every event for the checks. */
  private Dispatcher dispatcher(List<Robot> robots, Duration requestTimeout) {
    return Dispatcher.builder()
        .robots(robots)
        .platforms(Platforms.of(provider()))
        .scheduler(scheduler)
        .clientContext(context(requestTimeout))
        .retryPolicy(RETRY)
        .random(new Random(1))
        .listener(events)
        .build();
  }

  /** Dispatches one notification to {@link #ROBOT_ID} (with {@code template}, or the built-in layout) and runs what is due now. */
  private void deliver(Dispatcher dispatcher, String template) {
    dispatcher.dispatch(new Delivery(ROBOT_ID, notification(), List.of(), template));
    scheduler.advance(Duration.ZERO);
  }

  /** A first notification of one group, at {@link #clock}'s now. */
  protected Notification notification() {
    Alert alert = Alert.firing(Map.of("alertname", "DiskFull", "severity", "critical"))
        .annotation("summary", "disk 97% on db-7").startsAt(clock.instant()).build();
    return Notification.of("leak-test", "{}:{alertname=\"DiskFull\"}", new TreeMap<>(Map.of("alertname", "DiskFull")),
        NotifyReason.FIRST_NOTIFICATION, List.of(alert), List.of(), List.of(), clock.instant());
  }

  /** Exactly one delivery failed for good, for {@link #ROBOT_ID}, with {@code kind}. */
  protected void assertFailedFor(FailureKind kind) {
    assertThat(events.failed()).as("failed deliveries").singleElement().satisfies(e -> {
      assertThat(e.robotId()).isEqualTo(ROBOT_ID);
      assertThat(kind(e.result())).as("%s", e.result()).isEqualTo(kind);
    });
  }

  /**
   * Some warning (or error) names {@link #ROBOT_ID} and contains every one of {@code fragments}:
   * the failure was logged, so the leak checks are not vacuous.
   */
  protected void assertLogged(String... fragments) {
    assertThat(RecordedLogs.atLeast(Level.WARN)).as("warnings logged:%n%s", RecordedLogs.text())
        .anySatisfy(e -> assertThat(e.message()).contains(ROBOT_ID).contains(fragments));
  }

  /** No watched secret in the recorded logs, nor in any event, result, exception or robot this test saw. */
  protected void assertNothingLeaked() {
    List<Object> all = new ArrayList<>(seen);
    all.addAll(events.all());
    SecretLeaks.of(secrets).assertAbsentEverywhere(all.toArray());
  }

  private ClientContext context(Duration requestTimeout) {
    return new ClientContext(Transport.http11(Duration.ofSeconds(2)), clock, requestTimeout);
  }

  private List<OutboundMessage> render(Robot robot) {
    return provider().render(RenderRequest.of(notification(), List.of(), robot, null));
  }
}

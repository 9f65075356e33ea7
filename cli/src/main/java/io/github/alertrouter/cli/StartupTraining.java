package io.github.alertrouter.cli;

import io.github.alertrouter.notify.LaneStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload behind the CLI's class-data-sharing archive: {@code bin/alert-router} runs it once
 * per build of the jar (and JVM) as {@code java -XX:ArchiveClassesAtExit=ARCHIVE -cp
 * alert-router.jar io.github.alertrouter.cli.StartupTraining}, and the JVM writes every class this
 * process loaded, already parsed and verified, into ARCHIVE; later runs map them from there instead
 * of loading them from the jar again (see {@code docs/startup.md}).
 *
 * <p>It runs the commands people start often, in this process, on the inputs shipped under {@code
 * training/}, their output discarded: {@code validate}, {@code routes test}, {@code preview},
 * {@code oncall}, {@code import-alertmanager}, {@code import-webhook-dingtalk}, {@code template render},
 * {@code demo}, and {@code serve} from its start
 * through {@code /-/ready}, alerts taken in, status, metrics and a reload, to its stop. All on
 * 127.0.0.1: the training config's robots point at a closed local port and its groups wait an
 * hour, so nothing is sent. Logging is off.
 *
 * <p>Exit code 0 when every step answered as expected; 1 otherwise, each failure on stderr (the
 * launcher then keeps no archive). {@code StartupTrainingTest} keeps the workload working as the
 * commands change.
 */
final class StartupTraining {
  /** Where the inputs are, on the class path. */
  static final String RESOURCES = "training/";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String AT = "--at=2026-03-09T02:00:00Z";
  // "now" as startsAt: an alert older than its group's wait would be sent at once (as Alertmanager does)
  private static final String WEBHOOK = """
      {"receiver":"default","status":"firing","alerts":[{"status":"firing",
       "labels":{"alertname":"DiskAlmostFull","severity":"critical","cluster":"prod-sh"},
       "annotations":{"summary":"disk 88%% full"},"startsAt":"%1$s",
       "endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://127.0.0.1:9/graph","fingerprint":"baa67d9228acc712"}],
       "groupLabels":{"alertname":"DiskAlmostFull"},"commonLabels":{"alertname":"DiskAlmostFull"},
       "commonAnnotations":{},"externalURL":"http://127.0.0.1:9","version":"4",
       "groupKey":"{}:{alertname=\\"DiskAlmostFull\\"}","truncatedAlerts":0}
      """;
  private static final String ALERTS = """
      [{"labels":{"alertname":"HighErrorRate","severity":"critical","cluster":"prod-hz","owner":"alice"},
        "annotations":{"summary":"5xx ratio 12.5%% > 5%%"},"startsAt":"%1$s"},
       {"labels":{"alertname":"接口错误率过高","severity":"warning","service":"mysql"},"startsAt":"%1$s"}]
      """;

  private StartupTraining() {}

  public static void main(String[] args) throws IOException {
    // the same set-up as Main, so its classes are trained too; before any logger exists
    CliLogging.configure(List.of("serve", "--" + CliLogging.FLAG + "=off"), name -> null);
    Path dir = Files.createTempDirectory("alert-router-training");
    List<String> failures;
    try {
      failures = run(dir, Clock.systemUTC()); // the program's edge: serve keeps real time
    } finally {
      delete(dir);
    }
    failures.forEach(failure -> System.err.println("alert-router training: " + failure));
    System.exit(failures.isEmpty() ? Main.EXIT_OK : 1);
  }

  /**
   * Runs every step with its inputs and state in {@code dir}.
   *
   * @return what did not answer as expected; empty when every step did
   */
  static List<String> run(Path dir, Clock clock) {
    List<String> failures = new ArrayList<>();
    Path config = copy(dir, "alert-router.yaml");
    Path alertmanager = copy(dir, "alertmanager.yml");
    Path alerts = copy(dir, "alerts.json");
    command(failures, List.of("--help"));
    command(failures, List.of("validate", "--config=" + config));
    command(failures, List.of("routes", "test", "--config.file=" + alertmanager, "--tree",
        "--verify.receivers=pager,payments-api", "team=payments", "service=pay_api", "severity=critical"));
    command(failures, List.of("preview", "--config=" + config, "--alerts=" + alerts, AT));
    command(failures, List.of("oncall", "--config=" + config, "--schedule=primary", AT));
    command(failures, List.of("oncall", "--config=" + config, "--schedule=primary", "--format=json",
        "--from=2026-03-01T00:00:00Z", "--to=2026-03-15T00:00:00Z"));
    command(failures, List.of("import-alertmanager", alertmanager.toString()));
    command(failures, List.of("import-webhook-dingtalk", copy(dir, "webhook-dingtalk.yml").toString()));
    command(failures, List.of("template", "render", "--template.glob=" + copy(dir, "dingtalk.tmpl"),
        "--template.text={{ template \"training.title\" . }}{{ template \"training.content\" . }}"));
    serve(failures, config, dir.resolve("state"), clock);
    command(failures, List.of("demo"));
    return failures;
  }

  private static void command(List<String> failures, List<String> args) {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    try {
      int exit = Main.run(args, discard, discard);
      if (exit != Main.EXIT_OK) {
        failures.add(String.join(" ", args) + ": exit " + exit);
      }
    } catch (RuntimeException e) {
      failures.add(String.join(" ", args) + ": " + e);
    }
  }

  /** {@code serve --storage.path}: started, asked what a deployment asks, stopped. */
  private static void serve(List<String> failures, Path config, Path storage, Clock clock) {
    ReceiverServer.Settings flags = new ServeCommand(clock, name -> null).settings(
        List.of("--config=" + config, "--listen=127.0.0.1:0", "--storage.path=" + storage));
    // no grace: JDK 17's HttpServer.stop waits all of it when no request is in flight
    ReceiverServer.Settings settings = new ReceiverServer.Settings(flags.configFile(), flags.listen(),
        flags.maxBodyBytes(), flags.token(), flags.actionKey(), 0, flags.storageDir(), flags.allowEmptyConfig(),
        flags.timeouts(), flags.storageUrl());
    try (ReceiverServer server = ReceiverServer.start(settings, clock)) {
      // the JDK client robots are sent with: its classes (TLS set-up too) are then archived for serve's first send
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
      String url = server.url();
      String now = clock.instant().toString();
      expect(failures, http, HttpRequest.newBuilder(URI.create(url + "/-/ready")));
      expect(failures, http, post(url + "/api/v1/alertmanager", WEBHOOK.formatted(now)));
      expect(failures, http, post(url + "/api/v1/alerts", ALERTS.formatted(now)));
      expect(failures, http, HttpRequest.newBuilder(URI.create(url + "/api/v1/status")));
      expect(failures, http, HttpRequest.newBuilder(URI.create(url + "/metrics")));
      expect(failures, http, post(url + "/-/reload", ""));
      int queued = server.router().lanes().stream().mapToInt(LaneStatus::pending).sum();
      if (queued > 0) {
        failures.add("serve: " + queued + " notices queued to robots; the training must send nothing");
      }
    } catch (RuntimeException e) {
      failures.add("serve: " + e);
    }
  }

  private static HttpRequest.Builder post(String url, String json) {
    return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", ServeApi.JSON_TYPE)
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private static void expect(List<String> failures, HttpClient http, HttpRequest.Builder request) {
    HttpRequest sent = request.timeout(TIMEOUT).build();
    try {
      int status = http.send(sent, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        failures.add("serve: " + sent.method() + " " + sent.uri().getPath() + ": HTTP " + status);
      }
    } catch (IOException e) {
      failures.add("serve: " + sent.method() + " " + sent.uri().getPath() + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failures.add("serve: interrupted");
    }
  }

  private static Path copy(Path dir, String name) {
    try (InputStream in = StartupTraining.class.getClassLoader().getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("no resource " + RESOURCES + name + " on the class path");
      }
      Path file = dir.resolve(name);
      Files.copy(in, file);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

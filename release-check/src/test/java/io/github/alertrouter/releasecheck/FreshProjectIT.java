package io.github.alertrouter.releasecheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #21's "done when", on every build: a new Maven project that follows only the README (the
 * install step of "Use it from your build", then the files of its "Spring Boot" section, written
 * into an empty directory as they are) builds, starts, takes an Alertmanager webhook, and @s the
 * configured contact in the DingTalk simulator; its health and meters show in the Actuator.
 *
 * <p>Runs the README's Maven commands as processes ({@code mvn} from the PATH; skipped without
 * one) and the application with this JVM's {@code java}; every wait is bounded and the
 * application is stopped by its handle.
 */
class FreshProjectIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  // "```lang path" opens a file of the project; "```" closes it
  private static final Pattern FILE_BLOCK = Pattern.compile("(?ms)^```\\w+ (\\S+)\\n(.*?)^```\\n");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void aProjectMadeFromTheReadmeTakesAWebhookAndAtsTheContact(@TempDir Path project) throws Exception {
    Assumptions.assumeTrue(onPath("mvn"), "no mvn on the PATH: the README's commands cannot be run");
    String readme = Files.readString(ROOT.resolve("README.md"));

    // the install step, as "Use it from your build" gives it
    assertThat(section(readme, "## Use it from your build")).contains("mvn -B install -DskipTests");
    run(ROOT, Duration.ofMinutes(10), "mvn", "-B", "-q", "install", "-DskipTests");

    Map<String, String> files = projectFiles(section(readme, "## Spring Boot"));
    assertThat(files).containsOnlyKeys("pom.xml", "src/main/java/com/example/alerts/AlertsApplication.java",
        "src/main/resources/application.yaml", "src/main/resources/alert-router.yaml");
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = project.resolve(f.getKey());
      Files.createDirectories(file.getParent() == null ? project : file.getParent());
      Files.writeString(file, f.getValue());
    }
    assertThat(section(readme, "## Spring Boot")).contains("mvn -B package").contains("java -jar target/alerts-1.0.jar");
    run(project, Duration.ofMinutes(10), "mvn", "-B", "-q", "package");

    try (DingTalkSimulator dingtalk = DingTalkSimulator.start(Clock.systemUTC())) {
      String secret = "SEC" + "0123456789abcdef".repeat(4);
      String webhook = dingtalk.robot("sre-ding", secret, "alert").webhook().reveal();
      int port = freePort();
      Path log = project.resolve("app.log");
      ProcessBuilder app = new ProcessBuilder(java(), "-jar", "target/alerts-1.0.jar", "--server.port=" + port,
          "--server.address=127.0.0.1")
          .directory(project.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      app.environment().put("DINGTALK_URL", webhook);
      app.environment().put("DINGTALK_SECRET", secret);
      Process process = app.start();
      try {
        String base = "http://127.0.0.1:" + port;
        String health = await(Duration.ofSeconds(90), () -> {
          HttpResponse<String> r = get(base + "/actuator/health");
          return r != null && r.statusCode() == 200 ? r.body() : null;
        }, process, log);
        assertThat(health).contains("\"alertRouter\"").contains("\"UP\"");

        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/alertmanager"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(payload(Instant.now())))
            .timeout(Duration.ofSeconds(10))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);

        // groupWait is 10 s in the README's alert-router.yaml
        List<ReceivedMessage> received = await(Duration.ofSeconds(60), () -> {
          List<ReceivedMessage> m = dingtalk.received("sre-ding");
          return m.isEmpty() ? null : m;
        }, process, log);
        assertThat(received).singleElement().satisfies(m -> {
          assertThat(m.mentions()).containsExactly("mobile:13800000001");
          assertThat(m.text()).contains("DiskAlmostFull");
        });

        String messages = await(Duration.ofSeconds(30), () -> {
          HttpResponse<String> r = get(base + "/actuator/metrics/alert.router.messages?tag=outcome:sent");
          return r != null && r.statusCode() == 200 && r.body().contains("\"value\":1.0") ? r.body() : null;
        }, process, log);
        assertThat(messages).contains("\"COUNT\"");
        assertThat(get(base + "/actuator/health").body()).contains("\"sre-ding\"");
      } finally {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      }
    }
  }

  /** The text from {@code heading} to the next heading of the same level. */
  static String section(String readme, String heading) {
    int start = readme.indexOf("\n" + heading + "\n");
    assertThat(start).as("README section %s", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + heading.length() + 2);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** Each fenced block whose info string names a path, by path. */
  static Map<String, String> projectFiles(String section) {
    Map<String, String> files = new LinkedHashMap<>();
    Matcher m = FILE_BLOCK.matcher(section);
    while (m.find()) {
      files.put(m.group(1), m.group(2));
    }
    return files;
  }

  /** An Alertmanager 0.25 webhook body: one firing alert. */
  private static String payload(Instant startsAt) {
    return """
        {"receiver":"alert-router","status":"firing","alerts":[{"status":"firing",
         "labels":{"alertname":"DiskAlmostFull","instance":"db-1:9100","severity":"critical"},
         "annotations":{"summary":"/var is 95% full on db-1"},
         "startsAt":"STARTS_AT","endsAt":"0001-01-01T00:00:00Z",
         "generatorURL":"http://prometheus:9090/graph","fingerprint":"3c1d2f0a9b8e7d6c"}],
         "groupLabels":{"alertname":"DiskAlmostFull"},
         "commonLabels":{"alertname":"DiskAlmostFull","instance":"db-1:9100","severity":"critical"},
         "commonAnnotations":{"summary":"/var is 95% full on db-1"},
         "externalURL":"http://alertmanager:9093","version":"4",
         "groupKey":"{}:{alertname=\\"DiskAlmostFull\\"}","truncatedAlerts":0}
        """.replace("STARTS_AT", startsAt.toString());
  }

  private static <T> T await(Duration limit, Supplier<T> poll, Process process, Path log)
      throws InterruptedException, IOException {
    Instant end = Instant.now().plus(limit);
    while (Instant.now().isBefore(end)) {
      T value = poll.get();
      if (value != null) {
        return value;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the application exited (" + process.exitValue() + "):\n" + tail(log));
      }
      Thread.sleep(250);
    }
    throw new AssertionError("nothing within " + limit + "; the application's log:\n" + tail(log));
  }

  private static HttpResponse<String> get(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return null; // not listening yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("fresh-project", ".log");
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError(String.join(" ", command) + " still running after " + limit + ":\n" + tail(out));
      }
      assertThat(p.exitValue()).as("%s in %s:\n%s", String.join(" ", command), dir, tail(out)).isZero();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}

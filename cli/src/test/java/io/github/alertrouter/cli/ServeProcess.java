package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * One {@code alert-router serve} child JVM as people run it: started with flags, listening on a
 * loopback port it picks, stopped with {@code kill -9} (no shutdown hook, no flush). For the tests
 * that crash it and count what the chat received.
 */
final class ServeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final ChildOutput stdout;
  private final ChildOutput stderr;

  private ServeProcess(Process process) {
    this.process = process;
    this.stdout = ChildOutput.of(process.getInputStream());
    this.stderr = ChildOutput.of(process.getErrorStream());
  }

  /** Starts {@code serve --config=CONFIG --listen=127.0.0.1:0 FLAGS...} and waits until it listens. */
  static ServeProcess start(Path config, Duration wait, String... flags) throws InterruptedException {
    return start(config, Map.of(), wait, flags);
  }

  /** {@link #start(Path, Duration, String...)} with {@code environment} added to this process's. */
  static ServeProcess start(Path config, Map<String, String> environment, Duration wait, String... flags)
      throws InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--config=" + config, "--listen=127.0.0.1:0"));
    command.addAll(List.of(flags));
    ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(environment);
    ServeProcess serve;
    try {
      serve = new ServeProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    serve.await("serve listens", wait, () -> serve.stdout.text().contains("\n"));
    return serve;
  }

  String url() {
    return stdout.text().lines().findFirst().orElseThrow().strip().replaceFirst("^listening on ", "");
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Sends {@code signal} (e.g. {@code HUP}, {@code TERM}) with {@code kill}, as systemd does. */
  void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s", signal).isZero();
  }

  /** Waits (at most {@code wait}) for serve to exit; its exit code. */
  int exitCode(Duration wait) throws InterruptedException {
    assertThat(process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)).as("serve exits within %s\n%s", wait, output())
        .isTrue();
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook, no flush, no lease given up. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
  }

  /** POSTs {@code json} to {@code path}; an unreachable server is status -1. */
  HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(20)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code done} on the wall clock (a real process) until {@code wait}; fails with the child's output. */
  void await(String what, Duration wait, BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(wait);
    while (!done.getAsBoolean()) {
      if (!process.isAlive() || Instant.now().isAfter(deadline)) {
        fail("not " + (process.isAlive() ? "within " + wait : "before serve exited") + ": " + what + "\n" + output());
      }
      Thread.sleep(50);
    }
  }

  String output() {
    return "stdout:\n" + stdout.text() + "\nstderr:\n" + stderr.text();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }
}

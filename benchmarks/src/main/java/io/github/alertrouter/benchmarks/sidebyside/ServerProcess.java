package io.github.alertrouter.benchmarks.sidebyside;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test as a process of its own, stopped by its PID: how long it took from launch to
 * answering {@code /-/ready} 200, and its CPU time and memory read from {@code /proc} (Linux).
 */
final class ServerProcess implements AutoCloseable {
  /** Linux's USER_HZ, the unit of {@code /proc/PID/stat}'s times, on every mainstream architecture. */
  private static final double TICKS_PER_SECOND = 100;

  private final String name;
  private final Process process;
  private final Path log;
  private final double readySeconds;

  private ServerProcess(String name, Process process, Path log, double readySeconds) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.readySeconds = readySeconds;
  }

  /**
   * Launches {@code command} with {@code env} added to this process's environment and waits,
   * polling every 5 ms, until {@code ready} answers 200.
   */
  static ServerProcess start(String name, List<String> command, java.util.Map<String, String> env, Path log, URI ready,
      Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().putAll(env);
    long launched = System.nanoTime();
    Process process = builder.start();
    ServerProcess server = null;
    try {
      long deadline = launched + timeout.toNanos();
      while (System.nanoTime() - deadline < 0) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(log));
        }
        try {
          HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(1)).GET()
              .build(), HttpResponse.BodyHandlers.discarding());
          if (answer.statusCode() == 200) {
            server = new ServerProcess(name, process, log, (System.nanoTime() - launched) / 1e9);
            return server;
          }
        } catch (IOException notYet) {
          // not listening yet
        }
        TimeUnit.MILLISECONDS.sleep(5);
      }
      throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail(log));
    } finally {
      if (server == null) {
        stop(process);
      }
    }
  }

  double readySeconds() {
    return readySeconds;
  }

  /** User plus system CPU time of the process (all its threads) so far. */
  double cpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
    // the fields after the command name, which is in parentheses and may hold spaces
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND; // utime, stime
  }

  /**
   * CPU seconds per thread name, digits dropped so that a pool's threads add up ({@code C2
   * CompilerThread}, {@code GC Thread#}, {@code alert-router-send-}): where a run's CPU went,
   * JIT and GC included, which a sampling profiler does not show.
   */
  java.util.Map<String, Double> cpuByThread() throws IOException {
    java.util.Map<String, Double> byName = new java.util.TreeMap<>();
    try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "");
          String stat = Files.readString(task.resolve("stat"));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND, Double::sum);
        } catch (IOException ended) {
          // the thread ended while we read
        }
      }
    }
    return byName;
  }

  /** Resident memory now, in MiB. */
  double rssMiB() throws IOException {
    return status("VmRSS:");
  }

  /** The most resident memory so far (the high-water mark), in MiB. */
  double peakRssMiB() throws IOException {
    return status("VmHWM:");
  }

  private double status(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]) / 1024.0;
      }
    }
    throw new IllegalStateException(name + ": no " + field + " in /proc/" + process.pid() + "/status");
  }

  boolean alive() {
    return process.isAlive();
  }

  /** The log's lines that contain {@code word} (case-insensitive), at most {@code max}. */
  List<String> logLines(String word, int max) {
    try {
      return Files.readAllLines(log).stream().filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains(word))
          .limit(max).toList();
    } catch (IOException e) {
      return List.of("(no log: " + e.getMessage() + ")");
    }
  }

  String logTail() {
    return tail(log);
  }

  @Override
  public void close() throws InterruptedException {
    stop(process);
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy(); // SIGTERM to this PID
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(15, TimeUnit.SECONDS);
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}

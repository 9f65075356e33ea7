package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.dingtalk.DingTalkSimulator;
import io.github.alertrouter.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tests of {@code serve --storage.url} processes share: one real PostgreSQL per class
 * (its schema dropped before each test, the server restarted if a test stopped it), one DingTalk
 * robot on the simulator, and the processes started, all stopped after each test.
 */
abstract class ServeOnPostgres {
  static final String ROBOT = "sre-ding";
  static PostgresServer postgres;

  @TempDir
  Path dir;
  DingTalkSimulator chat;
  Robot robot;
  final List<ServeProcess> processes = new ArrayList<>();

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.startOrSkip();
  }

  @AfterAll
  static void stopPostgres() {
    if (postgres != null) {
      postgres.close();
    }
  }

  @BeforeEach
  void freshState() {
    if (!postgres.isRunning()) {
      postgres.restart();
    }
    postgres.psql("DROP SCHEMA IF EXISTS alert_router CASCADE");
    chat = DingTalkSimulator.start(Clock.systemUTC());
    robot = chat.robot(ROBOT, "SEC" + "5a".repeat(32));
  }

  @AfterEach
  void stopProcesses() throws InterruptedException {
    for (ServeProcess serve : processes) {
      serve.close();
    }
    chat.close();
  }

  /**
   * Starts {@code serve} on the database with {@code config} (formatted with the robot id, its
   * webhook, its secret and {@code more}), plus {@code flags}.
   */
  ServeProcess serve(String config, Duration wait, List<Object> more, String... flags) throws Exception {
    Path file = dir.resolve("alert-router.yaml");
    List<Object> args = new ArrayList<>(List.of(ROBOT, robot.webhook().reveal(), robot.secret().reveal()));
    args.addAll(more);
    Files.writeString(file, config.formatted(args.toArray()));
    List<String> all = new ArrayList<>(List.of("--storage.url=" + postgres.jdbcUrl()));
    all.addAll(List.of(flags));
    ServeProcess serve = ServeProcess.start(file, wait, all.toArray(String[]::new));
    processes.add(serve);
    return serve;
  }

  /** Starts {@code members} processes as {@link #serve} does and waits until one of them is active. */
  void startFleet(int members, String config, Duration wait, List<Object> more, String... flags) throws Exception {
    for (int i = 0; i < members; i++) {
      serve(config, wait, more, flags);
    }
    first().await("one member active", wait, () -> active() != null);
  }

  /** The first process still alive. */
  ServeProcess first() {
    return processes.stream().filter(ServeProcess::isAlive).findFirst().orElseThrow();
  }

  /** The member that says it is active, or null; never more than one. */
  ServeProcess active() {
    List<ServeProcess> active = processes.stream().filter(ServeProcess::isAlive)
        .filter(s -> s.get("/api/v1/status").body().contains("\"active\":true")).toList();
    assertThat(active).as("members active at once").hasSizeLessThanOrEqualTo(1);
    return active.isEmpty() ? null : active.get(0);
  }
}

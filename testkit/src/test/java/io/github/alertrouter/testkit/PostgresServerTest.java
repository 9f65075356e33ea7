package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * The harness against the real server: queries, stop and restart on the same port, a crash and
 * its recovery, and a close that leaves no process and no directory. Skipped without Debian's
 * postgresql package, unless {@code ALERT_ROUTER_REQUIRE_POSTGRES=1} (set by .ci/run).
 */
class PostgresServerTest {
  private static PostgresServer server;

  @BeforeAll
  static void startServer() {
    server = PostgresServer.startOrSkip();
  }

  /** Asserts too (a failure here fails the class): one server fewer keeps the test fast. */
  @AfterAll
  static void closeLeavesNoProcessAndNoDirectory() {
    if (server == null) {
      return;
    }
    try {
      long pid = server.pid();
      Path directory = server.directory();
      List<ProcessHandle> backends = ProcessHandle.of(pid).orElseThrow().descendants().toList();
      assertThat(directory.resolve("data")).isDirectory();

      server.close();
      assertThat(alive(pid)).isFalse();
      assertThat(backends).allMatch(PostgresServer::exited);
      assertThat(directory).doesNotExist();
      assertThat(server.log()).contains("database system is shut down");
    } finally {
      server.close(); // idempotent; closes it when a test left it stopped
    }
  }

  @Test
  void answersQueriesOnLoopbackAsAlertrouter() {
    assertThat(server.psql("select 41+1")).isEqualTo("42");
    assertThat(server.psql("select current_user || ' ' || current_database()")).isEqualTo("alertrouter alertrouter");
    assertThat(server.psql("show listen_addresses")).isEqualTo("127.0.0.1");
    assertThat(server.psql("show max_connections")).isEqualTo("200");
    assertThat(server.jdbcUrl())
        .isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/alertrouter?user=alertrouter");
    assertThat(List.of(server.user(), server.database())).containsExactly("alertrouter", "alertrouter");
    assertThat(alive(server.pid())).isTrue();
    assertThat(server.log()).contains("database system is ready to accept connections");
  }

  @Test
  void stopAndRestartKeepTheDataAndThePort() {
    server.psql("create table kept (v text); insert into kept values ('before the stop')");
    int port = server.port();
    long pid = server.pid();

    server.stop();
    assertThat(alive(pid)).isFalse();
    assertThat(server.isRunning()).isFalse();
    assertThatThrownBy(server::pid).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> server.psql("select 1"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("psql failed");

    server.restart();
    assertThat(server.port()).isEqualTo(port);
    assertThat(server.pid()).isNotEqualTo(pid);
    assertThat(server.psql("select v from kept")).isEqualTo("before the stop");
  }

  @Test
  void killThenRestartRecoversTheCommittedRow() {
    server.psql("create table crashed (v text); insert into crashed values ('committed')");
    long pid = server.pid();
    List<ProcessHandle> backends = ProcessHandle.of(pid).orElseThrow().descendants().toList();
    assertThat(backends).isNotEmpty();

    server.kill();
    assertThat(alive(pid)).isFalse();
    assertThat(backends).allMatch(PostgresServer::exited);

    server.restart();
    assertThat(server.psql("select v from crashed")).isEqualTo("committed");
    assertThat(server.log()).contains("was interrupted", "redo done");
  }

  @Test
  void closeAfterAKillLeavesNothingEither() {
    PostgresServer own = PostgresServer.startOrSkip();
    Path directory = own.directory();
    own.kill();
    own.close();
    assertThat(directory).doesNotExist();
    own.close(); // idempotent
    assertThatThrownBy(own::restart).isInstanceOf(IllegalStateException.class);
  }

  private static final FileAttribute<?> EXECUTABLE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"));

  @Test
  void theHighestInstalledVersionWithEveryToolIsChosen(@TempDir Path versions) throws IOException {
    for (String version : List.of("9.6", "15", "16")) {
      Path bin = Files.createDirectories(versions.resolve(version).resolve("bin"));
      for (String tool : List.of("initdb", "postgres", "pg_isready", "createdb", "psql")) {
        if (!(version.equals("16") && tool.equals("psql"))) { // an incomplete 16 is passed over
          Files.createFile(bin.resolve(tool), EXECUTABLE);
        }
      }
    }
    Files.createDirectories(versions.resolve("common").resolve("bin"));

    assertThat(PostgresServer.findBin(null, versions)).contains(versions.resolve("15").resolve("bin"));
    assertThat(PostgresServer.findBin("", versions.resolve("none"))).isEqualTo(Optional.empty());
    assertThat(PostgresServer.findBin(versions.resolve("9.6").resolve("bin").toString(), versions))
        .contains(versions.resolve("9.6").resolve("bin"));
    assertThatThrownBy(() -> PostgresServer.findBin(versions.resolve("16").resolve("bin").toString(), versions))
        .hasMessageContaining(PostgresServer.BIN_ENV).hasMessageContaining("psql");
  }

  @Test
  void withoutBinariesATestIsSkippedUnlessPostgresIsRequired() {
    assertThatThrownBy(() -> PostgresServer.startOrSkip(Optional.empty(), null))
        .isInstanceOf(TestAbortedException.class).hasMessage(PostgresServer.NOT_FOUND);
    assertThatThrownBy(() -> PostgresServer.startOrSkip(Optional.empty(), "1"))
        .isInstanceOf(AssertionError.class).hasMessageContaining(PostgresServer.NOT_FOUND)
        .hasMessageContaining("ALERT_ROUTER_REQUIRE_POSTGRES=1");
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}

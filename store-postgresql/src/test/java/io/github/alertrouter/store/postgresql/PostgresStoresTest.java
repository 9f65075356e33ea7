package io.github.alertrouter.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Opening the PostgreSQL stores: migrations, credentials, what is shown of the URL. */
class PostgresStoresTest {
  private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-01T10:15:30Z"));
  /** Opening gives up at once: these tests open what cannot be reached. */
  private static final Duration FAIL_FAST = Duration.ofMillis(1);
  @RegisterExtension
  static final OnPostgres POSTGRES = new OnPostgres();

  @Test
  void instancesStartingTogetherMigrateTheSchemaOnce() throws Exception {
    String url = freshDatabase("racing_start");
    int instances = 4;
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    List<PostgresStores> opened = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<PostgresStores>> starts = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        starts.add(pool.submit(() -> {
          go.await();
          return PostgresStores.connect(url, CLOCK);
        }));
      }
      go.countDown();
      for (Future<PostgresStores> f : starts) {
        opened.add(f.get(60, TimeUnit.SECONDS));
      }
      opened.get(0).handoffs().claim("s", CLOCK.instant());
      assertThat(opened.get(3).handoffs().claim("s", CLOCK.instant())).as("one schema, shared").isFalse();
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM alert_router.schema_history WHERE version = '1' AND success")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
    } finally {
      opened.forEach(PostgresStores::close);
      pool.shutdownNow();
    }
  }

  @Test
  void aSecondStartFindsTheSchemaCurrentAndKeepsTheState() {
    String url = freshDatabase("restart");
    try (PostgresStores first = PostgresStores.connect(url, CLOCK)) {
      first.handoffs().claim("primary", CLOCK.instant());
    }
    try (PostgresStores again = PostgresStores.connect(url, CLOCK)) {
      assertThat(again.handoffs().claim("primary", CLOCK.instant())).isFalse();
    }
  }

  @Test
  void credentialsComeFromTheEnvironmentWhenTheUrlHasNone() {
    String url = "jdbc:postgresql://127.0.0.1:" + POSTGRES.server().port() + "/" + POSTGRES.server().database();
    try (PostgresStores stores = PostgresStores.connect(url, Map.of("PGUSER", POSTGRES.server().user()), CLOCK)) {
      assertThat(stores.bindings().find("alice", "dingtalk")).isEmpty();
    }
    assertThatThrownBy(() -> PostgresStores.connect(url, Map.of("PGUSER", "nobody_here"), CLOCK, FAIL_FAST))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect");
  }

  @Test
  void aPasswordIsNeverShown() throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closed + "/db?user=ops&password=Sup3rS3cret";
    assertThatThrownBy(() -> PostgresStores.connect(url, Map.of("PGPASSWORD", "EnvS3cret"), CLOCK, FAIL_FAST))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("127.0.0.1:" + closed)
        .hasMessageNotContaining("Sup3rS3cret")
        .hasMessageNotContaining("EnvS3cret");
    assertThat(JdbcUrls.redact(url)).isEqualTo("jdbc:postgresql://127.0.0.1:" + closed + "/db?user=ops&password=***");
    assertThat(JdbcUrls.redact("jdbc:postgresql://ops:pw@db:5432/a?sslmode=require&PASSWORD=x;password=y"))
        .isEqualTo("jdbc:postgresql://***@db:5432/a?sslmode=require&PASSWORD=***;password=***");
    assertThatThrownBy(() -> PostgresStores.connect("jdbc:mysql://db/x?password=p", CLOCK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("=p");
  }

  @Test
  void toStringShowsWhereButNotTheCredentials() {
    String url = POSTGRES.server().jdbcUrl() + "&password=NotNeeded1";
    try (PostgresStores stores = PostgresStores.connect(url, CLOCK)) {
      assertThat(stores.toString()).contains("127.0.0.1:" + POSTGRES.server().port()).doesNotContain("NotNeeded1");
    }
  }

  /** A new, empty database on the server, as a JDBC URL. */
  @Test
  void batchesSharingAlertsInOppositeOrdersNeverDeadlock() throws Exception {
    try (PostgresStores stores = PostgresStores.connect(freshDatabase("opposite_orders"), CLOCK)) {
      List<io.github.alertrouter.Alert> ascending = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        ascending.add(io.github.alertrouter.Alert.firing(Map.of("alertname", "A", "instance", "h" + i))
            .startsAt(CLOCK.instant()).endsAt(CLOCK.instant().plusSeconds(3600)).build());
      }
      List<io.github.alertrouter.Alert> descending = new ArrayList<>(ascending);
      java.util.Collections.reverse(descending);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        // two instances' webhooks updating the same alerts, listed in opposite orders
        List<Future<?>> writers = new ArrayList<>();
        for (List<io.github.alertrouter.Alert> order : List.of(ascending, descending)) {
          writers.add(pool.submit(() -> {
            for (int round = 0; round < 40; round++) {
              stores.alerts().receive(order, CLOCK.instant());
            }
            return null;
          }));
        }
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS); // a deadlock surfaces as a StoreException (SQL state 40P01)
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(stores.alerts().all()).hasSize(300);
    }
  }

  private static String freshDatabase(String name) {
    try (Connection c = DriverManager.getConnection(POSTGRES.server().jdbcUrl()); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return POSTGRES.server().jdbcUrl().replace("/" + POSTGRES.server().database() + "?", "/" + name + "?");
  }
}

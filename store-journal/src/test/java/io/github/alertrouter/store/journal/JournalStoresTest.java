package io.github.alertrouter.store.journal;

import static io.github.alertrouter.store.journal.EverySeam.T0;
import static io.github.alertrouter.store.journal.EverySeam.TWENTY_A_MINUTE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.store.AlertStore;
import io.github.alertrouter.store.RateWindows;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the journal keeps across a restart, a crash included, and how it fails. */
class JournalStoresTest {
  @TempDir
  Path dir;
  private ManualClock clock;
  private final List<JournalStores> opened = new ArrayList<>();

  @BeforeEach
  void clock() {
    clock = new ManualClock(T0);
  }

  @AfterEach
  void closeAll() {
    opened.forEach(JournalStores::close);
  }

  private JournalStores open() {
    JournalStores stores = JournalStores.open(dir, clock);
    opened.add(stores);
    return stores;
  }

  /** How a process ends before the next one opens the directory. */
  enum Stop {
    CLOSED(JournalStores::close),
    /** kill -9: nothing synced at the end, nothing compacted, the lock let go by the OS. */
    CRASHED(JournalStores::crash);

    final Consumer<JournalStores> stop;

    Stop(Consumer<JournalStores> stop) {
      this.stop = stop;
    }
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void whatEverySeamWasToldIsThereAfterARestart(Stop how) {
    JournalStores first = open();
    EverySeam.write(first);
    how.stop.accept(first);

    JournalStores second = open();
    EverySeam.assertKept(second);
    second.close();
    EverySeam.assertKept(open()); // and again, from the journal the second open compacted
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void aRestartCountsTheSendsInTheRobotsWindowSoItCannotExceedItsLimit(Stop how) {
    JournalStores first = open();
    RateWindows.Window window = first.rateWindows().window("robot", List.of(TWENTY_A_MINUTE));
    for (int i = 0; i < 18; i++) { // 20 a minute, less 10% headroom
      assertThat(window.tryAcquire(T0.plusSeconds(i))).isZero();
    }
    how.stop.accept(first);
    clock.advance(Duration.ofSeconds(30));

    RateWindows.Window after = open().rateWindows().window("robot", List.of(TWENTY_A_MINUTE));
    assertThat(after.available(T0.plusSeconds(30))).as("the window is full after the restart").isZero();
    assertThat(after.tryAcquire(T0.plusSeconds(30))).as("until the first send leaves it").isEqualTo(Duration.ofSeconds(30));
    assertThat(after.tryAcquire(T0.plusSeconds(60))).isZero();
  }

  @Test
  void sendsThatLeftTheWindowAndAnEndedPenaltyAreNotKept() throws IOException {
    JournalStores first = open();
    RateWindows.Window window = first.rateWindows().window("robot", List.of(TWENTY_A_MINUTE));
    window.tryAcquire(T0);
    window.penalise(T0.plusSeconds(30));
    first.close();
    clock.advance(Duration.ofMinutes(2));

    JournalStores second = open();
    assertThat(Files.readString(second.file())).as("compacted at open").doesNotContain("rates.");
    assertThat(second.rateWindows().window("robot", List.of(TWENTY_A_MINUTE)).available(clock.instant())).isEqualTo(18);
  }

  @Test
  void aUsedLinkExpiresByTheClockAcrossARestart() throws IOException {
    JournalStores first = open();
    first.usedTokens().markUsed("short", T0.plusSeconds(30));
    first.usedTokens().markUsed("long", T0.plus(Duration.ofHours(2)));
    first.close();
    clock.advance(Duration.ofSeconds(30));

    JournalStores second = open();
    assertThat(second.usedTokens().isUsed("short")).isFalse();
    assertThat(second.usedTokens().isUsed("long")).isTrue();
    assertThat(Files.readString(second.file())).as("an expired mark is not kept").doesNotContain("short")
        .contains("long");
  }

  @Test
  void aSecondOpenerOfTheDirectoryIsRefusedUntilTheFirstCloses() {
    JournalStores first = open();

    assertThatThrownBy(() -> JournalStores.open(dir, clock)).isInstanceOf(StoreException.class)
        .hasMessageContaining(dir + " is in use by another alert-router (pid " + ProcessHandle.current().pid() + ")")
        .hasMessageContaining(dir.resolve("lock").toString());
    first.alerts().receive(List.of(EverySeam.CPU), T0);
    assertThat(first.alerts().all()).as("the first one carries on").hasSize(1);

    first.close();
    assertThat(open().alerts().all()).hasSize(1);
  }

  @Test
  void aWriteThatFailsKeepsNothingAndMakesTheStoreUnreadyUntilAWriteSucceeds() {
    JournalStores stores = open();
    stores.alerts().receive(List.of(EverySeam.CPU), T0);
    stores.journal().failWrites = new IOException("No space left on device");

    assertThatThrownBy(() -> stores.alerts().receive(List.of(EverySeam.DISK), T0)).isInstanceOf(StoreException.class)
        .hasMessageContaining(stores.file().toString()).hasMessageContaining("No space left on device");
    assertThat(stores.alerts().all()).as("nothing of the batch").containsExactly(EverySeam.CPU);
    assertThatThrownBy(() -> stores.usedTokens().markUsed("n", T0.plusSeconds(60))).isInstanceOf(StoreException.class);
    assertThat(stores.usedTokens().isUsed("n")).as("a mark that could not be written is not taken").isFalse();
    assertThatThrownBy(() -> stores.alerts().probe()).as("readiness").isInstanceOf(StoreException.class);

    stores.journal().failWrites = null; // space again
    stores.alerts().receive(List.of(EverySeam.DISK), T0);
    stores.alerts().probe(); // ready again
    assertThat(stores.alerts().counts(T0)).isEqualTo(new AlertStore.Counts(2, 2));
    stores.crash();
    assertThat(open().alerts().all()).containsExactlyInAnyOrder(EverySeam.CPU, EverySeam.DISK);
  }

  @Test
  void afterAFailedFsyncNoChangeIsTakenUntilARestart() {
    JournalStores stores = open();
    stores.journal().failSyncs = new IOException("Input/output error");

    assertThatThrownBy(() -> stores.alerts().receive(List.of(EverySeam.CPU), T0)).isInstanceOf(StoreException.class)
        .hasMessageContaining("fsync failed (Input/output error)").hasMessageContaining("until the process restarts");
    stores.journal().failSyncs = null;
    assertThatThrownBy(() -> stores.notificationLog().forget("g")).as("not retried").isInstanceOf(StoreException.class)
        .hasMessageContaining("fsync failed");
    assertThatThrownBy(() -> stores.alerts().probe()).as("readiness").isInstanceOf(StoreException.class);

    stores.crash();
    JournalStores restarted = open();
    restarted.alerts().probe(); // ready
    assertThat(restarted.alerts().counts(T0)).as("a restart replays what reached the file").isNotNull();
  }

  @Test
  void concurrentChangesShareOneFsync() throws Exception {
    JournalStores stores = open();
    int callers = 8;
    // the first fsync waits until every caller's change is written (and applied): one fsync then covers them all
    stores.journal().beforeSync = () -> {
      while (stores.journal().syncs() == 0 && stores.alerts().all().size() < callers) {
        Thread.onSpinWait();
      }
    };
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        Alert alert = Alert.firing(Map.of("alertname", "A" + i)).startsAt(T0).build();
        calls.add(pool.submit(() -> stores.alerts().receive(List.of(alert), T0)));
      }
      for (Future<?> call : calls) {
        call.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(stores.journal().syncs()).as("fsyncs for %d changes", callers).isOne();
  }
}

package io.github.alertrouter.store.journal;

import static io.github.alertrouter.store.journal.Deliveries.json;
import static io.github.alertrouter.store.journal.Deliveries.notice;
import static io.github.alertrouter.store.journal.Deliveries.notification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.store.NotificationLog;
import io.github.alertrouter.store.Outbox;
import io.github.alertrouter.store.Receipt;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.time.ManualClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the journal's outbox keeps across a restart, a crash included: what was queued or out at
 * the crash comes back (in order, as it was), what ended does not, and a delivered end and its
 * notification-log record are kept together or not at all.
 */
class JournalOutboxTest {
  private static final String ROBOT = "ops#0123456789abcdef";
  private static final Instant DELIVERED_AT = Deliveries.AT.plusSeconds(3);

  @TempDir
  Path dir;
  private final ManualClock clock = new ManualClock(Deliveries.AT);
  private final List<JournalStores> opened = new ArrayList<>();

  @AfterEach
  void closeAll() {
    opened.forEach(JournalStores::close);
  }

  private JournalStores open() {
    return open(Journal.COMPACT_AT);
  }

  private JournalStores open(long compactAt) {
    JournalStores stores = JournalStores.open(dir, clock, compactAt);
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
  void whatWasQueuedComesBackInOrderAsItWasOnceTheNextProcessReloads(Stop how) {
    JournalStores first = open();
    List<Outbox.Entry> queued = List.of(notification("A", "g-a", "route\u0000A", "ops", outcome -> { }),
        notice("alice"), notification("B", null));
    queued.forEach(first.outbox().queue(ROBOT)::offer);
    first.outbox().queue("dba#fedcba9876543210").offer(notice("bob"));
    how.stop.accept(first);

    JournalStores second = open();
    assertThat(second.outbox().depth()).isEqualTo(4);
    Outbox.Queue queue = second.outbox().queue(ROBOT);
    assertThat(queue.size()).as("nothing waits until the process reloads: it sends from then on").isZero();
    List<Outbox.Entry> reloaded = queue.reload();
    assertThat(json(reloaded)).containsExactlyElementsOf(json(queued));
    assertThat(reloaded).extracting(Outbox.Entry::receipt).as("receipts die with their process").containsOnly(Receipt.NONE);
    assertThat(json(second.outbox().queue("dba#fedcba9876543210").reload())).containsExactlyElementsOf(json(List.of(notice("bob"))));
    second.close();

    JournalStores third = open(); // from the journal the second open compacted
    assertThat(json(third.outbox().queue(ROBOT).reload())).containsExactlyElementsOf(json(queued));
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void anEscalationNoticeComesBackNamingItsFiring(Stop how) {
    // the next router records the firing from it rather than firing the step a second time
    Outbox.Entry escalation = Deliveries.escalation("A");
    JournalStores first = open();
    first.outbox().queue(ROBOT).offer(escalation);
    how.stop.accept(first);

    JournalStores second = open();
    assertThat(second.outbox().queue(ROBOT).reload()).extracting(Outbox.Entry::step).containsExactly(escalation.step());
    second.close();
    JournalStores third = open(); // from the journal the second open compacted
    assertThat(third.outbox().queue(ROBOT).reload()).extracting(Outbox.Entry::step).containsExactly(escalation.step());
  }

  @ParameterizedTest
  @EnumSource(Stop.class)
  void anEntryOutAtTheStopComesBackAndEndedOnesDoNot(Stop how) {
    JournalStores first = open();
    Outbox.Queue queue = first.outbox().queue(ROBOT);
    Outbox.Entry gaveUp = notification("GaveUp", "g-1");
    Outbox.Entry delivered = notification("Delivered", "g-2");
    Outbox.Entry out = notification("Out", "g-3");
    Outbox.Entry waiting = notice("alice");
    List.of(gaveUp, delivered, out, waiting).forEach(queue::offer);
    queue.ended(List.of(queue.take()), Receipt.Outcome.GAVE_UP, DELIVERED_AT);
    queue.ended(List.of(queue.take()), Receipt.Outcome.DELIVERED, DELIVERED_AT);
    assertThat(queue.take().delivery()).as("its request out at the stop").isEqualTo(out.delivery());
    how.stop.accept(first);

    JournalStores second = open();
    assertThat(json(second.outbox().queue(ROBOT).reload())).containsExactlyElementsOf(json(List.of(out, waiting)));
    assertThat(second.outbox().depth()).isEqualTo(2);
    NotificationLog log = second.notificationLog();
    assertThat(log.get(delivered.delivered().group(), "ops")).isEqualTo(delivered.delivered().entry(DELIVERED_AT));
    assertThat(log.get(gaveUp.delivered().group(), "ops")).as("gave up: nothing recorded").isNull();
    assertThat(log.get(out.delivered().group(), "ops")).isNull();
  }

  @ParameterizedTest(name = "the end''s record cut short by the crash: {0}")
  @ValueSource(booleans = {false, true})
  void aDeliveredEndAndItsLogRecordAreOneRecordKeptOrLostTogether(boolean torn) throws IOException {
    JournalStores first = open();
    Outbox.Queue queue = first.outbox().queue(ROBOT);
    Outbox.Entry a = notification("A", "g-a");
    Outbox.Entry b = notification("B", "g-b");
    queue.offer(a);
    queue.offer(b);
    List<Outbox.Entry> digest = queue.takeNotifications();
    Path file = first.file();
    long before = Files.size(file);

    queue.ended(digest, Receipt.Outcome.DELIVERED, DELIVERED_AT);

    byte[] end = Arrays.copyOfRange(Files.readAllBytes(file), (int) before, (int) Files.size(file));
    JournalFormat.Record record = JournalFormat.decode(end, end.length - 1);
    assertThat(new String(end, StandardCharsets.UTF_8)).as("one line").containsOnlyOnce("\n");
    assertThat(record.type()).isEqualTo("outbox.end");
    assertThat(record.payload().get("log")).as("the log records ride in the end's").hasSize(2);
    first.crash();
    if (torn) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(before + end.length / 2);
      }
    }

    JournalStores second = open();
    NotificationLog log = second.notificationLog();
    if (torn) {
      assertThat(log.entries()).as("no log record without its end").isEmpty();
      assertThat(json(second.outbox().queue(ROBOT).reload())).as("sent again: a duplicate, never a loss")
          .containsExactlyElementsOf(json(List.of(a, b)));
    } else {
      assertThat(log.get(a.delivered().group(), "ops")).isEqualTo(a.delivered().entry(DELIVERED_AT));
      assertThat(log.get(b.delivered().group(), "ops")).isEqualTo(b.delivered().entry(DELIVERED_AT));
      assertThat(second.outbox().queue(ROBOT).reload()).as("no end without its log record").isEmpty();
    }
  }

  @Test
  void aReplacedEntryKeepsItsPlaceAcrossRestartsAndCompactions() {
    long bound = 32 * 1024; // a few entries: compacted every few dozen offers
    JournalStores first = open(bound);
    Outbox.Queue queue = first.outbox().queue(ROBOT);
    queue.offer(notification("A", "g-a"));
    queue.offer(notification("B", "g-b"));
    queue.offer(notice("alice"));
    queue.offer(notification("C", "g-c"));
    assertThat(json(List.of(queue.offer(notification("B1", "g-b"))))).as("the entry it replaced")
        .isEqualTo(json(List.of(notification("B", "g-b"))));
    first.crash();

    JournalStores second = open(bound);
    Outbox.Queue reopened = second.outbox().queue(ROBOT);
    assertThat(json(reopened.reload())).containsExactlyElementsOf(
        json(List.of(notification("A", "g-a"), notification("B1", "g-b"), notice("alice"), notification("C", "g-c"))));
    // what waits after the reload is replaced in its place too, in a journal compacted over and over
    Path file = second.file();
    int compactions = 0;
    for (int i = 0; i < 300; i++) {
      long size = fileSize(file);
      Outbox.Entry replaced = reopened.offer(notification("C" + i, "g-c"));
      assertThat(replaced).as("offer %d replaced the waiting one", i).isNotNull();
      compactions += fileSize(file) < size ? 1 : 0;
    }
    assertThat(compactions).as("compactions while it was replaced").isGreaterThan(3);
    reopened.offer(notification("D", "g-d"));
    second.crash();

    JournalStores third = open(bound);
    assertThat(json(third.outbox().queue(ROBOT).reload())).containsExactlyElementsOf(json(List.of(notification("A", "g-a"),
        notification("B1", "g-b"), notice("alice"), notification("C299", "g-c"), notification("D", "g-d"))));
  }

  @Test
  void entriesOfferedByThisProcessKeepTheirReceiptsUntilItLetsGo() {
    JournalStores first = open();
    first.outbox().queue(ROBOT).offer(notice("alice"));
    first.crash();

    JournalStores second = open();
    Outbox.Queue queue = second.outbox().queue(ROBOT);
    Receipt mine = outcome -> { };
    queue.offer(notification("A", "g-a", "g", "ops", mine));
    assertThat(queue.reload()).extracting(Outbox.Entry::receipt).containsExactly(Receipt.NONE, mine);

    assertThat(queue.release()).isEqualTo(2);
    assertThat(queue.reload()).extracting(Outbox.Entry::receipt).containsExactly(Receipt.NONE, Receipt.NONE);
  }

  @Test
  void anOfferOrAnEndThatCannotBeWrittenChangesNothing() {
    JournalStores stores = open();
    Outbox.Queue queue = stores.outbox().queue(ROBOT);
    Outbox.Entry a = notification("A", "g-a");
    queue.offer(a);
    Outbox.Entry taken = queue.take();
    stores.journal().failWrites = new IOException("No space left on device");

    assertThatThrownBy(() -> queue.offer(notice("alice"))).isInstanceOf(StoreException.class)
        .hasMessageContaining("No space left on device");
    assertThatThrownBy(() -> queue.ended(List.of(taken), Receipt.Outcome.DELIVERED, DELIVERED_AT))
        .isInstanceOf(StoreException.class);
    assertThat(stores.outbox().depth()).as("kept: sent again after the next reload").isOne();
    assertThat(stores.notificationLog().get(a.delivered().group(), "ops")).isNull();

    stores.journal().failWrites = null; // space again
    queue.ended(List.of(taken), Receipt.Outcome.DELIVERED, DELIVERED_AT);
    assertThat(stores.outbox().depth()).isZero();
    stores.crash();
    JournalStores reopened = open();
    assertThat(reopened.outbox().depth()).isZero();
    assertThat(reopened.notificationLog().get(a.delivered().group(), "ops")).isEqualTo(a.delivered().entry(DELIVERED_AT));
  }

  private static long fileSize(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}

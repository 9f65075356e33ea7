package io.github.alertrouter.store.journal;

import static io.github.alertrouter.store.journal.EverySeam.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.testkit.LogEvent;
import io.github.alertrouter.testkit.RecordedLogs;
import io.github.alertrouter.time.ManualClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/** A journal a crash cut short, damaged, or written by a newer version: what opening it does. */
class JournalFileTest {
  private static final Alert LATE = Alert.firing(Map.of("alertname", "Late")).startsAt(T0).build();

  @TempDir
  Path dir;
  private final ManualClock clock = new ManualClock(T0);
  private Path file;

  @BeforeEach
  void journalWithRecords() {
    RecordedLogs.clear();
    file = dir.resolve(Journal.FILE);
    JournalStores stores = JournalStores.open(dir, clock);
    EverySeam.write(stores);
    stores.crash(); // the records stay as appended, one line each
  }

  static List<Arguments> tornTails() {
    return List.of(
        Arguments.of("the last record half written", (UnaryOperator<byte[]>) line -> Arrays.copyOf(line, line.length / 2)),
        Arguments.of("the last record whole but its bytes not all there",
            (UnaryOperator<byte[]>) line -> flip(line, line.length / 2)),
        Arguments.of("zeros where the last block was to be (a power loss)", (UnaryOperator<byte[]>) line -> new byte[4096]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tornTails")
  void aRecordACrashCutShortIsDroppedWithAWarningAndTheRestIsKept(String what, UnaryOperator<byte[]> torn)
      throws IOException {
    JournalStores stores = JournalStores.open(dir, clock);
    long before = Files.size(file);
    stores.alerts().receive(List.of(LATE), T0); // the record the crash cuts
    stores.crash();
    byte[] late = Arrays.copyOfRange(Files.readAllBytes(file), (int) before, (int) Files.size(file));
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(before);
    }
    Files.write(file, torn.apply(late), StandardOpenOption.APPEND);

    try (JournalStores reopened = JournalStores.open(dir, clock)) {
      EverySeam.assertKept(reopened);
      assertThat(reopened.alerts().all()).doesNotContain(LATE);
      reopened.alerts().receive(List.of(LATE), T0); // appended after the cut, not after the junk
    }
    assertThat(RecordedLogs.atLeast(Level.WARN)).map(LogEvent::message).singleElement().asString()
        .contains("journal " + file + ": dropped its last record (line ").contains("A crash cut it short");
    try (JournalStores again = JournalStores.open(dir, clock)) {
      assertThat(again.alerts().all()).hasSize(3).contains(LATE);
    }
  }

  @Test
  void damageBeforeGoodRecordsIsRefusedNamingTheLineAndOffsetAndTheFileIsLeftAsItWas() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines).hasSizeGreaterThan(10);
    long offset = offsetOfLine(6);
    byte[] damaged = flip(Files.readAllBytes(file), (int) offset + 20);
    Files.write(file, damaged);

    assertThatThrownBy(() -> JournalStores.open(dir, clock)).isInstanceOf(StoreException.class)
        .hasMessageContaining("journal " + file + " is damaged at line 6 (byte offset " + offset + "): its checksum does not match")
        .hasMessageContaining("good records follow it")
        .hasMessageContaining("truncate -s " + offset + " " + file);
    assertThat(Files.readAllBytes(file)).as("not compacted, not cut").isEqualTo(damaged);

    // what the message says to do works, and the directory was let go of
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.truncate(offset);
    }
    try (JournalStores stores = JournalStores.open(dir, clock)) {
      assertThat(stores.alerts().all()).as("the records before line 6").isNotEmpty();
    }
  }

  @Test
  void aJournalOfANewerVersionIsRefused() throws IOException {
    int newerVersion = JournalFormat.VERSION + 1;
    String text = Files.readString(file);
    String newer = text.replaceFirst("\"version\":" + JournalFormat.VERSION, "\"version\":" + newerVersion);
    Files.writeString(file, newer);

    assertThatThrownBy(() -> JournalStores.open(dir, clock)).isInstanceOf(StoreException.class)
        .hasMessage("journal " + file + " was written by a newer alert-router (journal format " + newerVersion
            + "; this one reads up to " + JournalFormat.VERSION + "): run that version or a newer one, or move " + file
            + " aside to start empty");
    assertThat(Files.readString(file)).isEqualTo(newer);
  }

  @Test
  void aJournalOfVersion1BeforeTheOutboxOpensAndIsRewrittenAsThisVersion() throws IOException {
    // written by the build before the outbox (EverySeam.write of then, then a crash): records as appended
    try (InputStream v1 = JournalFileTest.class.getResourceAsStream("version-1.journal")) {
      Files.copy(v1, file, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(Files.readAllLines(file).get(0)).isEqualTo("{\"format\":\"alert-router-journal\",\"version\":1}");

    try (JournalStores stores = JournalStores.open(dir, clock)) {
      EverySeam.assertKeptByVersion1(stores);
      assertThat(stores.outbox().depth()).isZero();
      stores.outbox().queue(EverySeam.ROBOT_KEY).offer(Deliveries.notice("alice"));
    }
    assertThat(Files.readAllLines(file).get(0)).as("compacted at open")
        .isEqualTo("{\"format\":\"alert-router-journal\",\"version\":" + JournalFormat.VERSION + "}");
    try (JournalStores again = JournalStores.open(dir, clock)) {
      EverySeam.assertKeptByVersion1(again);
      assertThat(again.outbox().queue(EverySeam.ROBOT_KEY).reload()).hasSize(1);
    }
  }

  @Test
  void aRecordTypeThisVersionDoesNotKnowIsRefused() throws IOException {
    long offset = Files.size(file);
    Files.write(file, JournalFormat.line("inbox.take", Codec.object().put("robot", "r")), StandardOpenOption.APPEND);
    Files.write(file, JournalFormat.line("silences.remove", Codec.object().put("id", "x")), StandardOpenOption.APPEND);

    assertThatThrownBy(() -> JournalStores.open(dir, clock)).isInstanceOf(StoreException.class)
        .hasMessageContaining("byte offset " + offset + "): its record type \"inbox.take\" is unknown to this version");
  }

  @Test
  void aFileThatIsNotAJournalIsRefused() throws IOException {
    Files.writeString(file, "{\"version\":1,\"takenAt\":\"2026-03-01T10:00:00Z\"}\n");

    assertThatThrownBy(() -> JournalStores.open(dir, clock)).isInstanceOf(StoreException.class)
        .hasMessageContaining("journal " + file + " is damaged at line 1 (byte offset 0): the first line is not a journal header");
  }

  @Test
  void whatACompactionACrashCutShortLeftIsIgnored() throws IOException {
    Files.writeString(dir.resolve(Journal.FILE + ".tmp"), "{\"format\":\"alert-router-journal\",\"version\":1}\ngarb");

    try (JournalStores stores = JournalStores.open(dir, clock)) {
      EverySeam.assertKept(stores);
    }
    assertThat(dir.resolve(Journal.FILE + ".tmp")).doesNotExist();
  }

  private long offsetOfLine(int number) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      if (line == number) {
        return i;
      }
      if (bytes[i] == '\n') {
        line++;
      }
    }
    throw new IllegalStateException("no line " + number);
  }

  private static byte[] flip(byte[] bytes, int at) {
    byte[] copy = bytes.clone();
    copy[at] ^= 0x01;
    return copy;
  }
}

package io.github.alertrouter.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** This module's tests register {@link RecordingLogProvider}, so SLF4J records here. */
class RecordedLogsTest {
  private final Logger log = LoggerFactory.getLogger("io.github.alertrouter.testkit.Example");

  @BeforeEach
  void forget() {
    RecordedLogs.clear();
  }

  @Test
  void isSlf4jsProviderHere() {
    assertThat(RecordedLogs.isInstalled()).isTrue();
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(RecordingLogProvider.class);
  }

  @Test
  void recordsEveryLevelWithItsLoggerAndTheFormattedMessage() {
    log.trace("t {}", 1);
    log.debug("d {} {}", 1, 2);
    log.info("i {} {} {}", 1, 2, 3);
    log.warn("w");
    log.error("e {}", (Object) null);
    log.atDebug().setMessage("fluent {}").addArgument("x").log();

    assertThat(RecordedLogs.events()).extracting(LogEvent::level, LogEvent::logger, LogEvent::message).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Level.TRACE, "io.github.alertrouter.testkit.Example", "t 1"),
        org.assertj.core.groups.Tuple.tuple(Level.DEBUG, "io.github.alertrouter.testkit.Example", "d 1 2"),
        org.assertj.core.groups.Tuple.tuple(Level.INFO, "io.github.alertrouter.testkit.Example", "i 1 2 3"),
        org.assertj.core.groups.Tuple.tuple(Level.WARN, "io.github.alertrouter.testkit.Example", "w"),
        org.assertj.core.groups.Tuple.tuple(Level.ERROR, "io.github.alertrouter.testkit.Example", "e null"),
        org.assertj.core.groups.Tuple.tuple(Level.DEBUG, "io.github.alertrouter.testkit.Example", "fluent x"));
    assertThat(RecordedLogs.atLeast(Level.WARN)).extracting(LogEvent::message).containsExactly("w", "e null");
    assertThat(RecordedLogs.events()).allSatisfy(e -> assertThat(e.stackTrace()).isEmpty());
  }

  @Test
  void aThrowableIsRecordedAsItsWholeStackTraceCausesAndSuppressedIncluded() {
    IOException cause = new IOException("root cause text");
    IllegalStateException thrown = new IllegalStateException("outer text", cause);
    thrown.addSuppressed(new IllegalArgumentException("suppressed text"));

    log.warn("failed for {}", "robot-1", thrown); // the last argument is the throwable, as SLF4J defines

    LogEvent event = RecordedLogs.events().get(0);
    assertThat(event.message()).isEqualTo("failed for robot-1");
    assertThat(event.stackTrace()).contains(
        "java.lang.IllegalStateException: outer text",
        "Caused by: java.io.IOException: root cause text",
        "Suppressed: java.lang.IllegalArgumentException: suppressed text",
        "at io.github.alertrouter.testkit.RecordedLogsTest");
    assertThat(event.text()).startsWith("WARN io.github.alertrouter.testkit.Example - failed for robot-1\n")
        .contains("root cause text");
    assertThat(event.thread()).isEqualTo(Thread.currentThread().getName());
  }

  @Test
  void clearForgetsAndTheNewestEventsAreKept() {
    log.info("before");
    RecordedLogs.clear();
    assertThat(RecordedLogs.events()).isEmpty();

    for (int i = 0; i < RecordedLogs.MAX_EVENTS + 3; i++) {
      log.debug("event {}", i);
    }

    assertThat(RecordedLogs.events()).hasSize(RecordedLogs.MAX_EVENTS);
    assertThat(RecordedLogs.events().get(0).message()).isEqualTo("event 3");
    assertThat(RecordedLogs.dropped()).isEqualTo(3);
    RecordedLogs.clear();
    assertThat(RecordedLogs.dropped()).isZero();
  }
}

package io.github.alertrouter.testkit;

import java.util.Objects;
import org.slf4j.event.Level;

/**
 * One logging call recorded by {@link RecordedLogs}: what an appender would have written, as text.
 * Immutable and thread-safe.
 *
 * @param level the level it was logged at
 * @param logger the logger's name (usually the class that logged)
 * @param message the message with its {@code {}} placeholders filled in
 * @param stackTrace the throwable's full stack trace as {@link Throwable#printStackTrace()} prints
 *     it (messages, causes and suppressed exceptions included), or {@code ""} when none was logged
 * @param thread the name of the thread that logged
 */
public record LogEvent(Level level, String logger, String message, String stackTrace, String thread) {
  /** @throws NullPointerException if a component is null */
  public LogEvent {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(logger, "logger");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(stackTrace, "stackTrace");
    Objects.requireNonNull(thread, "thread");
  }

  /** Everything an appender would print for this event: level, logger, message and stack trace. */
  public String text() {
    return level + " " + logger + " - " + message + (stackTrace.isEmpty() ? "" : "\n" + stackTrace);
  }

  @Override
  public String toString() {
    return text();
  }
}

package io.github.alertrouter.testkit;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that records every call, at every level, into {@link RecordedLogs}. The message is
 * formatted and the throwable printed at the call, as an appender would, so a later change to a
 * logged object cannot hide what was written. Thread-safe.
 */
final class RecordingLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  RecordingLogger(String name) {
    this.name = name;
  }

  // every level is on: a secret logged at debug or trace is still a leak once someone turns it on
  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
      Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    RecordedLogs.record(new LogEvent(level, name, String.valueOf(message), stackTrace(throwable),
        Thread.currentThread().getName()));
  }

  static String stackTrace(Throwable throwable) {
    if (throwable == null) {
      return "";
    }
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      throwable.printStackTrace(out);
    }
    return text.toString();
  }
}

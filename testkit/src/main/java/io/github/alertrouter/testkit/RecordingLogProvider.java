package io.github.alertrouter.testkit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J 2.x provider that keeps every logging call in memory, at every level, for {@link
 * RecordedLogs} to read. Test-only, and deliberately <b>not</b> registered by this jar (which ships
 * inside the CLI): a test module opts in by listing this class in its own {@code
 * src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider}, and must then have no
 * other provider (slf4j-nop, slf4j-simple, logback) on its test class path. Thread-safe.
 */
public final class RecordingLogProvider implements SLF4JServiceProvider, ILoggerFactory {
  /** The SLF4J API version this provider is written against, as SLF4J asks providers to say. */
  public static final String REQUESTED_API_VERSION = "2.0.99";

  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final MDCAdapter mdc = new BasicMDCAdapter();

  /** Called by {@link java.util.ServiceLoader}. */
  public RecordingLogProvider() {}

  @Override
  public ILoggerFactory getLoggerFactory() {
    return this;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, RecordingLogger::new);
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return REQUESTED_API_VERSION;
  }

  @Override
  public void initialize() {
    // nothing to set up: loggers are made on demand
  }
}

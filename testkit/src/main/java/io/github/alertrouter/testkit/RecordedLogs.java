package io.github.alertrouter.testkit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * What was logged through SLF4J in this JVM, when {@link RecordingLogProvider} is SLF4J's provider:
 * read it with {@link #events()}, forget it with {@link #clear()} (at the start of each test). The
 * newest {@value #MAX_EVENTS} events are kept, so a long test run cannot exhaust memory; {@link
 * #dropped()} counts the others.
 *
 * <p>Setup, per test module: list {@code io.github.alertrouter.testkit.RecordingLogProvider} in
 * {@code src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider} and keep other
 * providers off the test class path. {@link #requireInstalled()} says so loudly when that was
 * missed, so a test cannot pass on an empty record because nothing was recording.
 *
 * <p>Process-wide, like SLF4J itself: events from every thread land here, in the order they were
 * logged. Thread-safe.
 */
public final class RecordedLogs {
  /** How many events are kept; older ones are dropped first. */
  public static final int MAX_EVENTS = 10_000;

  private static final Deque<LogEvent> EVENTS = new ArrayDeque<>(); // guarded by EVENTS
  private static long dropped; // guarded by EVENTS

  private RecordedLogs() {}

  /** Whether SLF4J's provider in this JVM is {@link RecordingLogProvider}. */
  public static boolean isInstalled() {
    return LoggerFactory.getILoggerFactory() instanceof RecordingLogProvider;
  }

  /**
   * Checks that logging is being recorded here.
   *
   * @throws IllegalStateException when SLF4J bound another provider (or none), or when more than
   *     one is on the class path, naming them and the fix
   */
  public static void requireInstalled() {
    List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader())
        .stream().map(p -> p.type().getName()).toList();
    if (providers.size() > 1) {
      // SLF4J would pick one and print a warning few read: a test run that logs elsewhere checks nothing
      throw new IllegalStateException("the test class path has " + providers.size() + " SLF4J providers " + providers
          + "; keep only " + RecordingLogProvider.class.getName() + " (remove slf4j-nop, slf4j-simple, logback-classic"
          + " from the test dependencies)");
    }
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof RecordingLogProvider)) {
      throw new IllegalStateException("logs are not being recorded: SLF4J's logger factory is "
          + factory.getClass().getName() + ", not " + RecordingLogProvider.class.getName()
          + ". List " + RecordingLogProvider.class.getName()
          + " in src/test/resources/META-INF/services/org.slf4j.spi.SLF4JServiceProvider of this module and"
          + " remove other SLF4J providers (slf4j-nop, slf4j-simple, logback-classic) from its test class path");
    }
  }

  /**
   * Every event recorded since the last {@link #clear()}, oldest first.
   *
   * @throws IllegalStateException when nothing is recording (see {@link #requireInstalled()})
   */
  public static List<LogEvent> events() {
    requireInstalled();
    synchronized (EVENTS) {
      return List.copyOf(EVENTS);
    }
  }

  /** The recorded events at {@code level} or more severe ({@code WARN} gives warnings and errors). */
  public static List<LogEvent> atLeast(Level level) {
    return events().stream().filter(e -> e.level().toInt() >= level.toInt()).toList();
  }

  /** Every recorded event as an appender would print it, one after another: for assertion messages. */
  public static String text() {
    return events().stream().map(LogEvent::text).collect(Collectors.joining("\n"));
  }

  /** Events dropped since the last {@link #clear()} because more than {@value #MAX_EVENTS} were logged. */
  public static long dropped() {
    synchronized (EVENTS) {
      return dropped;
    }
  }

  /** Forgets every recorded event. */
  public static void clear() {
    synchronized (EVENTS) {
      EVENTS.clear();
      dropped = 0;
    }
  }

  static void record(LogEvent event) {
    synchronized (EVENTS) {
      if (EVENTS.size() == MAX_EVENTS) {
        EVENTS.removeFirst();
        dropped++;
      }
      EVENTS.addLast(event);
    }
  }
}

package io.github.alertrouter.binding;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * A {@link VerificationSender} for demos and tests: it sends nothing, logs {@code sent a
 * verification code to 138****0001} (the number masked, never the code), and keeps the last code
 * per number in memory so a demo page or a test can show it: {@link #lastCode(String)}. Never use
 * it in production. Thread-safe.
 */
public final class LoggingVerificationSender implements VerificationSender {
  private final ConcurrentMap<String, VerificationCode> lastCodes = new ConcurrentHashMap<>();
  private final Consumer<String> log;

  /** Logs at INFO through SLF4J. */
  public LoggingVerificationSender() {
    this(LoggerFactory.getLogger(LoggingVerificationSender.class)::info);
  }

  /** Writes each log line to {@code log} (a console, a test's list). */
  public LoggingVerificationSender(Consumer<String> log) {
    this.log = Objects.requireNonNull(log, "log");
  }

  @Override
  public void send(String mobile, VerificationCode code, Instant expiresAt) {
    lastCodes.put(mobile, code);
    log.accept("sent a verification code to " + MaskedMobile.of(mobile) + ", valid until " + expiresAt);
  }

  /** The last code sent to {@code mobile} (normalised), if any. */
  public Optional<VerificationCode> lastCode(String mobile) {
    return Optional.ofNullable(lastCodes.get(mobile));
  }

  @Override
  public String toString() {
    return "LoggingVerificationSender[" + lastCodes.size() + " numbers]";
  }
}

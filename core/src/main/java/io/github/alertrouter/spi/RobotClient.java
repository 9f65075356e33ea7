package io.github.alertrouter.spi;

/**
 * Sends messages to one robot: signs each request as the platform requires and classifies the
 * answer. One attempt per call: retrying, rate limiting and digests are the dispatcher's job.
 * Implementations are thread-safe and never throw for a platform or network failure.
 */
public interface RobotClient {
  /** Sends one message (signed afresh) and classifies the answer. */
  SendResult send(OutboundMessage message);
}

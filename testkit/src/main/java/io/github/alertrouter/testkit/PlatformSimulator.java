package io.github.alertrouter.testkit;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.time.ManualClock;
import java.util.List;

/**
 * An in-process stand-in for one chat platform's robot webhook service, listening on
 * {@code 127.0.0.1}: it checks requests the way the platform documents, answers in its shape, and
 * records what a chat would show. Time-dependent rules (signature windows, rate limits) follow the
 * {@link java.time.Clock} the simulator was started with, so tests drive them with a {@link
 * ManualClock}. Implementations are thread-safe.
 */
public interface PlatformSimulator extends AutoCloseable {
  /**
   * Registers a robot and returns it with its webhook pointing at this simulator, ready to hand to
   * a platform client.
   *
   * @param id the robot's id, unique in this simulator
   * @param secret the signing secret, or {@code null} for an unsigned robot
   * @param keywords words of which every message must contain at least one; none for no keyword
   *     check. The returned robot's {@link Robot#keyword()} is the first.
   * @throws IllegalArgumentException when the id is taken, or the platform does not support the
   *     requested security settings
   */
  Robot robot(String id, String secret, String... keywords);

  /** Every accepted message, oldest first. */
  List<ReceivedMessage> received();

  /** The messages accepted for one robot, oldest first. */
  List<ReceivedMessage> received(String robotId);

  /** Every refused request (and injected fault), oldest first. */
  List<RejectedMessage> rejected();

  /**
   * Answers the next {@code n} requests (to any robot) with {@code fault} instead of handling them;
   * queued after faults already pending.
   */
  void failNext(int n, Fault fault);

  /** Forgets received and rejected messages and pending faults; robots and rate-limit state stay. */
  void clear();

  /** Stops listening. */
  @Override
  void close();
}

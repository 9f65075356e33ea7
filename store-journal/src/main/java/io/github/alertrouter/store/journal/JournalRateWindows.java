package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.store.RateWindows;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rate windows: core's in-memory windows, with each send and each platform penalty journaled, so
 * that a restart counts what the robot sent in its window (and waits out a penalty) instead of
 * starting with a full window: the platform counted those messages and would ban the robot for a
 * burst. Each send record carries its window's longest period, so that replay and compaction know
 * how long to keep it before the router names the robot's limits again; compaction keeps the
 * sends still inside it and a penalty that has not ended, by the clock.
 */
final class JournalRateWindows implements RateWindows, Seam {
  private static final String SEND = "rates.send";
  private static final String PENALTY = "rates.penalty";

  private final RateWindows memory = RateWindows.inMemory();
  private final Map<String, Robot> robots = new ConcurrentHashMap<>();
  private final Journal journal;
  private final Clock clock;

  JournalRateWindows(Journal journal, Clock clock) {
    this.journal = journal;
    this.clock = clock;
  }

  /** What a restart needs of one robot: its sends within its window, its penalty. Changed under the journal's lock. */
  private static final class Robot {
    final Deque<Instant> sends = new ArrayDeque<>();
    Duration keep = Duration.ZERO;
    Instant penalty;
    volatile Window window; // from the router's first call for the robot on

    void sent(Instant at, Duration keep) {
      if (keep.compareTo(this.keep) > 0) {
        this.keep = keep;
      }
      sends.addLast(at);
      forgetBefore(at);
    }

    /** Drops the sends that no longer count at {@code now}: they left the longest window. */
    void forgetBefore(Instant now) {
      while (!sends.isEmpty() && !sends.peekFirst().plus(keep).isAfter(now)) {
        sends.removeFirst();
      }
    }
  }

  @Override
  public Window window(String robotKey, List<RateLimit> limits) {
    Robot robot = robots.computeIfAbsent(robotKey, k -> new Robot());
    Window known = robot.window;
    if (known != null) {
      return known;
    }
    Duration keep = limits.stream().map(RateLimit::period).max(Duration::compareTo).orElse(Duration.ZERO);
    return journal.change(tx -> {
      if (robot.window == null) {
        Window window = memory.window(robotKey, limits);
        // what went before the restart counts again, as the platform still counts it
        robot.sends.forEach(window::recordSend);
        if (robot.penalty != null) {
          window.penalise(robot.penalty);
        }
        robot.window = new Journaled(robotKey, robot, window, keep);
      }
      return robot.window;
    });
  }

  /** One robot's window: reads from memory, sends and penalties journaled before they count. */
  private final class Journaled implements Window {
    private final String robotKey;
    private final Robot robot;
    private final Window window;
    private final Duration keep;

    Journaled(String robotKey, Robot robot, Window window, Duration keep) {
      this.robotKey = robotKey;
      this.robot = robot;
      this.window = window;
      this.keep = keep;
    }

    @Override
    public int available(Instant now) {
      return window.available(now);
    }

    @Override
    public Duration waitTime(Instant now) {
      return window.waitTime(now);
    }

    @Override
    public Instant penaltyEnds(Instant now) {
      return window.penaltyEnds(now);
    }

    @Override
    public void recordSend(Instant now) {
      byte[] line = JournalFormat.line(SEND, send(robotKey, now, keep));
      journal.change(tx -> {
        tx.append(line);
        window.recordSend(now);
        robot.sent(now, keep);
        return null;
      });
    }

    @Override
    public Duration tryAcquire(Instant now) {
      byte[] line = JournalFormat.line(SEND, send(robotKey, now, keep));
      // every change of this window takes the journal's lock: the wait and the send are one step
      return journal.change(tx -> {
        Duration wait = window.waitTime(now);
        if (wait.isZero()) {
          tx.append(line);
          window.recordSend(now);
          robot.sent(now, keep);
        }
        return wait;
      });
    }

    @Override
    public void penalise(Instant until) {
      byte[] line = JournalFormat.line(PENALTY, penalty(robotKey, until));
      journal.change(tx -> {
        if (robot.penalty == null || until.isAfter(robot.penalty)) { // a shorter one changes nothing
          tx.append(line);
          window.penalise(until);
          robot.penalty = until;
        }
        return null;
      });
    }
  }

  private static ObjectNode send(String robotKey, Instant at, Duration keep) {
    ObjectNode payload = Codec.object().put("robot", robotKey);
    Codec.put(payload, "at", at);
    return payload.put("keep", keep.toString());
  }

  private static ObjectNode penalty(String robotKey, Instant until) {
    ObjectNode payload = Codec.object().put("robot", robotKey);
    Codec.put(payload, "until", until);
    return payload;
  }

  @Override
  public String name() {
    return "rates";
  }

  @Override
  public void replay(String type, JsonNode p) {
    Robot robot = robots.computeIfAbsent(Codec.text(p, "robot"), k -> new Robot());
    switch (type) {
      case SEND -> robot.sent(Codec.instant(p, "at"), Duration.parse(Codec.text(p, "keep")));
      case PENALTY -> {
        Instant until = Codec.instant(p, "until");
        if (robot.penalty == null || until.isAfter(robot.penalty)) {
          robot.penalty = until;
        }
      }
      default -> throw new IllegalArgumentException("unknown record type " + type);
    }
  }

  @Override
  public void writeState(Sink out) throws IOException {
    Instant now = clock.instant();
    for (Map.Entry<String, Robot> entry : robots.entrySet()) {
      Robot robot = entry.getValue();
      robot.forgetBefore(now);
      for (Instant at : robot.sends) {
        out.write(SEND, send(entry.getKey(), at, robot.keep));
      }
      if (robot.penalty != null && robot.penalty.isAfter(now)) {
        out.write(PENALTY, penalty(entry.getKey(), robot.penalty));
      }
    }
  }
}

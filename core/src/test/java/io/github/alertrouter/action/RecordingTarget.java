package io.github.alertrouter.action;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake {@link ActionTarget} that records each call as text; can be told to fail. Thread-safe. */
final class RecordingTarget implements ActionTarget {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile RuntimeException failWith;
  /** What each call answers: whether there was something to do. */
  volatile boolean changes = true;

  @Override
  public boolean acknowledge(String groupKey, String who) {
    return record("acknowledge " + groupKey + " by " + who);
  }

  @Override
  public boolean unacknowledge(String groupKey, String who) {
    return record("unacknowledge " + groupKey + " by " + who);
  }

  @Override
  public boolean resolve(String groupKey, String who) {
    return record("resolve " + groupKey + " by " + who);
  }

  @Override
  public boolean silence(String groupKey, Duration duration, String who) {
    return record("silence " + groupKey + " for " + duration + " by " + who);
  }

  private boolean record(String call) {
    if (failWith != null) {
      throw failWith;
    }
    calls.add(call);
    return changes;
  }
}

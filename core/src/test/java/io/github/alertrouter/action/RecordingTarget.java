package io.github.alertrouter.action;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fake {@link ActionTarget} that records each call as text; can be told to fail. Thread-safe. */
final class RecordingTarget implements ActionTarget {
  final List<String> calls = new CopyOnWriteArrayList<>();
  volatile RuntimeException failWith;

  @Override
  public String acknowledge(String groupKey, String who) {
    return record("acknowledge " + groupKey + " by " + who);
  }

  @Override
  public String unacknowledge(String groupKey, String who) {
    return record("unacknowledge " + groupKey + " by " + who);
  }

  @Override
  public String resolve(String groupKey, String who) {
    return record("resolve " + groupKey + " by " + who);
  }

  @Override
  public String silence(String groupKey, Duration duration, String who) {
    return record("silence " + groupKey + " for " + duration + " by " + who);
  }

  private String record(String call) {
    if (failWith != null) {
      throw failWith;
    }
    calls.add(call);
    return "Done: " + call;
  }
}

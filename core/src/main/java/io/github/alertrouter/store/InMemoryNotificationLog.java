package io.github.alertrouter.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link NotificationLog} in a concurrent map; each group's robots in a small map it locks alone. */
final class InMemoryNotificationLog implements NotificationLog {
  private final ConcurrentHashMap<String, Map<String, Entry>> groups = new ConcurrentHashMap<>();

  @Override
  public Entry get(String group, String robotId) {
    Map<String, Entry> robots = groups.get(group);
    if (robots == null) {
      return null;
    }
    synchronized (robots) {
      return robots.get(robotId);
    }
  }

  @Override
  public void record(String group, String robotId, Entry entry) {
    Objects.requireNonNull(robotId, "robotId");
    Objects.requireNonNull(entry, "entry");
    groups.compute(group, (key, robots) -> {
      Map<String, Entry> map = robots != null ? robots : new HashMap<>();
      synchronized (map) {
        Entry previous = map.get(robotId);
        if (previous == null || !previous.at().isAfter(entry.at())) {
          map.put(robotId, entry);
        }
      }
      return map;
    });
  }

  @Override
  public void forget(String group) {
    groups.remove(group);
  }

  @Override
  public Map<String, Map<String, Entry>> entries() {
    Map<String, Map<String, Entry>> copy = new HashMap<>();
    groups.forEach((group, robots) -> {
      synchronized (robots) {
        copy.put(group, Map.copyOf(robots));
      }
    });
    return copy;
  }

  @Override
  public String toString() {
    return "InMemoryNotificationLog[" + groups.size() + " groups]";
  }
}

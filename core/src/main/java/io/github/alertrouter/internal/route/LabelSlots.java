package io.github.alertrouter.internal.route;

import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the label names a routing tree's conditions mention, so that an alert's labels are read
 * once per decision into an array and every condition and index after that is an array access
 * instead of a map lookup (the alert's map is usually a {@code TreeMap}, where each lookup costs
 * several string comparisons). Immutable and thread-safe.
 */
public final class LabelSlots {
  private final Map<String, Integer> slots;

  private LabelSlots(Map<String, Integer> slots) {
    this.slots = Map.copyOf(slots);
  }

  /** Collects names; not thread-safe. */
  public static final class Builder {
    private final Map<String, Integer> slots = new HashMap<>();

    public Builder add(String name) {
      slots.putIfAbsent(name, slots.size());
      return this;
    }

    public LabelSlots build() {
      return new LabelSlots(slots);
    }
  }

  /** The slot of a label name that was added. */
  public int slot(String name) {
    Integer s = slots.get(name);
    if (s == null) {
      throw new IllegalArgumentException("label name was not registered: " + name);
    }
    return s;
  }

  public int size() {
    return slots.size();
  }

  /**
   * The alert's values by slot; {@code null} where the alert lacks the label. Labels no condition
   * mentions are skipped.
   */
  public String[] read(Map<String, String> labels) {
    String[] values = new String[slots.size()];
    for (Map.Entry<String, String> label : labels.entrySet()) {
      Integer s = slots.get(label.getKey());
      if (s != null) {
        values[s] = label.getValue();
      }
    }
    return values;
  }
}

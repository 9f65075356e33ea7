package io.github.alertrouter.gotemplate;

import io.github.alertrouter.internal.text.GoStrings;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a policy's Go template sees as dot: Alertmanager's {@code template.Data} ({@link AmData})
 * plus alert-router's own values under lower-case names ({@code .mentions}, {@code .reason},
 * {@code .links}, ...). A Go struct can only show exported (upper-case) fields to a template, so no
 * field Alertmanager has or adds can clash with ours. Immutable.
 *
 * @param data Alertmanager's data
 * @param extras our values by their lower-case names: strings, numbers, booleans, and lists and
 *     maps of them, as a mustache template's context has them
 * @param senderFields fields another sender's data type has beyond Alertmanager's, by name
 *     (prometheus-webhook-dingtalk's {@code .AtMobiles}), so its users' templates still evaluate
 */
public record MessageData(AmData data, Map<String, Object> extras, Map<String, Object> senderFields)
    implements GoValue {
  /** Alertmanager's data and our values. */
  public MessageData(AmData data, Map<String, Object> extras) {
    this(data, extras, Map.of());
  }

  /** Copies {@code extras} into Go values (an {@code int} becomes Go's int, maps go in key order). */
  public MessageData {
    senderFields = Map.copyOf(senderFields);
    TreeMap<String, Object> copy = new TreeMap<>(GoStrings::compare);
    extras.forEach((k, v) -> {
      if (!k.isEmpty() && Character.isLowerCase(k.charAt(0))) {
        copy.put(k, goValue(v));
      }
    });
    extras = java.util.Collections.unmodifiableMap(copy);
  }

  private static Object goValue(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Map<?, ?> m) {
      TreeMap<String, Object> copy = new TreeMap<>(GoStrings::compare);
      m.forEach((k, e) -> copy.put(String.valueOf(k), goValue(e)));
      return java.util.Collections.unmodifiableMap(copy);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(MessageData::goValue).toList();
    }
    return v;
  }

  @Override
  public String goType() {
    return data.goType();
  }

  @Override
  public Object field(String name) {
    Object f = data.field(name);
    if (f != NO_FIELD) {
      return f;
    }
    if (senderFields.containsKey(name)) {
      return senderFields.get(name);
    }
    return extras.containsKey(name) ? extras.get(name) : NO_FIELD;
  }

  @Override
  public void formatV(StringBuilder b) {
    data.formatV(b);
  }
}

package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.GoFunc.Kind;
import io.github.alertrouter.internal.text.GoStrings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Alertmanager's {@code template.KV} (a {@code map[string]string}) with its methods
 * {@code SortedPairs}, {@code Names}, {@code Values} and {@code Remove}. Immutable.
 *
 * @param map the entries, kept in Go's string order
 */
public record Kv(Map<String, String> map) implements GoValue {
  /** Copies {@code map} into Go's key order. */
  public Kv {
    TreeMap<String, String> sorted = new TreeMap<>(GoStrings::compare);
    sorted.putAll(map);
    map = Collections.unmodifiableMap(sorted);
  }

  @Override
  public String goType() {
    return "template.KV";
  }

  @Override
  public Map<String, ?> asMap() {
    return map;
  }

  @Override
  public Object mapZero() {
    return "";
  }

  @Override
  public void formatV(StringBuilder b) {
    GoFmt.formatV(b, map);
  }

  @Override
  public GoFunc method(String name) {
    return switch (name) {
      case "SortedPairs" -> GoFunc.of(name, a -> sortedPairs());
      case "Names" -> GoFunc.of(name, a -> sortedPairs().names());
      case "Values" -> GoFunc.of(name, a -> sortedPairs().values());
      case "Remove" -> GoFunc.of(name, a -> remove(strings(a.get(0))), Kind.STRINGS);
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object v) {
    return v == null ? List.of() : (List<String>) v;
  }

  /** The pairs sorted by name, {@code alertname} first (as Alertmanager sorts them). */
  public Pairs sortedPairs() {
    List<Pair> pairs = new ArrayList<>(map.size());
    String alertname = map.get("alertname");
    if (alertname != null) {
      pairs.add(new Pair("alertname", alertname));
    }
    map.forEach((k, v) -> {
      if (!k.equals("alertname")) {
        pairs.add(new Pair(k, v));
      }
    });
    return new Pairs(pairs);
  }

  /** A copy without the given names. */
  public Kv remove(List<String> names) {
    TreeMap<String, String> copy = new TreeMap<>(GoStrings::compare);
    copy.putAll(map);
    names.forEach(copy::remove);
    return new Kv(copy);
  }
}

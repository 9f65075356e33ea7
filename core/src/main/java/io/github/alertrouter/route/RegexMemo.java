package io.github.alertrouter.route;

import com.google.re2j.Pattern;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers a regex's verdict per label value. Label values repeat a lot (severities, teams,
 * clusters), and a regex match allocates a {@code Matcher} and is many times slower than a hash
 * lookup; Alertmanager keeps the same kind of per-matcher cache. Unlike Alertmanager's it is
 * bounded: once full it stops remembering, so high-cardinality values cannot grow memory.
 * Thread-safe.
 */
final class RegexMemo {
  static final int MAX_ENTRIES = 1024;
  private static final int MAX_VALUE_LENGTH = 256;

  private final Pattern pattern;
  private final ConcurrentHashMap<String, Boolean> verdicts = new ConcurrentHashMap<>();

  RegexMemo(Pattern pattern) {
    this.pattern = pattern;
  }

  boolean matches(String value) {
    Boolean known = verdicts.get(value);
    if (known != null) {
      return known;
    }
    boolean verdict = pattern.matcher(value).matches();
    // size() is approximate under contention; overshooting the bound a little is harmless
    if (verdicts.size() < MAX_ENTRIES && value.length() <= MAX_VALUE_LENGTH) {
      verdicts.put(value, verdict);
    }
    return verdict;
  }
}

package io.github.alertrouter.gotemplate;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.alertrouter.gotemplate.GoFunc.CallError;
import io.github.alertrouter.gotemplate.GoFunc.Kind;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The functions prometheus-webhook-dingtalk gives its templates beyond Alertmanager's: its own
 * {@code markdown} (a backslash before {@code _ * `}), and the part of the Sprig library its users'
 * templates call ({@code upper}, {@code default}, {@code add}, {@code split}, {@code date}, ...),
 * with Sprig's argument order and conversions. Left out on purpose: {@code now} (a message must
 * not depend on when it is rendered, and the router's clock is injected), {@code env} and
 * {@code expandenv} (an alert template must not read the process's secrets), and the rest of
 * Sprig nobody puts in an alert message. {@code date} uses UTC for Go's local zone (the process's
 * zone is not part of the config): call {@code dateInZone} with the zone you mean.
 */
final class WebhookDingtalkFunctions {
  private WebhookDingtalkFunctions() {}

  static final Map<String, GoFunc> ALL = build();

  private static Map<String, GoFunc> build() {
    Map<String, GoFunc> m = new HashMap<>();
    put(m, GoFunc.of("markdown", a -> markdown((String) a.get(0)), Kind.STRING));
    put(m, GoFunc.of("upper", a -> AmFunctions.mapRunes((String) a.get(0), true), Kind.STRING));
    put(m, GoFunc.of("lower", a -> AmFunctions.mapRunes((String) a.get(0), false), Kind.STRING));
    put(m, GoFunc.of("trim", a -> trimSpace((String) a.get(0)), Kind.STRING));
    put(m, GoFunc.of("trimAll", a -> trimCutset((String) a.get(1), (String) a.get(0)), Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("trimPrefix", a -> {
      String p = (String) a.get(0);
      String s = (String) a.get(1);
      return s.startsWith(p) ? s.substring(p.length()) : s;
    }, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("trimSuffix", a -> {
      String p = (String) a.get(0);
      String s = (String) a.get(1);
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    }, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("replace", a -> replace((String) a.get(2), (String) a.get(0), (String) a.get(1)),
        Kind.STRING, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("contains", a -> ((String) a.get(1)).contains((String) a.get(0)), Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("hasPrefix", a -> ((String) a.get(1)).startsWith((String) a.get(0)), Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("hasSuffix", a -> ((String) a.get(1)).endsWith((String) a.get(0)), Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("repeat", a -> repeat((Long) a.get(0), (String) a.get(1)), Kind.INT, Kind.STRING));
    put(m, GoFunc.of("splitList", a -> split((String) a.get(0), (String) a.get(1)), Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("split", a -> {
      Map<String, Object> parts = new TreeMap<>(io.github.alertrouter.internal.text.GoStrings::compare);
      List<String> list = split((String) a.get(0), (String) a.get(1));
      for (int i = 0; i < list.size(); i++) {
        parts.put("_" + i, list.get(i));
      }
      return parts;
    }, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("toString", a -> strval(a.get(0)), Kind.ANY));
    put(m, GoFunc.variadic("cat", Kind.ANY, a -> join(a, " ", false)));
    put(m, GoFunc.variadic("quote", Kind.ANY, a -> join(a, " ", true)));
    put(m, GoFunc.variadic("squote", Kind.ANY, a -> {
      List<String> out = new ArrayList<>();
      a.forEach(v -> {
        if (v != null) {
          out.add("'" + strval(v) + "'");
        }
      });
      return String.join(" ", out);
    }));
    put(m, GoFunc.variadic("default", Kind.ANY, WebhookDingtalkFunctions::dflt, Kind.ANY));
    put(m, GoFunc.of("empty", a -> empty(a.get(0)), Kind.ANY));
    put(m, GoFunc.variadic("coalesce", Kind.ANY, a -> a.stream().filter(v -> !empty(v)).findFirst().orElse(null)));
    put(m, GoFunc.of("ternary", a -> (Boolean) a.get(2) ? a.get(0) : a.get(1), Kind.ANY, Kind.ANY, Kind.BOOL));
    put(m, GoFunc.variadic("add", Kind.ANY, a -> a.stream().mapToLong(WebhookDingtalkFunctions::toInt64).sum()));
    put(m, GoFunc.of("add1", a -> toInt64(a.get(0)) + 1, Kind.ANY));
    put(m, GoFunc.of("sub", a -> toInt64(a.get(0)) - toInt64(a.get(1)), Kind.ANY, Kind.ANY));
    put(m, GoFunc.variadic("mul", Kind.ANY, a -> a.stream().mapToLong(WebhookDingtalkFunctions::toInt64)
        .reduce(1L, (x, y) -> x * y), Kind.ANY));
    put(m, GoFunc.of("div", a -> {
      long d = toInt64(a.get(1));
      if (d == 0) {
        throw new CallError("runtime error: integer divide by zero");
      }
      return toInt64(a.get(0)) / d;
    }, Kind.ANY, Kind.ANY));
    put(m, GoFunc.of("mod", a -> {
      long d = toInt64(a.get(1));
      if (d == 0) {
        throw new CallError("runtime error: integer divide by zero");
      }
      return toInt64(a.get(0)) % d;
    }, Kind.ANY, Kind.ANY));
    // Sprig's regexMatch ignores a bad pattern's error: false, not a failed message
    put(m, GoFunc.of("regexMatch", a -> {
      try {
        return Pattern.compile((String) a.get(0)).matcher((String) a.get(1)).find();
      } catch (PatternSyntaxException e) {
        return false;
      }
    }, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("regexReplaceAll", a -> AmFunctions.replaceAll(mustCompile((String) a.get(0)),
        (String) a.get(2), (String) a.get(1)), Kind.STRING, Kind.STRING, Kind.STRING));
    put(m, GoFunc.of("date", a -> time(a.get(1)).format((String) a.get(0)), Kind.STRING, Kind.ANY));
    put(m, GoFunc.of("dateInZone", a -> inZone(time(a.get(1)), (String) a.get(2)).format((String) a.get(0)),
        Kind.STRING, Kind.ANY, Kind.STRING));
    return Map.copyOf(m);
  }

  private static void put(Map<String, GoFunc> m, GoFunc f) {
    m.put(f.name(), f);
  }

  /** prometheus-webhook-dingtalk's {@code markdown}: a backslash before each {@code _}, {@code *} and {@code `}. */
  static String markdown(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '_' || c == '*' || c == '`') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  private static Object dflt(List<Object> a) {
    // Sprig: default DEFAULT GIVEN gives GIVEN unless it is empty (or missing)
    if (a.size() < 2 || empty(a.get(1))) {
      return a.get(0);
    }
    return a.get(1);
  }

  /** Sprig's {@code empty}: Go's false, zero, "", nil and empty lists and maps; a struct is never empty. */
  static boolean empty(Object v) {
    return v == null || !Values.truth(v);
  }

  private static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code unicode.IsSpace}. */
  private static boolean isSpace(int c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
  }

  private static String trimCutset(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.codePointAt(start)) >= 0) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && cutset.indexOf(s.codePointBefore(end)) >= 0) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.Replace(s, old, new, -1)}: an empty {@code old} matches before every rune and at the end. */
  private static String replace(String s, String old, String repl) {
    if (!old.isEmpty()) {
      return s.replace(old, repl);
    }
    StringBuilder b = new StringBuilder(repl);
    s.codePoints().forEach(c -> b.appendCodePoint(c).append(repl));
    return b.toString();
  }

  private static String repeat(long count, String s) {
    if (count < 0) {
      throw new CallError("strings: negative Repeat count");
    }
    if (count > (1 << 20) || count * (long) s.length() > 1 << 20) {
      // a template must not make a message of gigabytes; chat messages are a few KB
      throw new CallError("repeat: result longer than 1 MiB");
    }
    return s.repeat((int) count);
  }

  /** Go's {@code strings.Split}: an empty separator splits into runes. */
  private static List<String> split(String sep, String s) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(c -> out.add(new String(Character.toChars(c))));
      return out;
    }
    int from = 0;
    int at;
    while ((at = s.indexOf(sep, from)) >= 0) {
      out.add(s.substring(from, at));
      from = at + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  /** Sprig's {@code strval}: a string as it is, anything else as {@code %v} prints it ({@code <nil>}). */
  static String strval(Object v) {
    if (v instanceof String s) {
      return s;
    }
    return v == null ? "<nil>" : GoFmt.sprint(v);
  }

  private static String join(List<Object> args, String sep, boolean quote) {
    List<String> out = new ArrayList<>();
    for (Object v : args) {
      if (v != null) {
        out.add(quote ? GoFmt.quote(strval(v)) : strval(v));
      }
    }
    return String.join(sep, out);
  }

  /** Sprig's {@code toInt64} (spf13/cast): numbers truncated, numeric strings parsed, true 1, else 0. */
  static long toInt64(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d) {
      return (long) (double) d;
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      return parseInt(s.replaceFirst("\\.0*$", ""));
    }
    return 0;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)}, 0 on any error (as spf13/cast): an optional sign,
   * {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} for octal, underscores between digits
   * with a prefix; no blanks.
   */
  private static long parseInt(String s) {
    String t = s;
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    int radix = 10;
    boolean prefixed = true;
    String lower = t.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
    } else if (lower.startsWith("0b")) {
      radix = 2;
    } else if (lower.startsWith("0o")) {
      radix = 8;
    } else if (t.length() > 1 && t.startsWith("0")) {
      radix = 8;
      t = "00" + t.substring(1); // no letter to drop: the two characters skipped below
    } else {
      prefixed = false;
    }
    String digits = prefixed ? t.substring(2) : t;
    // Go: an underscore only after a base prefix (0x_1F) or between digits, and only with a prefix
    if (digits.replace("_", "").isEmpty() || digits.startsWith("-") || digits.startsWith("+")
        || digits.endsWith("_") || digits.contains("__") || (!prefixed && digits.contains("_"))) {
      return 0;
    }
    try {
      long value = Long.parseLong(digits.replace("_", ""), radix);
      return negative ? -value : value;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Pattern mustCompile(String pattern) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new CallError("regexp: Compile(" + GoFmt.quote(pattern).replaceAll("^\"|\"$", "`")
          + "): error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
    }
  }

  /** Sprig's {@code date} argument: a time, or Unix seconds. */
  private static TimeValue time(Object v) {
    if (v instanceof TimeValue t) {
      return t;
    }
    if (v instanceof Long || v instanceof Double) {
      return new TimeValue(Instant.ofEpochSecond(toInt64(v)));
    }
    // Sprig formats anything else as the current time; a message must not depend on the clock
    throw new CallError("date: wrong type for value; expected time.Time or Unix seconds; got " + GoFmt.typeName(v));
  }

  /** The time at the offset {@code zone} has then; an unknown zone is UTC, as Sprig does. */
  private static TimeValue inZone(TimeValue t, String zone) {
    ZoneOffset offset;
    try {
      offset = ZoneId.of(zone).getRules().getOffset(t.instant());
    } catch (DateTimeException e) {
      offset = ZoneOffset.UTC;
    }
    return new TimeValue(t.instant(), offset);
  }
}

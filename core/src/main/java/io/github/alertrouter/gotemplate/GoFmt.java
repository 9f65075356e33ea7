package io.github.alertrouter.gotemplate;

import io.github.alertrouter.internal.text.GoQuote;
import io.github.alertrouter.internal.text.GoStrings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Go's {@code fmt} for the values templates hold: {@code Sprint}, {@code Sprintln},
 * {@code Sprintf} with the verbs, flags, widths and precisions templates use, and the
 * {@code %!verb(type=value)} notes Go writes for a mismatch.
 */
final class GoFmt {
  private GoFmt() {}

  static String quote(String s) {
    return GoQuote.quote(s);
  }

  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** {@code %#U}: {@code U+0041 'A'}. */
  static String unicodeU(int cp) {
    String hex = String.format(Locale.ROOT, "U+%04X", cp);
    return GoQuote.isPrint(cp) ? hex + " '" + new String(Character.toChars(cp)) + "'" : hex;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Long || v instanceof Integer) {
      return "int";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof GoValue g) {
      return g.goType();
    }
    if (v instanceof GoFunc) {
      return "func";
    }
    if (v instanceof List<?> l) {
      return l.stream().allMatch(e -> e instanceof String) ? "[]string" : "[]interface {}";
    }
    if (v instanceof Map) {
      return "map[string]interface {}";
    }
    return v.getClass().getSimpleName();
  }

  /** {@code fmt.Sprint(v)}. */
  static String sprint(Object v) {
    StringBuilder b = new StringBuilder();
    formatV(b, v);
    return b.toString();
  }

  /** {@code fmt.Sprint(args...)}: a space between operands when neither is a string. */
  static String sprint(List<Object> args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
        b.append(' ');
      }
      formatV(b, args.get(i));
    }
    return b.toString();
  }

  static String sprintln(List<Object> args) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        b.append(' ');
      }
      formatV(b, args.get(i));
    }
    return b.append('\n').toString();
  }

  static void formatV(StringBuilder b, Object v) {
    format(b, v, 'v', new Spec());
  }

  /** Flags, width and precision of one verb. */
  private static final class Spec {
    boolean minus;
    boolean plus;
    boolean sharp;
    boolean space;
    boolean zero;
    int width = -1;
    int prec = -1;
  }

  static String sprintf(String format, List<Object> args) {
    StringBuilder b = new StringBuilder();
    int argNum = 0;
    int n = format.length();
    for (int i = 0; i < n; ) {
      char c = format.charAt(i);
      if (c != '%') {
        b.append(c);
        i++;
        continue;
      }
      i++;
      Spec s = new Spec();
      flags:
      while (i < n) {
        switch (format.charAt(i)) {
          case '#' -> s.sharp = true;
          case '0' -> s.zero = true;
          case '+' -> s.plus = true;
          case '-' -> s.minus = true;
          case ' ' -> s.space = true;
          default -> {
            break flags;
          }
        }
        i++;
      }
      if (i < n && format.charAt(i) == '*') {
        i++;
        if (argNum < args.size() && args.get(argNum) instanceof Long w) {
          s.width = (int) (long) w;
          if (s.width < 0) {
            s.minus = true;
            s.width = -s.width;
          }
        } else {
          b.append("%!(BADWIDTH)");
        }
        argNum++;
      } else {
        int start = i;
        while (i < n && Character.isDigit(format.charAt(i))) {
          i++;
        }
        if (i > start) {
          s.width = Integer.parseInt(format.substring(start, i));
        }
      }
      if (i < n && format.charAt(i) == '.') {
        i++;
        if (i < n && format.charAt(i) == '*') {
          i++;
          if (argNum < args.size() && args.get(argNum) instanceof Long p) {
            s.prec = (int) (long) p;
          } else {
            b.append("%!(BADPREC)");
          }
          argNum++;
        } else {
          int start = i;
          while (i < n && Character.isDigit(format.charAt(i))) {
            i++;
          }
          s.prec = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
        }
      }
      if (i >= n) {
        b.append("%!(NOVERB)");
        break;
      }
      int verb = format.codePointAt(i);
      i += Character.charCount(verb);
      if (verb == '%') {
        b.append('%');
        continue;
      }
      if (argNum >= args.size()) {
        b.append("%!").appendCodePoint(verb).append("(MISSING)");
        continue;
      }
      Object arg = args.get(argNum++);
      format(b, arg, verb, s);
    }
    if (argNum < args.size()) {
      b.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        if (k > argNum) {
          b.append(", ");
        }
        Object a = args.get(k);
        if (a == null) {
          b.append("<nil>");
        } else {
          b.append(typeName(a)).append('=');
          formatV(b, a);
        }
      }
      b.append(')');
    }
    return b.toString();
  }

  private static void badVerb(StringBuilder b, int verb, Object arg) {
    b.append("%!").appendCodePoint(verb).append('(');
    if (arg == null) {
      b.append("<nil>");
    } else {
      b.append(typeName(arg)).append('=');
      formatV(b, arg);
    }
    b.append(')');
  }

  private static void format(StringBuilder b, Object arg, int verb, Spec s) {
    if (arg == null) {
      if (verb == 'v') {
        pad(b, "<nil>", s);
      } else {
        badVerb(b, verb, null);
      }
      return;
    }
    if (verb == 'T') {
      pad(b, typeName(arg), s);
      return;
    }
    if (arg instanceof Boolean bool) {
      if (verb == 'v' || verb == 't') {
        pad(b, bool.toString(), s);
      } else {
        badVerb(b, verb, arg);
      }
    } else if (arg instanceof GoUint8 u) {
      formatInt(b, u.value(), verb, s, arg);
    } else if (arg instanceof Long || arg instanceof Integer) {
      formatInt(b, ((Number) arg).longValue(), verb, s, arg);
    } else if (arg instanceof Double d) {
      formatFloat(b, d, verb, s, arg);
    } else if (arg instanceof String str) {
      formatString(b, str, verb, s, arg);
    } else if (arg instanceof GoValue g && g.isStringer()
        && (verb == 'v' || verb == 's' || verb == 'q' || verb == 'x' || verb == 'X')) {
      StringBuilder t = new StringBuilder();
      g.formatV(t);
      formatString(b, t.toString(), verb, s, arg);
    } else if (asList(arg) != null) {
      List<?> l = asList(arg);
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        format(b, l.get(i), verb, s);
      }
      b.append(']');
    } else if (asMap(arg) != null) {
      b.append("map[");
      boolean first = true;
      // A Kv is already in Go's key order.
      Map<String, ?> m = asMap(arg);
      for (Map.Entry<String, ?> e : arg instanceof Kv ? m.entrySet() : sorted(m)) {
        if (!first) {
          b.append(' ');
        }
        first = false;
        format(b, e.getKey(), verb, s);
        b.append(':');
        format(b, e.getValue(), verb, s);
      }
      b.append(']');
    } else if (arg instanceof GoValue g) {
      if (verb == 'v' || verb == 's') {
        StringBuilder t = new StringBuilder();
        g.formatV(t);
        pad(b, t.toString(), s);
      } else {
        badVerb(b, verb, arg);
      }
    } else {
      pad(b, String.valueOf(arg), s);
    }
  }

  static List<?> asList(Object v) {
    if (v instanceof List<?> l) {
      return l;
    }
    return v instanceof GoValue g ? g.asList() : null;
  }

  static Map<String, ?> asMap(Object v) {
    if (v instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, ?> typed = (Map<String, ?>) m;
      return typed;
    }
    return v instanceof GoValue g ? g.asMap() : null;
  }

  /** Entries in Go's string order (UTF-8 bytes), as fmt and range sort map keys. */
  static List<Map.Entry<String, ?>> sorted(Map<String, ?> m) {
    List<Map.Entry<String, ?>> entries = new ArrayList<>(m.entrySet());
    entries.sort((x, y) -> GoStrings.compare(x.getKey(), y.getKey()));
    return entries;
  }

  private static void formatString(StringBuilder b, String str, int verb, Spec s, Object arg) {
    switch (verb) {
      case 'v', 's' -> pad(b, s.prec >= 0 ? truncateRunes(str, s.prec) : str, s);
      case 'q' -> pad(b, quote(s.prec >= 0 ? truncateRunes(str, s.prec) : str), s);
      case 'x', 'X' -> {
        StringBuilder h = new StringBuilder();
        for (byte x : str.getBytes(StandardCharsets.UTF_8)) {
          h.append(String.format(Locale.ROOT, verb == 'x' ? "%02x" : "%02X", x & 0xff));
        }
        pad(b, h.toString(), s);
      }
      default -> badVerb(b, verb, arg);
    }
  }

  private static String truncateRunes(String str, int n) {
    int count = str.codePointCount(0, str.length());
    return count <= n ? str : str.substring(0, str.offsetByCodePoints(0, n));
  }

  private static void formatInt(StringBuilder b, long v, int verb, Spec s, Object arg) {
    String digits;
    switch (verb) {
      case 'v', 'd' -> digits = Long.toString(Math.abs(v));
      case 'x' -> digits = Long.toHexString(Math.abs(v));
      case 'X' -> digits = Long.toHexString(Math.abs(v)).toUpperCase(Locale.ROOT);
      case 'o' -> digits = Long.toOctalString(Math.abs(v));
      case 'b' -> digits = Long.toBinaryString(Math.abs(v));
      case 'c' -> {
        pad(b, new String(Character.toChars((int) v)), s);
        return;
      }
      case 'q' -> {
        pad(b, "'" + new String(Character.toChars((int) v)) + "'", s);
        return;
      }
      case 'U' -> {
        pad(b, String.format(Locale.ROOT, "U+%04X", v), s);
        return;
      }
      default -> {
        badVerb(b, verb, arg);
        return;
      }
    }
    if (v == Long.MIN_VALUE) {
      digits = digits.replace("-", "");
    }
    if (s.prec >= 0) {
      while (digits.length() < s.prec) {
        digits = "0" + digits;
      }
      if (s.prec == 0 && v == 0) {
        digits = "";
      }
    }
    if (s.sharp) {
      if (verb == 'x') {
        digits = "0x" + digits;
      } else if (verb == 'X') {
        digits = "0X" + digits;
      } else if (verb == 'o') {
        digits = "0" + digits;
      }
    }
    String sign = v < 0 ? "-" : s.plus ? "+" : s.space ? " " : "";
    padNumber(b, sign, digits, s, s.prec < 0);
  }

  private static void formatFloat(StringBuilder b, double v, int verb, Spec s, Object arg) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      String t = Double.isNaN(v) ? "NaN" : v > 0 ? (s.plus ? "+Inf" : "Inf") : "-Inf";
      Spec noZero = s;
      noZero.zero = false;
      pad(b, t, noZero);
      return;
    }
    String body;
    switch (verb) {
      case 'v', 'g' -> body = g(Math.abs(v), s.prec);
      case 'G' -> body = g(Math.abs(v), s.prec).toUpperCase(Locale.ROOT);
      case 'f', 'F' -> body = new BigDecimal(Math.abs(v))
          .setScale(s.prec < 0 ? 6 : s.prec, RoundingMode.HALF_EVEN).toPlainString();
      case 'e', 'E' -> {
        body = GoFloat.exp(Math.abs(v), s.prec < 0 ? 6 : s.prec);
        if (verb == 'E') {
          body = body.toUpperCase(Locale.ROOT);
        }
      }
      default -> {
        badVerb(b, verb, arg);
        return;
      }
    }
    boolean negative = v < 0 || (v == 0 && 1 / v < 0);
    String sign = negative ? "-" : s.plus ? "+" : s.space ? " " : "";
    padNumber(b, sign, body, s, true);
  }

  private static String g(double v, int prec) {
    return prec < 0 ? GoFloat.shortestG(v) : GoFloat.precisionG(v, prec);
  }

  private static void padNumber(StringBuilder b, String sign, String digits, Spec s, boolean zeroOk) {
    int len = sign.length() + digits.codePointCount(0, digits.length());
    if (s.width > len && s.zero && !s.minus && zeroOk) {
      b.append(sign).append("0".repeat(s.width - len)).append(digits);
      return;
    }
    Spec noZero = new Spec();
    noZero.width = s.width;
    noZero.minus = s.minus;
    pad(b, sign + digits, noZero);
  }

  private static void pad(StringBuilder b, String text, Spec s) {
    int len = text.codePointCount(0, text.length());
    if (s.width <= len) {
      b.append(text);
      return;
    }
    String fill = (s.zero && !s.minus ? "0" : " ").repeat(s.width - len);
    if (s.minus) {
      b.append(text).append(fill);
    } else {
      b.append(fill).append(text);
    }
  }
}

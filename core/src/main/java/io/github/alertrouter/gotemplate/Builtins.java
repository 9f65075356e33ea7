package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.GoFunc.CallError;
import io.github.alertrouter.gotemplate.GoFunc.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Go's {@code text/template} builtin functions, with Go's error messages. */
final class Builtins {
  private Builtins() {}

  static final Map<String, GoFunc> ALL = build();

  private static Map<String, GoFunc> build() {
    Map<String, GoFunc> m = new LinkedHashMap<>();
    // and/or have no body: exec evaluates them lazily, as Go 1.18+ does.
    m.put("and", GoFunc.variadic("and", Kind.VALUE, null, Kind.VALUE));
    m.put("or", GoFunc.variadic("or", Kind.VALUE, null, Kind.VALUE));
    m.put("not", GoFunc.of("not", a -> !Values.truth(a.get(0)), Kind.VALUE));
    m.put("call", GoFunc.variadic("call", Kind.VALUE, Builtins::call, Kind.VALUE));
    m.put("html", GoFunc.variadic("html", Kind.ANY, a -> html(evalArgs(a))));
    m.put("index", GoFunc.variadic("index", Kind.VALUE, Builtins::index, Kind.VALUE));
    m.put("slice", GoFunc.variadic("slice", Kind.VALUE, Builtins::slice, Kind.VALUE));
    m.put("js", GoFunc.variadic("js", Kind.ANY, a -> js(evalArgs(a))));
    m.put("len", GoFunc.of("len", Builtins::length, Kind.VALUE));
    m.put("print", GoFunc.variadic("print", Kind.ANY, GoFmt::sprint));
    m.put("printf", GoFunc.variadic("printf", Kind.ANY,
        a -> GoFmt.sprintf((String) a.get(0), a.subList(1, a.size())), Kind.STRING));
    m.put("println", GoFunc.variadic("println", Kind.ANY, GoFmt::sprintln));
    m.put("urlquery", GoFunc.variadic("urlquery", Kind.ANY, a -> urlquery(evalArgs(a))));
    m.put("eq", GoFunc.variadic("eq", Kind.VALUE,
        a -> Values.eq(a.get(0), a.subList(1, a.size())), Kind.VALUE));
    m.put("ne", GoFunc.of("ne", a -> !Values.eq(a.get(0), List.of(a.get(1))), Kind.VALUE, Kind.VALUE));
    m.put("lt", GoFunc.of("lt", a -> Values.lt(a.get(0), a.get(1)), Kind.VALUE, Kind.VALUE));
    m.put("le", GoFunc.of("le", a -> Values.le(a.get(0), a.get(1)), Kind.VALUE, Kind.VALUE));
    m.put("gt", GoFunc.of("gt", a -> !Values.le(a.get(0), a.get(1)), Kind.VALUE, Kind.VALUE));
    m.put("ge", GoFunc.of("ge", a -> !Values.lt(a.get(0), a.get(1)), Kind.VALUE, Kind.VALUE));
    return Map.copyOf(m);
  }

  private static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    // Go prints each argument as a template action would: nil as <no value>.
    List<Object> printable = new ArrayList<>(args.size());
    args.forEach(a -> printable.add(a == null ? "<no value>" : a));
    return GoFmt.sprint(printable);
  }

  private static Object call(List<Object> a) {
    Object fn = a.get(0);
    if (fn == null) {
      throw new CallError("call of nil");
    }
    if (!(fn instanceof GoFunc f)) {
      throw new CallError("non-function of type " + GoFmt.typeName(fn));
    }
    return f.impl().call(a.subList(1, a.size()));
  }

  private static Object length(List<Object> a) {
    Object v = a.get(0);
    if (v == null) {
      throw new CallError("reflect: call of reflect.Value.Type on zero Value");
    }
    if (v instanceof String s) {
      return (long) GoFmt.utf8Length(s);
    }
    List<?> l = GoFmt.asList(v);
    if (l != null) {
      return (long) l.size();
    }
    Map<String, ?> m = GoFmt.asMap(v);
    if (m != null) {
      return (long) m.size();
    }
    throw new CallError("len of type " + GoFmt.typeName(v));
  }

  private static int indexArg(Object index, int cap) {
    if (index == null) {
      throw new CallError("cannot index slice/array with nil");
    }
    if (!(index instanceof Long x)) {
      throw new CallError("cannot index slice/array with type " + GoFmt.typeName(index));
    }
    if (x < 0 || x > cap) {
      throw new CallError("index out of range: " + x);
    }
    return (int) (long) x;
  }

  private static Object index(List<Object> a) {
    Object item = a.get(0);
    if (item == null) {
      throw new CallError("index of untyped nil");
    }
    for (Object index : a.subList(1, a.size())) {
      if (item == null) {
        throw new CallError("index of nil pointer");
      }
      if (item instanceof String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int x = indexArg(index, bytes.length);
        if (x == bytes.length) {
          throw new CallError("index out of range: " + x);
        }
        item = new GoUint8(bytes[x] & 0xff);
        continue;
      }
      List<?> l = GoFmt.asList(item);
      if (l != null) {
        int x = indexArg(index, l.size());
        if (x == l.size()) {
          throw new CallError("index out of range: " + x);
        }
        item = l.get(x);
        continue;
      }
      Map<String, ?> m = GoFmt.asMap(item);
      if (m != null) {
        if (index == null) {
          throw new CallError("value is nil; should be of type string");
        }
        if (!(index instanceof String key)) {
          throw new CallError("value has type " + GoFmt.typeName(index) + "; should be string");
        }
        Object v = m.get(key);
        item = v != null ? v : item instanceof GoValue g ? g.mapZero() : null;
        continue;
      }
      throw new CallError("can't index item of type " + GoFmt.typeName(item));
    }
    return item;
  }

  private static Object slice(List<Object> a) {
    Object item = a.get(0);
    List<Object> indexes = a.subList(1, a.size());
    if (item == null) {
      throw new CallError("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new CallError("too many slice indexes: " + indexes.size());
    }
    byte[] bytes = null;
    List<?> list = null;
    int len;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new CallError("cannot 3-index slice a string");
      }
      bytes = s.getBytes(StandardCharsets.UTF_8);
      len = bytes.length;
    } else if ((list = GoFmt.asList(item)) != null) {
      len = list.size();
    } else {
      throw new CallError("can't slice item of type " + GoFmt.typeName(item));
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(indexes.get(i), len);
    }
    if (idx[0] > idx[1]) {
      throw new CallError("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new CallError("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (bytes != null) {
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<>(list.subList(idx[0], idx[1]));
  }

  static String html(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case 0 -> b.append('\uFFFD');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String js(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\'' -> b.append("\\'");
        case '"' -> b.append("\\\"");
        case '<' -> b.append("\\u003C");
        case '>' -> b.append("\\u003E");
        case '&' -> b.append("\\u0026");
        case '=' -> b.append("\\u003D");
        default -> {
          if (c < ' ') {
            b.append(String.format("\\u%04X", c));
          } else if (c < 0x80 || io.github.alertrouter.internal.text.GoQuote.isPrint(c)) {
            b.appendCodePoint(c);
          } else {
            b.append(String.format(c > 0xFFFF ? "\\U%08X" : "\\u%04X", c));
          }
        }
      }
    }
    return b.toString();
  }

  static String urlquery(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
          || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }
}

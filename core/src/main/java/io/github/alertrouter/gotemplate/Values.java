package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.GoFunc.CallError;
import io.github.alertrouter.internal.text.GoStrings;
import java.util.List;
import java.util.Map;

/** Go's truth and comparison rules ({@code text/template}'s isTrue, eq, lt) over our values. */
final class Values {
  private Values() {}

  /** isTrue: the truth of {@code v}, or {@code null} when it has none (Go's ok == false). */
  static Boolean isTrue(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof GoUint8 u) {
      return u.value() != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    List<?> list = GoFmt.asList(v);
    if (list != null) {
      return !list.isEmpty();
    }
    Map<String, ?> map = GoFmt.asMap(v);
    if (map != null) {
      return !map.isEmpty();
    }
    if (v instanceof GoFunc) {
      return true;
    }
    return true; // structs are always true
  }

  /** truth as and/or/not use it: a value without truth counts as false. */
  static boolean truth(Object v) {
    Boolean t = isTrue(v);
    return t != null && t;
  }

  private enum BasicKind { INVALID, BOOL, INT, FLOAT, STRING, OTHER }

  private static BasicKind kind(Object v) {
    if (v == null) {
      return BasicKind.INVALID;
    }
    if (v instanceof Boolean) {
      return BasicKind.BOOL;
    }
    if (v instanceof Long || v instanceof GoUint8) {
      return BasicKind.INT;
    }
    if (v instanceof Double) {
      return BasicKind.FLOAT;
    }
    if (v instanceof String) {
      return BasicKind.STRING;
    }
    return BasicKind.OTHER;
  }

  static boolean eq(Object a, List<Object> others) {
    if (others.isEmpty()) {
      throw new CallError("missing argument for comparison");
    }
    BasicKind k1 = kind(a);
    for (Object b : others) {
      BasicKind k2 = kind(b);
      boolean truth;
      if (k1 != k2) {
        if (a != null && b != null) {
          throw new CallError("incompatible types for comparison");
        }
        truth = false;
      } else if (k1 == BasicKind.OTHER) {
        if (GoFmt.asList(a) != null || GoFmt.asMap(a) != null) {
          throw new CallError("non-comparable type " + GoFmt.sprint(a) + ": " + GoFmt.typeName(a));
        }
        if (GoFmt.asList(b) != null || GoFmt.asMap(b) != null) {
          throw new CallError("non-comparable type " + GoFmt.sprint(b) + ": " + GoFmt.typeName(b));
        }
        if (!GoFmt.typeName(a).equals(GoFmt.typeName(b))) {
          throw new CallError("non-comparable types " + GoFmt.sprint(a) + ": "
              + GoFmt.typeName(a) + ", " + GoFmt.typeName(b) + ": " + GoFmt.sprint(b));
        }
        truth = a.equals(b);
      } else if (k1 == BasicKind.INVALID) {
        truth = true;
      } else if (k1 == BasicKind.INT) {
        truth = intValue(a) == intValue(b);
      } else {
        truth = a.equals(b);
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  static boolean lt(Object a, Object b) {
    BasicKind k1 = kind(a);
    if (k1 == BasicKind.INVALID || k1 == BasicKind.OTHER) {
      throw new CallError("invalid type for comparison");
    }
    BasicKind k2 = kind(b);
    if (k2 == BasicKind.INVALID || k2 == BasicKind.OTHER) {
      throw new CallError("invalid type for comparison");
    }
    if (k1 != k2) {
      throw new CallError("incompatible types for comparison");
    }
    return switch (k1) {
      case INT -> intValue(a) < intValue(b);
      case FLOAT -> (Double) a < (Double) b;
      case STRING -> GoStrings.compare((String) a, (String) b) < 0;
      default -> throw new CallError("invalid type for comparison");
    };
  }

  private static long intValue(Object v) {
    return v instanceof GoUint8 u ? u.value() : (Long) v;
  }

  static boolean le(Object a, Object b) {
    return lt(a, b) || eq(a, List.of(b));
  }
}

package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.GoFunc.Kind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Go's {@code time.Time} at a fixed offset, with the methods templates call ({@code Format} with
 * Go's reference-time layouts, {@code Unix}, {@code UTC}, ...). It prints as Go's
 * {@code String()}: {@code 2006-01-02 15:04:05.999999999 +0000 UTC}. At offset zero the zone is
 * {@code UTC}; at any other offset it has no name and prints as {@code +0800}, as Go's JSON decoding
 * leaves it. Immutable.
 *
 * @param instant the time; Go's zero time for "none"
 * @param offset the offset it was written with
 */
public record TimeValue(Instant instant, ZoneOffset offset) implements GoValue {
  /** Go's zero time, {@code 0001-01-01 00:00:00 +0000 UTC}. */
  public static final TimeValue ZERO = new TimeValue(Instant.parse("0001-01-01T00:00:00Z"));

  /** A time in UTC. */
  public TimeValue(Instant instant) {
    this(instant, ZoneOffset.UTC);
  }

  private static final String STRING_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";

  @Override
  public String goType() {
    return "time.Time";
  }

  @Override
  public boolean isStringer() {
    return true;
  }

  @Override
  public void formatV(StringBuilder b) {
    b.append(format(STRING_LAYOUT));
  }

  @Override
  public GoFunc method(String name) {
    ZonedDateTime t = instant.atZone(offset);
    return switch (name) {
      case "Format" -> GoFunc.of("Format", a -> format((String) a.get(0)), Kind.STRING);
      case "String" -> GoFunc.of("String", a -> format(STRING_LAYOUT));
      case "UTC", "Local" -> GoFunc.of(name, a -> new TimeValue(instant));
      case "Unix" -> GoFunc.of(name, a -> instant.getEpochSecond());
      case "UnixMilli" -> GoFunc.of(name, a -> instant.toEpochMilli());
      case "UnixNano" -> GoFunc.of(name, a -> instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
      case "IsZero" -> GoFunc.of(name, a -> instant.equals(ZERO.instant));
      case "Year" -> GoFunc.of(name, a -> (long) t.getYear());
      case "Month" -> GoFunc.of(name, a -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case "Day" -> GoFunc.of(name, a -> (long) t.getDayOfMonth());
      case "Hour" -> GoFunc.of(name, a -> (long) t.getHour());
      case "Minute" -> GoFunc.of(name, a -> (long) t.getMinute());
      case "Second" -> GoFunc.of(name, a -> (long) t.getSecond());
      case "Nanosecond" -> GoFunc.of(name, a -> (long) t.getNano());
      case "YearDay" -> GoFunc.of(name, a -> (long) t.getDayOfYear());
      case "Weekday" -> GoFunc.of(name, a -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
      case "Before" -> GoFunc.of(name, a -> instant.isBefore(other(a)), Kind.ANY);
      case "After" -> GoFunc.of(name, a -> instant.isAfter(other(a)), Kind.ANY);
      case "Equal" -> GoFunc.of(name, a -> instant.equals(other(a)), Kind.ANY);
      // time.Duration is an int64 of nanoseconds: (.StartsAt.Add 28800e9) is eight hours later
      case "Add" -> GoFunc.of(name, a -> new TimeValue(instant.plusNanos((Long) a.get(0)), offset), Kind.INT);
      default -> null;
    };
  }

  private static Instant other(List<Object> a) {
    if (a.get(0) instanceof TimeValue v) {
      return v.instant;
    }
    throw new GoFunc.CallError("wrong type for value; expected time.Time; got "
        + GoFmt.typeName(a.get(0)));
  }

  /** Go's {@code Time.Format(layout)}. */
  public String format(String layout) {
    ZonedDateTime t = instant.atZone(offset);
    StringBuilder b = new StringBuilder();
    int i = 0;
    int n = layout.length();
    while (i < n) {
      char c = layout.charAt(i);
      String rest = layout.substring(i);
      int consumed = 0;
      String value = null;
      switch (c) {
        case 'J' -> {
          if (rest.startsWith("January")) {
            value = t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            consumed = 7;
          } else if (rest.startsWith("Jan") && !startsLower(layout, i + 3)) {
            value = t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            consumed = 3;
          }
        }
        case 'M' -> {
          if (rest.startsWith("Monday")) {
            value = t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            consumed = 6;
          } else if (rest.startsWith("Mon") && !startsLower(layout, i + 3)) {
            value = t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            consumed = 3;
          } else if (rest.startsWith("MST")) {
            value = offset.getTotalSeconds() == 0 ? "UTC" : zone("", false, false);
            consumed = 3;
          }
        }
        case '0' -> {
          if (rest.length() >= 2 && rest.charAt(1) >= '1' && rest.charAt(1) <= '6') {
            consumed = 2;
            value = switch (rest.charAt(1)) {
              case '1' -> pad(t.getMonthValue(), 2, '0');
              case '2' -> pad(t.getDayOfMonth(), 2, '0');
              case '3' -> pad(hour12(t.getHour()), 2, '0');
              case '4' -> pad(t.getMinute(), 2, '0');
              case '5' -> pad(t.getSecond(), 2, '0');
              default -> pad(Math.floorMod(t.getYear(), 100), 2, '0');
            };
          } else if (rest.startsWith("002")) {
            value = pad(t.getDayOfYear(), 3, '0');
            consumed = 3;
          }
        }
        case '1' -> {
          if (rest.startsWith("15")) {
            value = pad(t.getHour(), 2, '0');
            consumed = 2;
          } else {
            value = Integer.toString(t.getMonthValue());
            consumed = 1;
          }
        }
        case '2' -> {
          if (rest.startsWith("2006")) {
            value = pad(t.getYear(), 4, '0');
            consumed = 4;
          } else {
            value = Integer.toString(t.getDayOfMonth());
            consumed = 1;
          }
        }
        case '_' -> {
          if (rest.startsWith("_2006")) {
            value = "_" + pad(t.getYear(), 4, '0');
            consumed = 5;
          } else if (rest.startsWith("_2")) {
            value = pad(t.getDayOfMonth(), 2, ' ');
            consumed = 2;
          } else if (rest.startsWith("__2")) {
            value = pad(t.getDayOfYear(), 3, ' ');
            consumed = 3;
          }
        }
        case '3' -> {
          value = Integer.toString(hour12(t.getHour()));
          consumed = 1;
        }
        case '4' -> {
          value = Integer.toString(t.getMinute());
          consumed = 1;
        }
        case '5' -> {
          value = Integer.toString(t.getSecond());
          consumed = 1;
        }
        case 'P', 'p' -> {
          if (rest.startsWith("PM")) {
            value = t.getHour() >= 12 ? "PM" : "AM";
            consumed = 2;
          } else if (rest.startsWith("pm")) {
            value = t.getHour() >= 12 ? "pm" : "am";
            consumed = 2;
          }
        }
        case '-', 'Z' -> {
          boolean z = c == 'Z';
          for (String zone : new String[] {"070000", "07:00:00", "0700", "07:00", "07"}) {
            if (rest.startsWith(zone, 1)) {
              value = z && offset.getTotalSeconds() == 0 ? "Z"
                  : zone(zone, zone.contains(":"), zone.length() > 5);
              consumed = 1 + zone.length();
              break;
            }
          }
        }
        case '.', ',' -> {
          if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char ch = layout.charAt(i + 1);
            int j = i + 1;
            while (j < n && layout.charAt(j) == ch) {
              j++;
            }
            if (!(j < n && Character.isDigit(layout.charAt(j)))) {
              int digits = j - (i + 1);
              String nanos = pad(t.getNano(), 9, '0').substring(0, Math.min(9, digits));
              if (ch == '9') {
                nanos = nanos.replaceAll("0+$", "");
                value = nanos.isEmpty() ? "" : c + nanos;
              } else {
                value = c + nanos;
              }
              consumed = j - i;
            }
          }
        }
        default -> {
          // literal
        }
      }
      if (value == null) {
        b.append(c);
        i++;
      } else {
        b.append(value);
        i += consumed;
      }
    }
    return b.toString();
  }

  /** The offset as Go writes it for layout {@code zone}: +hh, +hhmm, +hh:mm, with seconds if asked. */
  private String zone(String zone, boolean colon, boolean seconds) {
    int total = offset.getTotalSeconds();
    int abs = Math.abs(total);
    StringBuilder b = new StringBuilder(total < 0 ? "-" : "+");
    b.append(pad(abs / 3600, 2, '0'));
    if (!zone.equals("07")) {
      b.append(colon ? ":" : "").append(pad(abs / 60 % 60, 2, '0'));
    }
    if (seconds) {
      b.append(colon ? ":" : "").append(pad(abs % 60, 2, '0'));
    }
    return b.toString();
  }

  private static boolean startsLower(String s, int at) {
    return at < s.length() && s.charAt(at) >= 'a' && s.charAt(at) <= 'z';
  }

  private static int hour12(int h) {
    int r = h % 12;
    return r == 0 ? 12 : r;
  }

  private static String pad(int v, int width, char fill) {
    String s = Integer.toString(v);
    StringBuilder b = new StringBuilder();
    for (int k = s.length(); k < width; k++) {
      b.append(fill);
    }
    return b.append(s).toString();
  }
}

package io.github.alertrouter.alertmanager;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Operator;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses Alertmanager 0.25 matcher strings ({@code pkg/labels/parse.go}) into conditions, accepting
 * exactly what Alertmanager accepts: {@code team="payments"}, {@code team=payments},
 * {@code severity=~"critical|page"}, {@code env!="dev"}, several matchers separated by commas,
 * optionally in braces ({@code {a="1", b=~"2"}}), values with {@code \"}, {@code \\} and
 * {@code \n} escapes. Stateless and thread-safe.
 */
public final class AlertmanagerMatchers {
  // Alertmanager's own expression, run by the same engine (RE2), so \s and $ mean what they mean
  // in Go: a label name, an operator, then the (possibly quoted) value.
  private static final Pattern MATCHER =
      Pattern.compile("^\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(=~|=|!=|!~)\\s*((?s).*?)\\s*$");

  private AlertmanagerMatchers() {}

  /**
   * Parses a comma-separated list of matchers, optionally wrapped in braces.
   *
   * @throws IllegalArgumentException with Alertmanager's message when a matcher is malformed
   */
  public static List<Condition> parse(String text) {
    String s = text;
    if (s.startsWith("{")) {
      s = s.substring(1);
    }
    if (s.endsWith("}")) {
      s = s.substring(0, s.length() - 1);
    }
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    boolean insideQuotes = false;
    boolean escaped = false;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case ',' -> {
          if (!insideQuotes) {
            tokens.add(token.toString());
            token.setLength(0);
            continue;
          }
        }
        case '"' -> {
          if (!escaped) {
            insideQuotes = !insideQuotes;
          } else {
            escaped = false;
          }
        }
        case '\\' -> escaped = !escaped;
        default -> escaped = false;
      }
      token.appendCodePoint(c);
    }
    String last = token.toString().strip();
    if (!last.isEmpty()) {
      tokens.add(last);
    }
    List<Condition> conditions = new ArrayList<>(tokens.size());
    for (String t : tokens) {
      conditions.add(parseOne(t));
    }
    return conditions;
  }

  /**
   * Parses one matcher such as {@code team="payments"}.
   *
   * @throws IllegalArgumentException with Alertmanager's message when it is malformed
   */
  public static Condition parseOne(String text) {
    Matcher m = MATCHER.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("bad matcher format: " + text);
    }
    String raw = m.group(3);
    boolean expectTrailingQuote = false;
    if (raw.startsWith("\"")) {
      raw = raw.substring(1);
      expectTrailingQuote = true;
    }
    StringBuilder value = new StringBuilder(raw.length());
    boolean escaped = false;
    for (int i = 0; i < raw.length(); ) {
      int c = raw.codePointAt(i);
      int next = i + Character.charCount(c);
      if (escaped) {
        escaped = false;
        switch (c) {
          case 'n' -> value.append('\n');
          case '"', '\\' -> value.appendCodePoint(c);
          default -> value.append('\\').appendCodePoint(c); // a spurious escape keeps its backslash
        }
      } else if (c == '\\') {
        if (next < raw.length()) {
          escaped = true;
        } else {
          value.append('\\'); // a trailing backslash is literal
        }
      } else if (c == '"') {
        if (!expectTrailingQuote || next < raw.length()) {
          throw new IllegalArgumentException("matcher value contains unescaped double quote: " + m.group(3));
        }
        expectTrailingQuote = false;
      } else {
        value.appendCodePoint(c);
      }
      i = next;
    }
    if (expectTrailingQuote) {
      throw new IllegalArgumentException("matcher value contains unescaped double quote: " + m.group(3));
    }
    Operator op = switch (m.group(2)) {
      case "=" -> Operator.EQ;
      case "!=" -> Operator.NEQ;
      case "=~" -> Operator.RE;
      default -> Operator.NRE;
    };
    return new Condition(m.group(1), op, List.of(value.toString()));
  }
}

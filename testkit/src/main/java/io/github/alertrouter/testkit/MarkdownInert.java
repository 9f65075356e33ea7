package io.github.alertrouter.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in escaped text could still form markdown or a mention, judged as a markdown renderer
 * would: the check a platform's escaper tests run on every output of a hostile corpus, now that
 * escapers leave a markup character as it is where it cannot form markup ({@code pay_api},
 * {@code a > b}) rather than replace it everywhere. Stateless.
 */
public final class MarkdownInert {
  // a list, setext or rule marker at a line start (headings, quotes and stars are judged per character)
  private static final Pattern LINE_START = Pattern.compile("(?m)^[ \\t]*(([-+=])(\\2|[ \\t]|$)|\\d+[.)]([ \\t]|$))");

  private MarkdownInert() {}

  /**
   * Each construct in {@code text} that could format, link or mention, described with its index;
   * empty when the text is inert. {@code @}, brackets, backticks and pipes count anywhere; the
   * other markup characters only where they can act.
   */
  public static List<String> markup(String text) {
    List<String> found = new ArrayList<>();
    Matcher start = LINE_START.matcher(text);
    if (start.find()) {
      found.add("a line starts with " + start.group(1).strip() + " at " + start.start(1));
    }
    boolean lineStart = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lineStart = true;
        continue;
      }
      char prev = i > 0 ? text.charAt(i - 1) : ' ';
      char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
      boolean first = lineStart && !Character.isWhitespace(c);
      if (!Character.isWhitespace(c)) {
        lineStart = false;
      }
      String why = switch (c) {
        case '@' -> "a mention";
        case '[', ']' -> "a link or image bracket";
        case '`' -> "a code span";
        case '|' -> "a table cell";
        case '\r' -> "a carriage return";
        case '_' -> Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next) ? null : "emphasis";
        case '*' -> !first && isBlank(prev) && isBlank(next) ? null : "emphasis";
        case '>' -> first ? "a quote" : null;
        case '#' -> first ? "a heading" : null;
        // tag names and entity names are ASCII
        case '<' -> isAsciiLetter(next) || "/!?@".indexOf(next) >= 0 ? "a tag or autolink" : null;
        case '&' -> isAsciiLetter(next) || next == '#' ? "an entity" : null;
        case '~' -> prev == '~' || next == '~' ? "strike-through" : null;
        case '\\' -> next >= '!' && next <= '~' && !Character.isLetterOrDigit(next) ? "an escape" : null;
        default -> null;
      };
      if (why != null) {
        found.add(why + " (" + c + ") at " + i);
      }
    }
    return found;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\n' || c == '\t';
  }
}

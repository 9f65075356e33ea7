package io.github.alertrouter.lark.internal;

import io.github.alertrouter.spi.render.Escaper;
import io.github.alertrouter.spi.render.TextSafety;

/**
 * Makes untrusted alert text (label and annotation values, contact names) inert in one of Lark's
 * three dialects (docs/platforms.md §2.7): it shows as the same words but cannot format, link or
 * mention anyone.
 *
 * <table>
 *   <caption>What each dialect does to a value</caption>
 *   <tr><th>dialect</th><th>where</th><th>replacement</th></tr>
 *   <tr><td>{@link Dialect#CARD}</td><td>card {@code lark_md}</td><td>HTML numeric entities for
 *       {@code < > & * _ ~ ` [ ] ( ) # \ - + ! : $ " ' |} (the doc's table, with {@code ~} as
 *       {@code &#126;} rather than the doc's {@code &sim;}, which is another character, and
 *       {@code &} and {@code |} added so that {@code &#60;at…} typed by an attacker stays text)</td></tr>
 *   <tr><td>{@link Dialect#TEXT}</td><td>{@code text} messages, plain-text titles and buttons</td>
 *       <td>{@code < > &} become full-width {@code ＜ ＞ ＆}: only {@code <at …>} is interpreted
 *       in text, and whether entities are decoded there is unverified</td></tr>
 *   <tr><td>{@link Dialect#POST}</td><td>{@code post} {@code text} elements</td><td>none: tags are
 *       structural in a post, a value in a {@code text} element is never parsed</td></tr>
 * </table>
 *
 * <p>Every dialect also (with core's {@link TextSafety}) removes C0/C1 controls (tab becomes a
 * space) and invisible format characters (zero-width spaces, bidi overrides and isolates, BOM, tag
 * characters) except the zero-width (non-)joiners emoji need, and turns a lone surrogate into
 * U+FFFD. {@code inline} turns line breaks into spaces; {@code block} keeps them, with at most one
 * blank line in a row. Output is cut with {@link #cut}, which never splits an entity. Stateless and
 * thread-safe.
 */
final class LarkEscaper {
  static final char ELLIPSIS = TextSafety.ELLIPSIS;
  private static final String CARD_SPECIAL = "<>&*_~`[]()#\\-+!:$\"'|";

  /** The three ways Lark reads text. */
  enum Dialect implements Escaper {
    CARD, TEXT, POST;

    /** One line of inert text, cut to {@code max} code points (an entity counts as one). */
    @Override
    public String inline(String raw, int max) {
      return cut(escape(raw, false, this), max);
    }

    /** Inert text keeping its line breaks, cut to {@code max} code points. */
    @Override
    public String block(String raw, int max) {
      return cut(escape(raw, true, this), max);
    }

    /** {@link LarkEscaper#cut}: the same in every dialect. */
    @Override
    public String cut(String escaped, int max) {
      return LarkEscaper.cut(escaped, max);
    }

    String inline(String raw) {
      return escape(raw, false, this);
    }
  }

  private LarkEscaper() {}

  /**
   * {@code escaped} cut to at most {@code max} units, {@code …} appended when cut. A unit is a code
   * point, or a whole {@code &…;} entity: escaper output has no other {@code &} in the card dialect.
   */
  static String cut(String escaped, int max) {
    int units = 0;
    int i = 0;
    while (i < escaped.length()) {
      if (units == max) {
        return escaped.substring(0, i).stripTrailing() + ELLIPSIS;
      }
      i = nextUnit(escaped, i);
      units++;
    }
    return escaped;
  }

  private static int nextUnit(String s, int i) {
    if (s.charAt(i) == '&') {
      int semi = s.indexOf(';', i);
      if (semi > i && semi - i <= 8) {
        return semi + 1;
      }
    }
    return i + Character.charCount(s.codePointAt(i));
  }

  static String escape(String raw, boolean keepLines, Dialect dialect) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 16);
    int newlines = 0;
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (TextSafety.isLineBreak(cp)) {
        if (cp == '\r' && next < raw.length() && raw.charAt(next) == '\n') {
          next++;
        }
        if (!keepLines) {
          if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
          }
        } else if (out.length() > 0 && newlines < 2) {
          trimTrailing(out, false);
          out.append('\n');
          newlines++;
        }
        i = next;
        continue;
      }
      i = next;
      if (TextSafety.isInvisible(cp)) {
        continue;
      }
      if (cp == '\t') {
        cp = ' ';
      }
      if (cp == ' ' && (out.length() == 0 || out.charAt(out.length() - 1) == '\n')) {
        continue; // no leading blanks: an indented line is code in card markdown 2.0
      }
      newlines = 0;
      append(out, cp, dialect);
    }
    trimTrailing(out, true);
    return out.toString();
  }

  private static void append(StringBuilder out, int cp, Dialect dialect) {
    if (TextSafety.repaired(cp) != cp) {
      out.append(TextSafety.REPLACEMENT); // UTF-8 cannot encode a lone surrogate
      return;
    }
    switch (dialect) {
      case CARD -> {
        if (cp < 128 && CARD_SPECIAL.indexOf(cp) >= 0) {
          out.append("&#").append(cp).append(';');
        } else {
          out.appendCodePoint(cp);
        }
      }
      case TEXT -> out.appendCodePoint(cp == '<' ? '＜' : cp == '>' ? '＞' : cp == '&' ? '＆' : cp);
      case POST -> out.appendCodePoint(cp);
    }
  }

  private static void trimTrailing(StringBuilder out, boolean newlinesToo) {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || (newlinesToo && out.charAt(end - 1) == '\n'))) {
      end--;
    }
    out.setLength(end);
  }
}

package io.github.alertrouter.lark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.spi.render.ByteBudget;
import io.github.alertrouter.spi.render.Escaper;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.TextSafety;

/**
 * The three ways Lark reads text (docs/platforms.md §2.7), each making untrusted alert text (label
 * and annotation values, contact names) inert: it shows as the same words but cannot format, link
 * or mention anyone. Also the JSON bodies every dialect's messages are built of, and the byte
 * budget they are fitted into.
 *
 * <table>
 *   <caption>What each dialect does to a value</caption>
 *   <tr><th>dialect</th><th>where</th><th>replacement</th></tr>
 *   <tr><td>{@link #CARD}</td><td>card {@code lark_md}</td><td>HTML numeric entities for
 *       {@code < > & * _ ~ ` [ ] ( ) # \ - + ! : $ " ' |} (the doc's table, with {@code ~} as
 *       {@code &#126;} rather than the doc's {@code &sim;}, which is another character, and
 *       {@code &} and {@code |} added so that {@code &#60;at…} typed by an attacker stays text)</td></tr>
 *   <tr><td>{@link #TEXT}</td><td>{@code text} messages, plain-text titles and buttons</td>
 *       <td>{@code < > &} become full-width {@code ＜ ＞ ＆}: only {@code <at …>} is interpreted
 *       in text, and whether entities are decoded there is unverified</td></tr>
 *   <tr><td>{@link #POST}</td><td>{@code post} {@code text} elements</td><td>none: tags are
 *       structural in a post, a value in a {@code text} element is never parsed</td></tr>
 * </table>
 *
 * <p>Every dialect also (with core's {@link TextSafety}) removes C0/C1 controls (tab becomes a
 * space) and invisible format characters (zero-width spaces, bidi overrides and isolates, BOM, tag
 * characters) except the zero-width (non-)joiners emoji need, and turns a lone surrogate into
 * U+FFFD. {@code inline} turns line breaks into spaces; {@code block} keeps them, with at most one
 * blank line in a row. Output is cut with {@link #cut}, which never splits an entity.
 *
 * <p><b>Budget</b> ({@link #BUDGET}): Lark's limit on the request body, "20 KB", read
 * conservatively as {@value #MAX_BODY_BYTES} UTF-8 bytes of serialized JSON (docs/platforms.md
 * §2.5; whether it means 20000 or 20480 is unverified; the 30 KB card limit never binds first).
 * The rendered body is not yet what goes on the wire, so room is kept for what the client may
 * add: {@value #SIGNING_RESERVE} bytes for {@code ,"timestamp":"1700000000","sign":"<44 chars>"}
 * (79 bytes with a 10-digit timestamp), and {@value #AT_ALL_RESERVE} for the @all fallback, whose
 * plain text is up to 16 bytes longer than the tag it replaces. Paging is core's {@link Paging}:
 * truncate ("…and N more alerts") or split per the robot's overflow; mentions are never cut.
 *
 * <p><b>Bodies</b> are Jackson trees, serialized so the budget counts JSON escaping exactly; every
 * text loses any lone surrogate (a template's literal text can hold one), which UTF-8 cannot
 * encode. Stateless and thread-safe.
 */
enum LarkDialect implements Escaper {
  /** Card 1.0 {@code lark_md}: entity-escaped. */
  CARD,
  /** {@code text} messages, plain-text titles and buttons: {@code < > &} full-width. */
  TEXT,
  /** {@code post} {@code text} elements: structure is the escape. */
  POST;

  static final String MSG_INTERACTIVE = "interactive";
  static final String MSG_POST = "post";
  static final String MSG_TEXT = "text";
  static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_BODY_BYTES = 20_000;
  static final int SIGNING_RESERVE = 80;
  static final int AT_ALL_RESERVE = 20;
  /** What a rendered body may use. */
  static final int RENDER_BUDGET = MAX_BODY_BYTES - SIGNING_RESERVE - AT_ALL_RESERVE;
  /** The longest summary, description or annotation value, in escaped units. */
  static final int MAX_TEXT = 2000;
  /** Alerts too big on their own are cut as card text: an entity counts as one unit in every dialect. */
  static final ByteBudget BUDGET = new ByteBudget(RENDER_BUDGET, ByteBudget::utf8, CARD, MAX_TEXT);
  private static final String CARD_SPECIAL = "<>&*_~`[]()#\\-+!:$\"'|";

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

  /** {@link #cutUnits}: the same in every dialect. */
  @Override
  public String cut(String escaped, int max) {
    return LarkDialect.cutUnits(escaped, max);
  }

  String inline(String raw) {
    return escape(raw, false, this);
  }

  /** How a message of {@code type} reads its text. */
  static LarkDialect of(LarkOptions.MsgType type) {
    return switch (type) {
      case INTERACTIVE -> CARD;
      case POST -> POST;
      case TEXT -> TEXT;
    };
  }

  static ObjectNode root(String msgType) {
    return JSON.createObjectNode().put("msg_type", msgType);
  }

  /** {@code {"tag":"plain_text","content":…}}. */
  static ObjectNode plainText(String content) {
    return JSON.createObjectNode().put("tag", "plain_text").put("content", clean(content));
  }

  /** A card 1.0 {@code div} of {@code lark_md}. */
  static void markdownDiv(ArrayNode elements, String content) {
    if (!content.isEmpty()) {
      elements.addObject().put("tag", "div").putObject("text").put("tag", "lark_md").put("content", clean(content));
    }
  }

  /** A post {@code text} element. */
  static void text(ArrayNode paragraph, String text) {
    paragraph.addObject().put("tag", "text").put("text", clean(text));
  }

  /** A post {@code a} element; {@code href} is a trusted http(s) URL. */
  static void link(ArrayNode paragraph, String text, String href) {
    paragraph.addObject().put("tag", "a").put("text", clean(text)).put("href", href);
  }

  /** A post {@code at} element. */
  static void at(ArrayNode paragraph, String userId, String name) {
    ObjectNode at = paragraph.addObject().put("tag", "at").put("user_id", userId);
    if (name != null) {
      at.put("user_name", clean(name));
    }
  }

  static String write(ObjectNode root) {
    return JsonBodies.write(root);
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  static String clean(String s) {
    return TextSafety.repairSurrogates(s);
  }

  /**
   * {@code escaped} cut to at most {@code max} units, {@code …} appended when cut. A unit is a code
   * point, or a whole {@code &…;} entity: escaper output has no other {@code &} in the card dialect.
   */
  static String cutUnits(String escaped, int max) {
    int units = 0;
    int i = 0;
    while (i < escaped.length()) {
      if (units == max) {
        return escaped.substring(0, i).stripTrailing() + TextSafety.ELLIPSIS;
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

  static String escape(String raw, boolean keepLines, LarkDialect dialect) {
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

  private static void append(StringBuilder out, int cp, LarkDialect dialect) {
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

package io.github.alertrouter.wecom.internal;

/**
 * Makes untrusted alert text (label and annotation values, contact names, link titles) inert in
 * one WeCom dialect: it reads as the same words, but cannot mention, format or link.
 *
 * <p>WeCom documents no escape mechanism (platforms.md §3.7; backslash escapes are unverified), so
 * characters are replaced by visually close full-width forms rather than escaped. {@link #MARKDOWN}
 * serves {@code markdown} and {@code markdown_v2} content; {@link #TEXT} serves {@code text}
 * content, which renders no markup but still turns {@code <@userid>} into a real mention:
 *
 * <table>
 *   <caption>Replacements, everywhere in a value</caption>
 *   <tr><th>in</th><th>out</th><th>dialect</th><th>why</th></tr>
 *   <tr><td>{@code < >}</td><td>{@code ＜ ＞} U+FF1C U+FF1E</td><td>both</td><td>no {@code <@userid>},
 *       {@code <@all>}, {@code <font color>}, HTML or autolinks; line-start {@code >} quotes</td></tr>
 *   <tr><td>{@code @}</td><td>{@code ＠} U+FF20</td><td>both</td><td>no text even looks like a mention</td></tr>
 *   <tr><td>{@code &}</td><td>{@code ＆} U+FF06</td><td>both</td><td>no entity ({@code &lt;@}) can decode to a tag</td></tr>
 *   <tr><td>{@code * _ `}</td><td>{@code ＊ ＿ ｀}</td><td>markdown</td><td>no bold, italics, code</td></tr>
 *   <tr><td>{@code [ ]}</td><td>{@code ［ ］}</td><td>markdown</td><td>no links or images; {@code ( ) !}
 *       stay: without brackets they form neither</td></tr>
 *   <tr><td>{@code # ~ |}</td><td>{@code ＃ ～ ｜}</td><td>markdown</td><td>no headings, strike-through, tables (v2)</td></tr>
 *   <tr><td>{@code \}</td><td>{@code ＼}</td><td>markdown</td><td>backslash escapes are unverified either way</td></tr>
 * </table>
 *
 * <p>Markdown only, at the start of a value and of each line: leading blanks are dropped (no
 * indented code), and a list or rule marker ({@code - + =} followed by a blank, the end or the same
 * character; {@code 1.} or {@code 1)} followed by a blank) becomes {@code － ＋ ＝ 1． 1）}: markdown_v2
 * renders lists and {@code ---} rules, and a value must not fake a "# RESOLVED" heading or a quote.
 *
 * <p>Both: C0/C1 control characters are removed (tab becomes a space); invisible format characters
 * (zero-width spaces, bidi overrides and isolates, BOM, tag characters) are removed, except the
 * zero-width (non-)joiners emoji and some scripts need, so {@code <\u200B@all>} cannot survive as
 * {@code <@all>} after a client strips the invisible; a lone surrogate becomes U+FFFD.
 * {@link #inline} turns line breaks into spaces; {@link #block} keeps them, at most one blank line
 * in a row. Every input code point becomes at most one output code point, so output may be cut
 * at any code-point boundary ({@link #cut}). Immutable and thread-safe.
 */
final class WeComEscaper {
  /** For {@code markdown} and {@code markdown_v2} content. */
  static final WeComEscaper MARKDOWN = new WeComEscaper(true);
  /** For {@code text} content. */
  static final WeComEscaper TEXT = new WeComEscaper(false);
  static final char ELLIPSIS = '…';

  private final boolean markdown;

  private WeComEscaper(boolean markdown) {
    this.markdown = markdown;
  }

  /** One line of inert text: line breaks become spaces. {@code null} is {@code ""}. */
  String inline(String raw) {
    return escape(raw, false);
  }

  /** {@link #inline}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  String inline(String raw, int maxCodePoints) {
    return cut(escape(raw, false), maxCodePoints);
  }

  /** Inert text that keeps its line breaks (each line neutralised). {@code null} is {@code ""}. */
  String block(String raw) {
    return escape(raw, true);
  }

  /** {@link #block}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  String block(String raw, int maxCodePoints) {
    return cut(escape(raw, true), maxCodePoints);
  }

  /**
   * {@code escaped} cut to at most {@code maxCodePoints} code points, with {@code …} appended when
   * cut. Only for escaper output, which holds no lone surrogate and no multi-character escape.
   */
  static String cut(String escaped, int maxCodePoints) {
    if (escaped.codePointCount(0, escaped.length()) <= maxCodePoints) {
      return escaped;
    }
    String head = escaped.substring(0, escaped.offsetByCodePoints(0, Math.max(0, maxCodePoints)));
    return head.stripTrailing() + ELLIPSIS;
  }

  private String escape(String raw, boolean keepLines) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(raw.length() + 8);
    boolean lineStart = true;
    int blankLines = 0;
    int i = 0;
    while (i < raw.length()) {
      int cp = raw.codePointAt(i);
      int next = i + Character.charCount(cp);
      if (isLineBreak(cp)) {
        if (cp == '\r' && next < raw.length() && raw.charAt(next) == '\n') {
          next++;
        }
        if (!keepLines) {
          appendSpace(out);
        } else if (out.length() > 0 && blankLines < 2) {
          trimTrailingSpaces(out);
          out.append('\n');
          blankLines++;
          lineStart = true;
        }
        i = next;
        continue;
      }
      if (isDropped(cp)) {
        i = next;
        continue;
      }
      if (cp == '\t' || Character.isSpaceChar(cp)) {
        if (!lineStart || !markdown) {
          appendSpaceOrBlank(out, cp, lineStart);
        }
        i = next;
        continue;
      }
      if (lineStart) {
        lineStart = false;
        blankLines = 0;
        int afterMarker = markdown ? lineStartMarker(raw, i, out) : i;
        if (afterMarker > i) {
          i = afterMarker;
          continue;
        }
      }
      out.appendCodePoint(replacement(cp));
      blankLines = 0;
      i = next;
    }
    trimTrailingBlanks(out);
    return out.toString();
  }

  /** Writes a neutralised list/rule marker at {@code i} and returns the index after it, or {@code i}. */
  private static int lineStartMarker(String raw, int i, StringBuilder out) {
    char c = raw.charAt(i);
    if (c == '-' || c == '+' || c == '=') {
      int after = i + 1;
      if (after == raw.length() || raw.charAt(after) == c || isBlankOrBreak(raw.charAt(after))) {
        out.append(c == '-' ? '－' : c == '+' ? '＋' : '＝');
        return after;
      }
      return i;
    }
    int j = i;
    while (j < raw.length() && j - i < 10 && raw.charAt(j) >= '0' && raw.charAt(j) <= '9') {
      j++;
    }
    if (j > i && j < raw.length() && (raw.charAt(j) == '.' || raw.charAt(j) == ')')
        && (j + 1 == raw.length() || isBlankOrBreak(raw.charAt(j + 1)))) {
      out.append(raw, i, j).append(raw.charAt(j) == '.' ? '．' : '）');
      return j + 1;
    }
    return i;
  }

  private int replacement(int cp) {
    switch (cp) {
      case '<': return '＜';
      case '>': return '＞';
      case '@': return '＠';
      case '&': return '＆';
      default:
        break;
    }
    if (markdown) {
      switch (cp) {
        case '*': return '＊';
        case '_': return '＿';
        case '`': return '｀';
        case '[': return '［';
        case ']': return '］';
        case '#': return '＃';
        case '~': return '～';
        case '|': return '｜';
        case '\\': return '＼';
        default:
          break;
      }
    }
    // a lone surrogate cannot be encoded as UTF-8
    return Character.isSurrogate((char) cp) && cp <= 0xFFFF ? 0xFFFD : cp;
  }

  private static boolean isLineBreak(int cp) {
    return cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
  }

  private static boolean isBlankOrBreak(char c) {
    return c == ' ' || c == '\t' || isLineBreak(c);
  }

  private static boolean isDropped(int cp) {
    if (cp == '\t') {
      return false;
    }
    int type = Character.getType(cp);
    if (type == Character.CONTROL) {
      return true;
    }
    // zero-width joiners are part of emoji sequences and of some scripts' spelling
    return type == Character.FORMAT && cp != 0x200C && cp != 0x200D;
  }

  /** Text keeps a line's leading blanks (they mean nothing there); markdown drops them (indented code). */
  private static void appendSpaceOrBlank(StringBuilder out, int cp, boolean lineStart) {
    if (!lineStart || out.length() > 0) {
      out.appendCodePoint(cp == '\t' ? ' ' : cp);
    }
  }

  private static void appendSpace(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
      out.append(' ');
    }
  }

  private static void trimTrailingSpaces(StringBuilder out) {
    int end = out.length();
    while (end > 0 && out.charAt(end - 1) != '\n' && Character.isSpaceChar(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
  }

  private static void trimTrailingBlanks(StringBuilder out) {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == '\n' || Character.isSpaceChar(out.charAt(end - 1)))) {
      end--;
    }
    out.setLength(end);
  }
}

package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.render.FullWidth;
import io.github.alertrouter.spi.render.InertText;
import io.github.alertrouter.spi.render.TextSafety;

/**
 * Makes untrusted alert text (label and annotation values, contact names) inert in DingTalk
 * markdown: it renders as the same words, but cannot format, link, or look like a mention.
 *
 * <p>DingTalk documents no escape mechanism and whether backslash escapes work is unverified, so
 * control characters are replaced by visually close full-width forms rather than escaped:
 *
 * <table>
 *   <caption>Replacements, everywhere in a value</caption>
 *   <tr><th>in</th><th>out</th><th>why</th></tr>
 *   <tr><td>{@code @}</td><td>{@code ＠} U+FF20</td><td>no text can look like or become a mention</td></tr>
 *   <tr><td>{@code < >}</td><td>{@code ＜ ＞} U+FF1C U+FF1E</td><td>no HTML ({@code <font>}, {@code <at>}), autolinks, quotes</td></tr>
 *   <tr><td>{@code * _ `}</td><td>{@code ＊ ＿ ｀}</td><td>no bold, italics, code</td></tr>
 *   <tr><td>{@code [ ]}</td><td>{@code ［ ］}</td><td>no links or images; so {@code (}, {@code )} and {@code !}
 *       stay ASCII: without {@code [ ]} they cannot form {@code [t](u)} or {@code ![](u)}</td></tr>
 *   <tr><td>{@code # ~ |}</td><td>{@code ＃ ～ ｜}</td><td>no headings, strike-through, tables</td></tr>
 *   <tr><td>{@code \}</td><td>{@code ＼} U+FF3C</td><td>backslash escapes are unverified either way</td></tr>
 *   <tr><td>{@code &}</td><td>{@code ＆} U+FF06</td><td>no HTML entity ({@code &#64;}) can decode to {@code @}</td></tr>
 * </table>
 *
 * <p>At the start of a value and of each line: leading blanks are dropped (no indented code),
 * and a list or rule marker is replaced: {@code - + =} followed by a blank, the end or the same
 * character become {@code － ＋ ＝}; {@code 1.} and {@code 1)} followed by a blank become
 * {@code 1．} and {@code 1）}. Heading ({@code #}) and quote ({@code >}) markers are already gone,
 * so a value cannot fake a "# RESOLVED" heading.
 *
 * <p>Everywhere (core's {@link InertText}, which applies this table): C0/C1 control characters
 * are removed (tab becomes a space); invisible format characters (zero-width spaces, bidi
 * overrides and isolates, BOM, tag characters) are removed, except the zero-width (non-)joiners
 * that emoji and some scripts need; a lone surrogate becomes U+FFFD. {@link #inline} turns line
 * breaks into spaces (label values, names); {@link #block} keeps them, with at most one blank line
 * in a row (annotations).
 *
 * <p>Every input code point becomes at most one output code point, so the output may be cut at
 * any code-point boundary ({@link #cut}) without splitting a replacement. URLs inside untrusted
 * text stay readable (a client may still autolink a bare URL, which shows the URL itself), but
 * can never carry attacker-chosen link text. Stateless and thread-safe.
 */
final class DingTalkEscaper {
  static final char ELLIPSIS = TextSafety.ELLIPSIS;
  /** The escaper as core's render helpers take it. */
  static final InertText MARKDOWN = new InertText(FullWidth.replacing("@<>*_`[]#~|\\&"), true);

  private DingTalkEscaper() {}

  /** One line of inert text: line breaks become spaces. {@code null} is {@code ""}. */
  static String inline(String raw) {
    return MARKDOWN.inline(raw);
  }

  /** {@link #inline}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  static String inline(String raw, int maxCodePoints) {
    return MARKDOWN.inline(raw, maxCodePoints);
  }

  /** Inert text that keeps its line breaks (each line neutralised). {@code null} is {@code ""}. */
  static String block(String raw) {
    return MARKDOWN.block(raw);
  }

  /** {@link #block}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  static String block(String raw, int maxCodePoints) {
    return MARKDOWN.block(raw, maxCodePoints);
  }

  /**
   * {@code escaped} cut to at most {@code maxCodePoints} code points, with {@code …} appended when
   * cut. Only for escaper output, which holds no lone surrogate and no multi-character escape.
   */
  static String cut(String escaped, int maxCodePoints) {
    return TextSafety.cut(escaped, maxCodePoints);
  }
}

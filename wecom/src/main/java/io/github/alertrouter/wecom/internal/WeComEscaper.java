package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.Escaper;
import io.github.alertrouter.spi.render.FullWidth;
import io.github.alertrouter.spi.render.InertText;
import io.github.alertrouter.spi.render.TextSafety;

/**
 * Makes untrusted alert text (label and annotation values, contact names, link titles) inert in
 * one WeCom dialect: it reads as the same words, but cannot mention, format or link.
 *
 * <p>WeCom documents no escape mechanism (docs/platforms.md §3.7; backslash escapes are unverified), so
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
 * <p>Both (core's {@link InertText}, which applies these tables): C0/C1 control characters are removed (tab becomes a space); invisible format characters
 * (zero-width spaces, bidi overrides and isolates, BOM, tag characters) are removed, except the
 * zero-width (non-)joiners emoji and some scripts need, so {@code <\u200B@all>} cannot survive as
 * {@code <@all>} after a client strips the invisible; a lone surrogate becomes U+FFFD.
 * {@link #inline} turns line breaks into spaces; {@link #block} keeps them, at most one blank line
 * in a row. Every input code point becomes at most one output code point, so output may be cut
 * at any code-point boundary ({@link #cut}, core's {@link TextSafety#cut}). Immutable and thread-safe.
 */
final class WeComEscaper implements Escaper {
  /** For {@code markdown} and {@code markdown_v2} content. */
  static final WeComEscaper MARKDOWN = new WeComEscaper(true);
  /** For {@code text} content. */
  static final WeComEscaper TEXT = new WeComEscaper(false);
  static final char ELLIPSIS = TextSafety.ELLIPSIS;
  /** Replaced in both dialects: mentions, tags and entities. */
  private static final String TEXT_MARKUP = "<>@&";
  /** Replaced in markdown only: emphasis, code, links, headings, strike-through, tables, escapes. */
  private static final String MARKDOWN_MARKUP = "*_`[]#~|\\";

  private final InertText inert;

  private WeComEscaper(boolean markdown) {
    this.inert = new InertText(FullWidth.replacing(markdown ? TEXT_MARKUP + MARKDOWN_MARKUP : TEXT_MARKUP), markdown);
  }

  /** One line of inert text: line breaks become spaces. {@code null} is {@code ""}. */
  String inline(String raw) {
    return inert.inline(raw);
  }

  /** {@link #inline}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  @Override
  public String inline(String raw, int maxCodePoints) {
    return inert.inline(raw, maxCodePoints);
  }

  /** Inert text that keeps its line breaks (each line neutralised). {@code null} is {@code ""}. */
  String block(String raw) {
    return inert.block(raw);
  }

  /** {@link #block}, then cut to at most {@code maxCodePoints} (plus an ellipsis). */
  @Override
  public String block(String raw, int maxCodePoints) {
    return inert.block(raw, maxCodePoints);
  }
}

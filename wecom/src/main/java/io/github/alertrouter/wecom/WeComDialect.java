package io.github.alertrouter.wecom;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.render.ByteBudget;
import io.github.alertrouter.spi.render.Escaper;
import io.github.alertrouter.spi.render.FullWidth;
import io.github.alertrouter.spi.render.InertText;
import io.github.alertrouter.spi.render.JsonBodies;
import io.github.alertrouter.spi.render.LayoutText;
import io.github.alertrouter.spi.render.Paging;
import io.github.alertrouter.spi.render.TextSafety;
import io.github.alertrouter.spi.render.Wording;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One of WeCom's two dialects: how untrusted text is made inert in it, and, for both, how a
 * message @s people ({@link Mentions}), the JSON bodies (docs/platforms.md §3.2) and the byte
 * budget contents are fitted into.
 *
 * <p><b>Escaping.</b> Untrusted alert text (label and annotation values, contact names, link
 * titles) reads as the same words, but cannot mention, format or link.
 *
 * <p>WeCom documents no escape mechanism (docs/platforms.md §3.7; backslash escapes are unverified), so
 * characters are replaced by visually close full-width forms rather than escaped. {@link #MARKDOWN}
 * serves {@code markdown} and {@code markdown_v2} content; {@link #TEXT} serves {@code text}
 * content, which renders no markup but still turns {@code <@userid>} into a real mention:
 *
 * <table>
 *   <caption>Replacements, where the character could act ({@link InertText.Positions#MARKDOWN}:
 *   {@code pay_api}, {@code a > b}, {@code x < 5} stay as they are; {@code @} and brackets never do)</caption>
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
 * at any code-point boundary ({@link #cut}, core's {@link TextSafety#cut}).
 *
 * <p><b>Budget</b> ({@link #budget}): WeCom limits a field, not the body (docs/platforms.md §3.5):
 * the {@code content} of a text message is at most 2048 UTF-8 bytes, of a markdown or markdown_v2
 * message 4096 (over it: 40058), so the measure is the content itself, as the UTF-8 bytes of the
 * decoded string; the mention lists of a text message are outside it. Paging is core's
 * {@link Paging}: truncate ("…and N more alerts") or split into {@code (1/3)} parts, only the first
 * carrying mention tokens, lists and unresolved names. Mentions are never cut: if the heading and
 * the {@code <@userid>} tokens alone exceed the limit (hundreds of people), the content goes over
 * and WeCom refuses it as too long.
 *
 * <p>Bodies lose any lone surrogate (a template's literal text can hold one), which UTF-8 cannot
 * encode. Immutable and thread-safe.
 */
final class WeComDialect implements Escaper {
  /** For {@code markdown} and {@code markdown_v2} content. */
  static final WeComDialect MARKDOWN = new WeComDialect(true);
  /** For {@code text} content. */
  static final WeComDialect TEXT = new WeComDialect(false);
  static final String MARKDOWN_TYPE = "markdown";
  static final String MARKDOWN_V2 = "markdown_v2";
  static final String TEXT_TYPE = "text";
  /** The longest summary, description or annotation value, in code points. */
  // a 4096-byte message holds ~1300 CJK characters: longer texts only cost paging work
  static final int MAX_TEXT = 1000;
  static final int MAX_TEXT_CONTENT_BYTES = 2048;
  static final int MAX_MARKDOWN_CONTENT_BYTES = 4096;
  /** Replaced in both dialects: mentions, tags and entities. */
  private static final String TEXT_MARKUP = "<>@&";
  /** Replaced in markdown only: emphasis, code, links, headings, strike-through, tables, escapes. */
  private static final String MARKDOWN_MARKUP = "*_`[]#~|\\";

  private final InertText inert;

  private WeComDialect(boolean markdown) {
    this.inert = new InertText(FullWidth.replacing(markdown ? TEXT_MARKUP + MARKDOWN_MARKUP : TEXT_MARKUP), markdown,
        InertText.Positions.MARKDOWN);
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

  /**
   * The budget of {@code type}'s content: text 2048 bytes, markdown and markdown_v2 4096
   * (docs/platforms.md §3.5); alerts too big on their own are cut as markdown.
   */
  static ByteBudget budget(WeComOptions.MsgType type) {
    int maxBytes = type == WeComOptions.MsgType.TEXT ? MAX_TEXT_CONTENT_BYTES : MAX_MARKDOWN_CONTENT_BYTES;
    return new ByteBudget(maxBytes, WeComDialect::bytes, MARKDOWN, MAX_TEXT);
  }

  /** Content size as WeCom counts it: UTF-8 bytes of the decoded string, not of its JSON form. */
  static int bytes(String content) {
    return ByteBudget.utf8(TextSafety.repairSurrogates(content));
  }

  /** {@code {"msgtype":type,type:{"content":…}}} for {@code markdown} or {@code markdown_v2}. */
  static String markdown(String type, String content) {
    ObjectNode root = JsonBodies.object().put("msgtype", type);
    root.putObject(type).put("content", TextSafety.repairSurrogates(content));
    return JsonBodies.write(root);
  }

  /**
   * A text message; the lists are written only when non-empty. {@code "@all"} in
   * {@code mentioned_list} mentions everyone.
   */
  static String text(String content, Mentions.Lists lists) {
    ObjectNode root = JsonBodies.object().put("msgtype", TEXT_TYPE);
    ObjectNode text = root.putObject(TEXT_TYPE).put("content", TextSafety.repairSurrogates(content));
    if (!lists.mentionedList().isEmpty()) {
      lists.mentionedList().forEach(text.putArray("mentioned_list")::add);
    }
    if (!lists.mentionedMobileList().isEmpty()) {
      lists.mentionedMobileList().forEach(text.putArray("mentioned_mobile_list")::add);
    }
    return JsonBodies.write(root);
  }

  /**
   * Who one notification @s on WeCom, sorted by what can carry each mention (docs/platforms.md
   * §3.3): a userid can be a {@code <@userid>} token in markdown or text content, or a
   * {@code mentioned_list} entry of a text message; a mobile only a {@code mentioned_mobile_list}
   * entry; everyone only {@code "@all"} in a text message's lists ({@code <@all>} in markdown is
   * unverified, so it is never relied on). Mentions that did not resolve are shown by name,
   * escaped, with the reason. Immutable.
   *
   * @param userIds distinct userids, in order
   * @param mobiles distinct mobiles, in order
   * @param atAll whether everyone is mentioned
   * @param userIdMentions the mentions behind {@code userIds}
   * @param otherMentions the mentions behind {@code mobiles} and {@code atAll}: what markdown cannot carry
   * @param unresolved one escaped line per mention that cannot be @-ed
   */
  record Mentions(
      List<String> userIds, List<String> mobiles, boolean atAll, List<Mention> userIdMentions,
      List<Mention> otherMentions, List<String> unresolved) {
    /** WeCom's "everyone" entry in {@code mentioned_list} and {@code mentioned_mobile_list}. */
    static final String ALL = "@all";
    private static final int MAX_NAME_CODE_POINTS = 80;

    /** What one text message's lists carry, and the mentions behind them. */
    record Lists(List<String> mentionedList, List<String> mentionedMobileList, List<Mention> mentions) {
      static final Lists NONE = new Lists(List.of(), List.of(), List.of());

      boolean isEmpty() {
        return mentions.isEmpty();
      }
    }

    static Mentions of(List<Mention> mentions, WeComDialect escaper) {
      return of(mentions, escaper, Wording.DEFAULT);
    }

    /** The mentions of one message; people who cannot be @-ed are named in {@code wording}. */
    static Mentions of(List<Mention> mentions, WeComDialect escaper, Wording wording) {
      Set<String> userIds = new LinkedHashSet<>();
      Set<String> mobiles = new LinkedHashSet<>();
      boolean all = false;
      List<Mention> userIdMentions = new ArrayList<>();
      List<Mention> other = new ArrayList<>();
      List<String> unresolved = new ArrayList<>();
      for (Mention m : mentions) {
        String type = m.isResolved() ? m.identity().type() : "";
        if (m.isAll()) {
          if (!all) {
            other.add(m);
          }
          all = true;
        } else if (type.equals(WeComIdentities.USER_ID) && WeComIdentities.isUserId(m.identity().value())) {
          if (userIds.add(m.identity().value())) {
            userIdMentions.add(m);
          }
        } else if (type.equals(WeComIdentities.MOBILE)) {
          if (mobiles.add(m.identity().value())) {
            other.add(m);
          }
        } else {
          String why = m.isResolved() ? "identity " + type + " is not a WeCom one" : m.reason();
          unresolved.add(wording.notMentioned(escaper.inline(m.name(), MAX_NAME_CODE_POINTS),
              escaper.inline(wording.mentionReason(why), MAX_NAME_CODE_POINTS * 2)));
        }
      }
      return new Mentions(List.copyOf(userIds), List.copyOf(mobiles), all, List.copyOf(userIdMentions),
          List.copyOf(other), List.copyOf(unresolved));
    }

    /** Whether some mention needs a text message's lists: a mobile, or everyone. */
    boolean needsLists() {
      return !mobiles.isEmpty() || atAll;
    }

    /** The {@code <@userid>} tokens markdown content writes. */
    List<String> tokens() {
      return userIds.stream().map(u -> "<@" + u + ">").toList();
    }

    /** Every mention in a text message's lists: for {@code text} and the follow-up of markdown_v2. */
    Lists everything() {
      List<String> list = new ArrayList<>(userIds);
      if (atAll) {
        list.add(ALL);
      }
      return new Lists(List.copyOf(list), mobiles,
          Stream.concat(userIdMentions.stream(), otherMentions.stream()).toList());
    }

    /** What markdown cannot carry (mobiles, everyone): the follow-up of a markdown message. */
    Lists beyondMarkdown() {
      return new Lists(atAll ? List.of(ALL) : List.of(), mobiles, otherMentions);
    }

    /** The unresolved names, one per line, or {@code ""}. */
    String unresolvedText() {
      return String.join("\n", unresolved);
    }

    /**
     * {@code text} plus any of {@code tokens} it lacks, on a final line, so a template that drops
     * the mention line loses no mention. {@code <@id>} tokens are delimited, so a plain search is exact.
     */
    static String withTokens(String text, List<String> tokens) {
      return LayoutText.withMissing(text, tokens, "\n", String::contains);
    }
  }
}

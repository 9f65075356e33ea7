package io.github.alertrouter.dingtalk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.dingtalk.DingTalkOptions.ButtonOrientation;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.spi.render.ByteBudget;
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

/**
 * DingTalk's dialect: how untrusted text is made inert in its markdown, how a message @s people
 * ({@link Mentions}), the JSON bodies, and the byte budget they are fitted into.
 *
 * <p><b>Escaping.</b> Untrusted alert text (label and annotation values, contact names) renders
 * as the same words, but cannot format, link, or look like a mention.
 *
 * <p>DingTalk documents no escape mechanism and whether backslash escapes work is unverified, so
 * control characters are replaced by visually close full-width forms rather than escaped:
 *
 * <table>
 *   <caption>Replacements, where the character could act ({@link InertText.Positions#MARKDOWN}:
 *   {@code pay_api}, {@code a > b}, {@code x < 5} stay as they are; {@code @} and brackets never do)</caption>
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
 * any code-point boundary ({@link TextSafety#cut}) without splitting a replacement. URLs inside untrusted
 * text stay readable (a client may still autolink a bare URL, which shows the URL itself), but
 * can never carry attacker-chosen link text.
 *
 * <p><b>Budget</b> ({@link #BUDGET}): the whole request body is at most {@value #MAX_BODY_BYTES}
 * UTF-8 bytes of serialized JSON (docs/platforms.md §1.5, error 460101), measured by serializing
 * every candidate, so JSON escaping and multibyte text count exactly; truncated ("…and N more
 * alerts") or split into {@code (1/3)} parts by core's {@link Paging}. Mentions are never cut: if
 * the mentions and heading alone exceed the budget (hundreds of people), the message is sent over
 * budget and DingTalk refuses it as too long.
 *
 * <p><b>Bodies</b> are serialized with Jackson; titles and texts lose any lone surrogate (a
 * template's literal text can hold one), which UTF-8 cannot encode. Stateless and thread-safe.
 */
final class DingTalkDialect {
  /** The escaper as core's render helpers take it. */
  static final InertText MARKDOWN =
      new InertText(FullWidth.replacing("@<>*_`[]#~|\\&"), true, InertText.Positions.MARKDOWN);
  static final String MARKDOWN_TYPE = "markdown";
  static final String ACTION_CARD = "actionCard";
  static final String TEXT = "text";
  /** DingTalk's documented limit on a webhook request body, in UTF-8 bytes. */
  static final int MAX_BODY_BYTES = 20_000;
  /** The longest summary, description or annotation value, in code points. */
  static final int MAX_TEXT = 2000;
  static final ByteBudget BUDGET = new ByteBudget(MAX_BODY_BYTES, ByteBudget::utf8, MARKDOWN, MAX_TEXT);

  private DingTalkDialect() {}

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

  /** A markdown message; {@code at} is written when {@code mentions} is not {@code null}. */
  static String markdown(String title, String text, Mentions mentions) {
    ObjectNode root = JsonBodies.object().put("msgtype", MARKDOWN_TYPE);
    root.putObject(MARKDOWN_TYPE).put("title", clean(title)).put("text", clean(text));
    if (mentions != null) {
      mentions.writeAt(root);
    }
    return JsonBodies.write(root);
  }

  /**
   * An action card with a button per link: {@code singleTitle}/{@code singleURL} for one link,
   * {@code btns} for several. DingTalk documents no {@code at} for action cards.
   */
  static String actionCard(String title, String text, ButtonOrientation orientation, List<NotificationLink> links) {
    ObjectNode root = JsonBodies.object().put("msgtype", ACTION_CARD);
    ObjectNode card = root.putObject(ACTION_CARD).put("title", clean(title)).put("text", clean(text))
        .put("btnOrientation", orientation.wireValue());
    if (links.size() == 1) {
      card.put("singleTitle", clean(links.get(0).title())).put("singleURL", links.get(0).url());
    } else {
      ArrayNode buttons = card.putArray("btns");
      links.forEach(l -> buttons.addObject().put("title", clean(l.title())).put("actionURL", l.url()));
    }
    return JsonBodies.write(root);
  }

  /** A plain text message carrying {@code at}: the follow-up that makes an action card's mentions notify. */
  static String mentionText(String content, Mentions mentions) {
    ObjectNode root = JsonBodies.object().put("msgtype", TEXT);
    root.putObject(TEXT).put("content", clean(content));
    mentions.writeAt(root);
    return JsonBodies.write(root);
  }

  /** {@code s} with every lone surrogate replaced by U+FFFD. */
  private static String clean(String s) {
    return TextSafety.repairSurrogates(s);
  }

  /**
   * Who one notification @s on DingTalk, in the two forms DingTalk needs together: the {@code at}
   * object's lists and the {@code @token}s written in the text (the doc asks for both). Mentions
   * that did not resolve are shown by name, escaped, with the reason. {@code all} sets
   * {@code isAtAll} and writes {@code @所有人}, what DingTalk itself shows for it. Immutable.
   *
   * @param mobiles {@code atMobiles}
   * @param userIds {@code atUserIds}
   * @param atAll {@code isAtAll}
   * @param resolved the mentions the lists carry
   * @param unresolved one escaped line per mention that cannot be @-ed
   */
  record Mentions(
      List<String> mobiles, List<String> userIds, boolean atAll, List<Mention> resolved, List<String> unresolved) {
    static final String ALL_TOKEN = "@所有人";
    private static final int MAX_NAME_CODE_POINTS = 80;

    static Mentions of(List<Mention> mentions) {
      return of(mentions, Wording.DEFAULT);
    }

    /** The mentions of one message; people who cannot be @-ed are named in {@code wording}. */
    static Mentions of(List<Mention> mentions, Wording wording) {
      Set<String> mobiles = new LinkedHashSet<>();
      Set<String> userIds = new LinkedHashSet<>();
      boolean all = false;
      List<Mention> resolved = new ArrayList<>();
      List<String> unresolved = new ArrayList<>();
      for (Mention m : mentions) {
        if (m.isAll()) {
          all = true;
          resolved.add(m);
        } else if (m.isResolved() && DingTalkIdentities.MOBILE.equals(m.identity().type())) {
          if (mobiles.add(m.identity().value())) {
            resolved.add(m);
          }
        } else if (m.isResolved() && DingTalkIdentities.USER_ID.equals(m.identity().type())) {
          if (userIds.add(m.identity().value())) {
            resolved.add(m);
          }
        } else {
          String why = m.isResolved() ? "identity type " + m.identity().type() + " is not a DingTalk one" : m.reason();
          unresolved.add(wording.notMentioned(inline(m.name(), MAX_NAME_CODE_POINTS),
              inline(wording.mentionReason(why), MAX_NAME_CODE_POINTS * 2)));
        }
      }
      return new Mentions(List.copyOf(mobiles), List.copyOf(userIds), all, List.copyOf(resolved),
          List.copyOf(unresolved));
    }

    boolean hasResolved() {
      return !resolved.isEmpty();
    }

    /** Every token: {@code @mobile}, {@code @userId}, and {@code @所有人} for all. */
    List<String> tokens() {
      List<String> tokens = new ArrayList<>();
      mobiles.forEach(m -> tokens.add("@" + m));
      userIds.forEach(u -> tokens.add("@" + u));
      if (atAll) {
        tokens.add(ALL_TOKEN);
      }
      return tokens;
    }

    /** Only the {@code @userId} tokens: what an action card can carry. */
    List<String> userIdTokens() {
      return userIds.stream().map(u -> "@" + u).toList();
    }

    /** The unresolved names, one per line, or {@code ""}. */
    String unresolvedText() {
      return String.join("\n\n", unresolved);
    }

    /**
     * {@code text} plus any of {@code tokens} it lacks, on a final line, so a template that drops
     * the mention line loses no mention. A token counts as present only when whole: {@code @123}
     * is not in {@code @1234}.
     */
    static String withTokens(String text, List<String> tokens) {
      return LayoutText.withMissing(text, tokens, "\n\n", Mentions::containsToken);
    }

    static boolean containsToken(String text, String token) {
      int from = 0;
      while (true) {
        int at = text.indexOf(token, from);
        if (at < 0) {
          return false;
        }
        int end = at + token.length();
        if (end == text.length() || !isTokenChar(text.charAt(end))) {
          return true;
        }
        from = at + 1;
      }
    }

    private static boolean isTokenChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+';
    }

    private void writeAt(ObjectNode root) {
      ObjectNode at = root.putObject("at");
      mobiles.forEach(at.putArray("atMobiles")::add);
      userIds.forEach(at.putArray("atUserIds")::add);
      at.put("isAtAll", atAll);
    }
  }
}

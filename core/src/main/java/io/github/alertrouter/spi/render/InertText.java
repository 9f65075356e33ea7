package io.github.alertrouter.spi.render;

import java.util.Objects;
import java.util.function.IntUnaryOperator;

/**
 * Makes untrusted text inert in a markup that is neutralised character by character: each code
 * point is replaced by the dialect's {@code replacement} (a platform's full-width table), so text
 * reads as the same words but cannot format, link or mention. Shared by the platforms whose
 * dialects need no multi-character escapes; the table stays in the platform module.
 *
 * <p>Everywhere: {@linkplain TextSafety#isInvisible invisible} characters are removed, a tab
 * becomes a space, a lone surrogate becomes U+FFFD, trailing blanks are dropped. {@link #inline}
 * turns line breaks into one space; {@link #block} keeps them, with at most one blank line in a row
 * and no blanks before a break.
 *
 * <p>With {@code markdown} line starts, at the start of the value and of each line leading blanks
 * are dropped (no indented code) and a list or rule marker is replaced: {@code - + =} followed by
 * a blank, the end or the same character become {@code － ＋ ＝}; {@code 1.} and {@code 1)} followed
 * by a blank or the end become {@code 1．} and {@code 1）}. Without, only the value's own leading
 * blanks are dropped.
 *
 * <p>A character the table replaces stays as it is where {@code keep} says it cannot form markup
 * in its position ({@link Positions#MARKDOWN}: {@code pay_api}, {@code a > b}, {@code x < 5}), so
 * a value copied from the chat is the value wherever that is safe.
 *
 * <p>Every input code point becomes at most one output code point, so the output may be cut at
 * any code-point boundary ({@link TextSafety#cut}) without splitting a replacement. Immutable and
 * thread-safe when {@code replacement} and {@code keep} are.
 *
 * @param replacement what each kept code point becomes, one code point for one (lone surrogates
 *     are repaired after it)
 * @param markdownLineStarts whether line starts are neutralised as described above
 * @param keep where a character the table replaces may stay as it is
 */
public record InertText(IntUnaryOperator replacement, boolean markdownLineStarts, Positions keep) implements Escaper {
  /** @throws NullPointerException if {@code replacement} or {@code keep} is null */
  public InertText {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(keep, "keep");
  }

  /** Replaces every character the table names, wherever it stands ({@link Positions#NONE}). */
  public InertText(IntUnaryOperator replacement, boolean markdownLineStarts) {
    this(replacement, markdownLineStarts, Positions.NONE);
  }

  /**
   * Where a character that the table replaces can stay as it is, because it cannot form markup in
   * that position. Looks at the raw text around it.
   */
  @FunctionalInterface
  public interface Positions {
    /** Nowhere: the table applies everywhere. */
    Positions NONE = (c, prev, next, lineStart) -> false;

    /**
     * Markdown's own rules (those of CommonMark and of the renderers chat clients use), for the
     * characters that only form markup in some positions: {@code _} inside a word (letters or
     * digits on both sides) never emphasises; {@code >} and {@code #} only quote and head a line
     * at its start; {@code <} opens a tag, comment or autolink only before a letter, {@code /},
     * {@code !}, {@code ?} or {@code @}; {@code &} starts an entity only before a letter or
     * {@code #}; {@code ~} strikes through only doubled; a lone {@code *} between blanks, not at a
     * line start, opens nothing; {@code \} escapes only ASCII punctuation. Everything else the
     * table names ({@code @}, brackets, backticks, pipes) is always replaced.
     */
    Positions MARKDOWN = InertText::markdownInert;

    /**
     * Whether {@code c} may stay as it is between {@code prev} and {@code next}: the characters
     * next to it once the escaped text is written (what is dropped, such as invisible characters,
     * skipped; a space at either end of the value).
     *
     * @param lineStart whether it is the first non-blank character of the value or of a line
     */
    boolean keeps(char c, char prev, char next, boolean lineStart);
  }

  private static boolean markdownInert(char c, char prev, char next, boolean lineStart) {
    return switch (c) {
      case '_' -> Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next);
      case '>', '#' -> !lineStart;
      case '<' -> !(isAsciiLetter(next) || next == '/' || next == '!' || next == '?' || next == '@');
      case '&' -> !(isAsciiLetter(next) || next == '#');
      case '~' -> prev != '~' && next != '~';
      case '*' -> !lineStart && TextSafety.isBlankOrBreak(prev) && TextSafety.isBlankOrBreak(next);
      case '\\' -> !(next >= '!' && next <= '~' && !Character.isLetterOrDigit(next));
      default -> false;
    };
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  /** One line of inert text: line breaks become spaces. {@code null} is {@code ""}. */
  public String inline(String raw) {
    return escape(raw, false);
  }

  /** {@link #inline}, then {@linkplain TextSafety#cut cut} to {@code maxCodePoints}. */
  @Override
  public String inline(String raw, int maxCodePoints) {
    return TextSafety.cut(escape(raw, false), maxCodePoints);
  }

  /** Inert text that keeps its line breaks (each line neutralised). {@code null} is {@code ""}. */
  public String block(String raw) {
    return escape(raw, true);
  }

  /** {@link #block}, then {@linkplain TextSafety#cut cut} to {@code maxCodePoints}. */
  @Override
  public String block(String raw, int maxCodePoints) {
    return TextSafety.cut(escape(raw, true), maxCodePoints);
  }

  private String escape(String raw, boolean keepLines) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    return unchanged(raw) ? raw : rewrite(raw, keepLines);
  }

  /**
   * Whether {@link #rewrite} would give {@code raw} back as it is: one line, no blank at either
   * end, no marker to neutralise, nothing invisible and nothing the table replaces. Most label
   * values are such, and returning them skips a copy per value (rendering ran on one thread and
   * this was a fifth of it in the side-by-side benchmark).
   */
  boolean unchanged(String raw) {
    char first = raw.charAt(0);
    if (Character.isSpaceChar(first) || Character.isSpaceChar(raw.charAt(raw.length() - 1))
        || (markdownLineStarts && (first == '-' || first == '+' || first == '=' || (first >= '0' && first <= '9')))) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      // surrogates (even paired) take the long way: the table sees whole code points
      if (c < 0x20 || Character.isSurrogate(c) || TextSafety.isLineBreak(c) || TextSafety.isInvisible(c)
          || (replacement.applyAsInt(c) != c && !keeps(raw, i, i == 0))) {
        return false;
      }
    }
    return true;
  }

  /** Escapes code point by code point. */
  String rewrite(String raw, boolean keepLines) {
    StringBuilder out = new StringBuilder(raw.length() + 8);
    boolean lineStart = true;
    int blankLines = 0;
    int i = 0;
    while (i < raw.length()) {
      int at = i;
      int cp = raw.codePointAt(at);
      int next = at + Character.charCount(cp);
      if (TextSafety.isLineBreak(cp)) {
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
      i = next;
      if (TextSafety.isInvisible(cp)) {
        continue;
      }
      if (cp == '\t' || Character.isSpaceChar(cp)) {
        // markdown reads a blank-led line as code; plain text only loses the value's own lead
        if (!lineStart || (!markdownLineStarts && out.length() > 0)) {
          out.appendCodePoint(cp == '\t' ? ' ' : cp);
        }
        continue;
      }
      boolean first = lineStart;
      if (lineStart) {
        lineStart = false;
        blankLines = 0;
        int afterMarker = markdownLineStarts ? lineStartMarker(raw, at, out) : -1;
        if (afterMarker >= 0) {
          i = afterMarker;
          continue;
        }
      }
      int replaced = replacement.applyAsInt(cp);
      out.appendCodePoint(replaced != cp && keeps(raw, at, first) ? cp : TextSafety.repaired(replaced));
      blankLines = 0;
    }
    trimTrailingBlanks(out);
    return out.toString();
  }

  /** Whether {@link #keep} lets the (ASCII) character at {@code at} stay, seen beside its written neighbours. */
  private boolean keeps(String raw, int at, boolean lineStart) {
    if (keep == Positions.NONE) {
      return false;
    }
    int before = at;
    int prev = ' ';
    while (before > 0) {
      int cp = raw.codePointBefore(before);
      before -= Character.charCount(cp);
      if (TextSafety.isLineBreak(cp) || !TextSafety.isInvisible(cp)) {
        prev = cp;
        break;
      }
    }
    int after = at + 1;
    int next = ' ';
    while (after < raw.length()) {
      int cp = raw.codePointAt(after);
      after += Character.charCount(cp);
      if (TextSafety.isLineBreak(cp) || !TextSafety.isInvisible(cp)) {
        next = cp;
        break;
      }
    }
    return keep.keeps(raw.charAt(at), written(prev), written(next), lineStart);
  }

  /** A neighbour as the rules see it: a line break is a blank, what is beyond the BMP a symbol. */
  private static char written(int cp) {
    return TextSafety.isLineBreak(cp) ? ' ' : cp > 0xFFFF || Character.isSurrogate((char) cp) ? '\uFFFD' : (char) cp;
  }

  /** Writes a neutralised list or rule marker at {@code i} and returns the index after it, or -1. */
  private static int lineStartMarker(String raw, int i, StringBuilder out) {
    char c = raw.charAt(i);
    if (c == '-' || c == '+' || c == '=') {
      int after = i + 1;
      if (after == raw.length() || raw.charAt(after) == c || TextSafety.isBlankOrBreak(raw.charAt(after))) {
        out.append(c == '-' ? '－' : c == '+' ? '＋' : '＝');
        return after;
      }
      return -1;
    }
    int j = i;
    while (j < raw.length() && j - i < 10 && raw.charAt(j) >= '0' && raw.charAt(j) <= '9') {
      j++;
    }
    if (j > i && j < raw.length() && (raw.charAt(j) == '.' || raw.charAt(j) == ')')
        && (j + 1 == raw.length() || TextSafety.isBlankOrBreak(raw.charAt(j + 1)))) {
      out.append(raw, i, j).append(raw.charAt(j) == '.' ? '．' : '）');
      return j + 1;
    }
    return -1;
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

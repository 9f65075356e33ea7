package io.github.alertrouter.spi.render;

import java.util.function.IntUnaryOperator;

/**
 * The full-width look-alikes (U+FF01–U+FF5E) of printable ASCII, which platforms without an escape
 * mechanism use to make markup characters inert: {@code @} reads as {@code ＠} but cannot mention.
 * A platform names which characters its dialect replaces; the table for {@link InertText} is
 * built here. Stateless and thread-safe.
 */
public final class FullWidth {
  /** The distance from a printable ASCII character to its full-width form. */
  private static final int OFFSET = 0xFF01 - '!';

  private FullWidth() {}

  /** The full-width form of {@code c}, a printable ASCII character other than space. */
  public static int of(char c) {
    checkPrintable(c);
    return c + OFFSET;
  }

  /**
   * A replacement table for {@link InertText}: each character of {@code ascii} becomes its
   * full-width form, every other code point stays.
   *
   * @throws IllegalArgumentException when {@code ascii} holds a character that has no full-width
   *     form (not printable ASCII, or a space)
   */
  public static IntUnaryOperator replacing(String ascii) {
    boolean[] replaced = new boolean['~' + 1];
    for (char c : ascii.toCharArray()) {
      checkPrintable(c);
      replaced[c] = true;
    }
    return cp -> cp < replaced.length && replaced[cp] ? cp + OFFSET : cp;
  }

  private static void checkPrintable(char c) {
    if (c < '!' || c > '~') {
      throw new IllegalArgumentException("only printable ASCII other than space has a full-width form, but was U+"
          + String.format("%04X", (int) c));
    }
  }
}

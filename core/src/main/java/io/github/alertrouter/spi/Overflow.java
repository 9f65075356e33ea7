package io.github.alertrouter.spi;

import java.util.Locale;

/**
 * What a renderer does when a notification does not fit the platform's byte budget. Either way,
 * mentions are never cut and no multibyte character or markdown link is split.
 */
public enum Overflow {
  /** One message that lists as many alerts as fit, then "…and N more alerts". The default. */
  TRUNCATE,
  /** Several messages that together list every alert; mentions go in the first. */
  SPLIT;

  /** Parses {@code truncate} or {@code split} (any case). */
  public static Overflow parse(String text) {
    for (Overflow o : values()) {
      if (o.name().equalsIgnoreCase(text)) {
        return o;
      }
    }
    throw new IllegalArgumentException("must be truncate or split, but was \"" + text + "\"");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}

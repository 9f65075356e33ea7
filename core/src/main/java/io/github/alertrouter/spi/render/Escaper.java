package io.github.alertrouter.spi.render;

/**
 * How one platform dialect makes untrusted text inert and bounded: what {@link AlertFacts} needs
 * of a platform's escaper. Implementations must be thread-safe, treat {@code null} input as
 * {@code ""}, and return text that {@link #cut} can shorten without breaking an escape.
 */
public interface Escaper {
  /** One line of inert text (line breaks become spaces), cut to {@code max} units. */
  String inline(String raw, int max);

  /** Inert text that keeps its line breaks, cut to {@code max} units. */
  String block(String raw, int max);

  /**
   * Already-escaped text cut to {@code max} units with an ellipsis. The default counts code points
   * ({@link TextSafety#cut}); a dialect with multi-character escapes counts each escape as one.
   */
  default String cut(String escaped, int max) {
    return TextSafety.cut(escaped, max);
  }
}

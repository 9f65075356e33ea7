package io.github.alertrouter.spi.render;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Text helpers every platform's built-in layouts and template layouts share: joining only the
 * lines a message has, markdown links to trusted URLs, and keeping the mention tokens a policy
 * template left out. Stateless.
 */
public final class LayoutText {
  private LayoutText() {}

  /** The non-empty {@code parts} joined by {@code separator}; {@code ""} when all are empty. */
  public static String join(String separator, List<String> parts) {
    return String.join(separator, parts.stream().filter(p -> p != null && !p.isEmpty()).toList());
  }

  /** {@link #join(String, List)} of {@code parts}. */
  public static String join(String separator, String... parts) {
    return join(separator, Arrays.asList(parts));
  }

  /**
   * {@code url} as a markdown link destination: only parentheses are percent-encoded, which means
   * the same URL but cannot end the destination early. Nothing else is touched.
   */
  public static String markdownUrl(String url) {
    return url.replace("(", "%28").replace(")", "%29");
  }

  /** {@code [title](url)}; {@code title} must already be escaped, {@code url} trusted. */
  public static String markdownLink(String title, String url) {
    return "[" + title + "](" + markdownUrl(url) + ")";
  }

  /**
   * {@code text} plus the {@code tokens} it lacks, on a last line after {@code separator}, so a
   * template that drops the mention line loses no mention.
   *
   * @param present whether a token is in the text; a platform whose tokens are not delimited
   *     ({@code @123} in {@code @1234}) checks token boundaries
   */
  public static String withMissing(String text, List<String> tokens, String separator,
      BiPredicate<String, String> present) {
    List<String> missing = tokens.stream().filter(t -> !present.test(text, t)).toList();
    if (missing.isEmpty()) {
      return text;
    }
    return (text.isEmpty() ? "" : text.stripTrailing() + separator) + String.join(" ", missing);
  }
}

package io.github.alertrouter.internal.text;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints: the closest candidate by optimal-string-alignment (Damerau) distance,
 * compared case-insensitively so {@code groupwait} finds {@code groupWait}. Public so platform
 * modules word their option problems the way core words config problems. Stateless.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate closest to {@code word}, or {@code null} when none is close enough to be a
   * plausible typo (distance at most a third of the longer word, and at least 1 allowed).
   */
  public static String closest(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty()) {
      return null;
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate == null || candidate.equals(word)) {
        continue;
      }
      int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, Math.max(word.length(), candidate.length()) / 3);
      if (d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code , did you mean "x"?} or {@code ""}, ready to append to a message. */
  public static String didYouMean(String word, Collection<String> candidates) {
    String s = closest(word, candidates);
    return s == null ? "" : ", did you mean \"" + s + "\"?";
  }

  /** Optimal string alignment distance: edits, with a swap of two adjacent characters as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

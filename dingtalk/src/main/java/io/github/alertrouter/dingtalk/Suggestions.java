package io.github.alertrouter.dingtalk;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" hints for option names and values: the closest candidate by optimal string
 * alignment distance, case-insensitively. (Core has the same helper, but internal to its config
 * package; platform modules may only use core's API, config and spi packages.) Stateless.
 */
final class Suggestions {
  private Suggestions() {}

  /** {@code , did you mean "x"?} or {@code ""} when no candidate is a plausible typo. */
  static String didYouMean(String word, Collection<String> candidates) {
    if (word == null || word.isEmpty()) {
      return "";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(word)) {
        continue;
      }
      int d = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, Math.max(word.length(), candidate.length()) / 3);
      if (d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best == null ? "" : ", did you mean \"" + best + "\"?";
  }

  private static int distance(String a, String b) {
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

package io.github.alertrouter.alertmanager;

/**
 * Refuses regex constructs that Java accepts but Go's RE2 (which Alertmanager uses) does not, so a
 * config Alertmanager would reject is rejected here too, with Go's message: look-around
 * ({@code (?=}, {@code (?!}, {@code (?<=}, {@code (?<!}), atomic groups ({@code (?>}),
 * back-references ({@code \1}), possessive quantifiers ({@code *+}) and Java-only escapes
 * ({@code \Z}, {@code \G}, {@code \h}, {@code \R}, ...). Stateless and thread-safe.
 */
public final class Re2Syntax {
  // Escapes RE2 knows besides punctuation: classes, anchors, controls, hex, octal, unicode classes,
  // and \Q...\E quoting.
  private static final String RE2_ESCAPES = "dDsSwWbBAzpPftnrvaxQE01234567";

  private Re2Syntax() {}

  /**
   * Checks {@code regex}.
   *
   * @throws IllegalArgumentException {@code error parsing regexp: ...} naming the construct
   */
  public static void check(String regex) {
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < regex.length()) {
        char e = regex.charAt(i + 1);
        if (e == 'Q') {
          int end = regex.indexOf("\\E", i + 2);
          i = end < 0 ? regex.length() : end + 1;
          continue;
        }
        boolean allowed = !Character.isLetterOrDigit(e) || RE2_ESCAPES.indexOf(e) >= 0;
        if (!allowed || (!inClass && e >= '1' && e <= '9' && !isOctal(regex, i + 1))) {
          throw error("invalid escape sequence", "\\" + e);
        }
        i++;
      } else if (inClass) {
        if (c == ']') {
          inClass = false;
        }
      } else if (c == '[') {
        inClass = true;
        // a ']' right after '[' or '[^' is a literal member, not the end of the class
        if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
          i++;
        }
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(' && regex.startsWith("(?", i)) {
        for (String perl : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
          if (regex.startsWith(perl, i)) {
            throw error("invalid or unsupported Perl syntax", perl);
          }
        }
      } else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < regex.length()
          && regex.charAt(i + 1) == '+' && (c != '}' || isRepeatEnd(regex, i))) {
        throw error("invalid nested repetition operator", c + "+");
      }
    }
  }

  /** {@code \1} alone is a back-reference; RE2 reads only {@code \0}-led or 3-digit octal. */
  private static boolean isOctal(String regex, int digitAt) {
    int n = 0;
    while (digitAt + n < regex.length() && n < 3 && regex.charAt(digitAt + n) >= '0' && regex.charAt(digitAt + n) <= '7') {
      n++;
    }
    return n == 3;
  }

  private static boolean isRepeatEnd(String regex, int closeBrace) {
    int open = regex.lastIndexOf('{', closeBrace);
    return open >= 0 && regex.substring(open + 1, closeBrace).matches("\\d+(,\\d*)?");
  }

  private static IllegalArgumentException error(String what, String construct) {
    return new IllegalArgumentException("error parsing regexp: " + what + ": `" + construct + "`");
  }
}

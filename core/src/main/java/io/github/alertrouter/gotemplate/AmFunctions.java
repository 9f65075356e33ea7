package io.github.alertrouter.gotemplate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.alertrouter.gotemplate.GoFunc.CallError;
import io.github.alertrouter.gotemplate.GoFunc.Kind;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager 0.25's template functions ({@code template.DefaultFuncs}): {@code toUpper},
 * {@code toLower}, {@code title}, {@code join}, {@code match}, {@code safeHtml},
 * {@code reReplaceAll}, {@code stringSlice}. Regular expressions are RE2, as Go's.
 */
final class AmFunctions {
  private AmFunctions() {}

  static final Map<String, GoFunc> ALL = Map.of(
      "toUpper", GoFunc.of("toUpper", a -> mapRunes((String) a.get(0), true), Kind.STRING),
      "toLower", GoFunc.of("toLower", a -> mapRunes((String) a.get(0), false), Kind.STRING),
      "title", GoFunc.of("title", a -> title((String) a.get(0)), Kind.STRING),
      "join", GoFunc.of("join", a -> String.join((String) a.get(0), strings(a.get(1))),
          Kind.STRING, Kind.STRINGS),
      "match", GoFunc.of("match", a -> compile((String) a.get(0), false)
          .matcher((String) a.get(1)).find(), Kind.STRING, Kind.STRING),
      "safeHtml", GoFunc.of("safeHtml", a -> a.get(0), Kind.STRING),
      "reReplaceAll", GoFunc.of("reReplaceAll", a -> replaceAll(
          compile((String) a.get(0), true), (String) a.get(1), (String) a.get(2)),
          Kind.STRING, Kind.STRING, Kind.STRING),
      "stringSlice", GoFunc.variadic("stringSlice", Kind.STRING, a -> List.copyOf(a)));

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object v) {
    return v == null ? List.of() : (List<String>) v;
  }

  private static Pattern compile(String pattern, boolean must) {
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      String msg = "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`";
      // reReplaceAll uses MustCompile, whose panic Go reports with the pattern.
      throw new CallError(must ? "regexp: Compile(" + GoFmt.quote(pattern).replaceAll("^\"|\"$", "`")
          + "): " + msg : msg);
    }
  }

  /** Go's ReplaceAllString: {@code $1}, {@code ${name}}, {@code $$} expanded as Go expands them. */
  static String replaceAll(Pattern re, String repl, String text) {
    Matcher m = re.matcher(text);
    StringBuilder b = new StringBuilder();
    int last = 0;
    int lastMatchEnd = -1;
    int searchFrom = 0;
    while (searchFrom <= text.length() && m.find(searchFrom)) {
      int s = m.start();
      int e = m.end();
      if (e == s && s == lastMatchEnd) {
        // An empty match right after the previous match is skipped, as in Go.
        if (s >= text.length()) {
          break;
        }
        searchFrom = s + Character.charCount(text.codePointAt(s));
        continue;
      }
      b.append(text, last, s);
      expand(b, repl, m);
      last = e;
      lastMatchEnd = e;
      searchFrom = e > s ? e : e + (e < text.length() ? Character.charCount(text.codePointAt(e)) : 1);
    }
    b.append(text, Math.min(last, text.length()), text.length());
    return b.toString();
  }

  private static void expand(StringBuilder b, String tmpl, Matcher m) {
    int i = 0;
    while (i < tmpl.length()) {
      char c = tmpl.charAt(i);
      if (c != '$' || i + 1 >= tmpl.length()) {
        b.append(c);
        i++;
        continue;
      }
      char d = tmpl.charAt(i + 1);
      if (d == '$') {
        b.append('$');
        i += 2;
        continue;
      }
      String name;
      int next;
      if (d == '{') {
        int close = tmpl.indexOf('}', i + 2);
        name = close < 0 ? "" : tmpl.substring(i + 2, close);
        if (close < 0 || name.isEmpty() || !name.matches("[A-Za-z0-9_]+")) {
          b.append(c);
          i++;
          continue;
        }
        next = close + 1;
      } else {
        int j = i + 1;
        while (j < tmpl.length() && (Character.isLetterOrDigit(tmpl.charAt(j)) || tmpl.charAt(j) == '_')) {
          j++;
        }
        name = tmpl.substring(i + 1, j);
        if (name.isEmpty()) {
          b.append(c);
          i++;
          continue;
        }
        next = j;
      }
      String g = null;
      if (name.chars().allMatch(Character::isDigit)) {
        try {
          int n = Integer.parseInt(name);
          g = n <= m.groupCount() ? m.group(n) : null;
        } catch (NumberFormatException e) {
          g = null;
        }
      } else {
        try {
          g = m.group(name);
        } catch (IllegalArgumentException e) {
          g = null;
        }
      }
      if (g != null) {
        b.append(g);
      }
      i = next;
    }
  }

  /**
   * cases.Title as Alertmanager uses it: between words, characters without case are copied and
   * the first cased one is title-cased; inside a word the rest is lower-cased.
   */
  static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean interWord = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (interWord) {
        if (isCased(cp)) {
          b.appendCodePoint(Character.toTitleCase(cp));
          interWord = false;
        } else {
          b.appendCodePoint(cp);
        }
      } else {
        b.appendCodePoint(Character.toLowerCase(cp));
      }
      boolean mid = (cp == '\'' || cp == '.' || cp == ':') && i < s.length()
          && Character.isLetter(s.codePointAt(i));
      if (!(Character.isLetterOrDigit(cp) || cp == '_' || mid)) {
        interWord = true;
      }
    }
    return b.toString();
  }

  private static boolean isCased(int cp) {
    return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
  }

  /** Go's strings.ToUpper / ToLower map rune by rune (no "ß" to "SS" expansion). */
  static String mapRunes(String s, boolean upper) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> b.appendCodePoint(
        upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
    return b.toString();
  }
}

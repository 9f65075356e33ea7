package io.github.alertrouter.gotemplate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.github.alertrouter.gotemplate.GoFunc.CallError;
import io.github.alertrouter.gotemplate.GoFunc.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Alertmanager 0.25's template functions ({@code template.DefaultFuncs}): {@code toUpper},
 * {@code toLower}, {@code title}, {@code join}, {@code match}, {@code safeHtml},
 * {@code reReplaceAll}, {@code stringSlice}. Regular expressions are RE2, as Go's.
 */
final class AmFunctions {
  private AmFunctions() {}

  static final Map<String, GoFunc> ALL = Map.of(
      "toUpper", GoFunc.of("toUpper", a -> ((String) a.get(0)).toUpperCase(Locale.ROOT), Kind.STRING),
      "toLower", GoFunc.of("toLower", a -> ((String) a.get(0)).toLowerCase(Locale.ROOT), Kind.STRING),
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

  /** cases.Title: each word's first letter upper case, the rest lower case. */
  static String title(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean inWord = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      boolean letter = Character.isLetterOrDigit(cp) || cp == '_';
      boolean mid = (cp == '\'' || cp == '.' || cp == ':') && inWord && i < s.length()
          && Character.isLetter(s.codePointAt(i));
      if (letter) {
        b.append(inWord ? new String(Character.toChars(cp)).toLowerCase(Locale.ROOT)
            : new String(Character.toChars(Character.toTitleCase(cp))));
        inWord = true;
      } else {
        b.appendCodePoint(cp);
        inWord = mid;
      }
    }
    return b.toString();
  }
}

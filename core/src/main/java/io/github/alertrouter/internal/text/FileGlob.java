package io.github.alertrouter.internal.text;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Go's {@code filepath.Glob} as Alertmanager, amtool and prometheus-webhook-dingtalk use it for
 * their {@code templates} lists ({@code templates/*.tmpl}): the regular files a pattern matches,
 * sorted. Go's pattern syntax ({@code *}, {@code ?}, {@code [a-z]}, {@code [^a]}, {@code \}
 * escapes) in the last part of the pattern, which is how those lists are written; a directory
 * part may escape a character ({@code my\[app\]}) but not have a wildcard.
 */
public final class FileGlob {
  private FileGlob() {}

  /** Whether {@code pattern} has a wildcard or an escape. */
  public static boolean isGlob(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0
        || pattern.indexOf('\\') >= 0;
  }

  /** {@code path} as a pattern that matches just it: {@code \} before each {@code * ? [ \}. */
  public static String escape(String path) {
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '\\') {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /**
   * The files {@code pattern} matches, relative to {@code baseDir} unless absolute, named as the
   * pattern names them ({@code baseDir.resolve(pattern)} with its last part filled in); nothing
   * when none match. {@code baseDir} is a directory, never a pattern.
   *
   * @throws IllegalArgumentException when a directory part of the pattern has a wildcard, or a
   *     character class is not closed ({@code syntax error in pattern}, as Go)
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> matches(Path baseDir, String pattern) throws IOException {
    int slash = pattern.lastIndexOf('/');
    String dirPart = slash < 0 ? "" : pattern.substring(0, slash + 1);
    String name = pattern.substring(slash + 1);
    String dirLiteral = unescape(dirPart);
    Path dir = dirPart.isEmpty() ? baseDir : baseDir.resolve(dirLiteral);
    if (!isGlob(name)) {
      Path file = dir.resolve(name);
      return Files.isRegularFile(file) ? List.of(file) : List.of();
    }
    Pattern regex = Pattern.compile(toRegex(name));
    Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
    if (!Files.isDirectory(listed)) {
      return List.of();
    }
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
      for (Path e : entries) {
        if (regex.matcher(e.getFileName().toString()).matches() && Files.isRegularFile(e)) {
          matches.add(dir.toString().isEmpty() ? e.getFileName() : dir.resolve(e.getFileName()));
        }
      }
    }
    matches.sort(null);
    return matches;
  }

  /** A directory part with its escapes undone; a wildcard in it is refused. */
  private static String unescape(String dirPart) {
    StringBuilder b = new StringBuilder(dirPart.length());
    for (int i = 0; i < dirPart.length(); i++) {
      char c = dirPart.charAt(i);
      if (c == '\\' && i + 1 < dirPart.length()) {
        b.append(dirPart.charAt(++i));
      } else if (c == '*' || c == '?' || c == '[') {
        throw new IllegalArgumentException("only the last part of a pattern may have wildcards");
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** Go's match syntax as a Java regex; every literal character quoted, classes rebuilt. */
  private static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> b.append("[^/]*");
        case '?' -> b.append("[^/]");
        case '[' -> i = charClass(glob, i, b);
        case '\\' -> {
          if (i + 1 >= glob.length()) {
            throw new IllegalArgumentException("syntax error in pattern");
          }
          b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
        }
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }

  /**
   * The class starting at {@code glob[open]} ({@code [^a-z\]]}) as a Java class of quoted
   * characters and ranges; returns the index of its closing {@code ]}.
   */
  private static int charClass(String glob, int open, StringBuilder b) {
    int i = open + 1;
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && glob.charAt(i) == '^') {
      cls.append('^');
      i++;
    }
    boolean any = false;
    while (i < glob.length() && (glob.charAt(i) != ']' || !any)) {
      if (glob.charAt(i) == ']') {
        throw new IllegalArgumentException("syntax error in pattern"); // Go: an empty class
      }
      char lo = glob.charAt(i) == '\\' && i + 1 < glob.length() ? glob.charAt(++i) : glob.charAt(i);
      i++;
      cls.append(quoted(lo));
      if (i + 1 < glob.length() && glob.charAt(i) == '-' && glob.charAt(i + 1) != ']') {
        char hi = glob.charAt(i + 1) == '\\' && i + 2 < glob.length() ? glob.charAt(i + 2) : glob.charAt(i + 1);
        i += glob.charAt(i + 1) == '\\' ? 3 : 2;
        cls.append('-').append(quoted(hi));
      }
      any = true;
    }
    if (i >= glob.length()) {
      throw new IllegalArgumentException("syntax error in pattern");
    }
    b.append(cls).append(']');
    return i;
  }

  /** One character inside a Java class, escaped when Java would read it specially. */
  private static String quoted(char c) {
    return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\x{" + Integer.toHexString(c) + "}";
  }
}

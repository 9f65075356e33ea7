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
 * escapes) in the last part of the path, which is how those lists are written.
 */
public final class FileGlob {
  private FileGlob() {}

  /** Whether {@code pattern} has a wildcard or an escape. */
  public static boolean isGlob(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0
        || pattern.indexOf('\\') >= 0;
  }

  /**
   * The files {@code pattern} matches, relative to {@code baseDir} unless absolute, named as the
   * pattern names them ({@code baseDir.resolve(pattern)} with its last part filled in); nothing
   * when none match. A pattern without wildcards matches its file when it exists.
   *
   * @throws IllegalArgumentException when a directory part of the pattern has a wildcard, or a
   *     character class is not closed ({@code syntax error in pattern}, as Go)
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> matches(Path baseDir, String pattern) throws IOException {
    Path p = baseDir.resolve(pattern);
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    if (!isGlob(name)) {
      if (p.getParent() != null && isGlob(p.getParent().toString())) {
        throw new IllegalArgumentException("only the last part of a pattern may have wildcards");
      }
      return Files.isRegularFile(p) ? List.of(p) : List.of();
    }
    if (p.getParent() != null && isGlob(p.getParent().toString())) {
      throw new IllegalArgumentException("only the last part of a pattern may have wildcards");
    }
    Path dir = p.getParent() == null ? Path.of(".") : p.getParent();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    Pattern regex = Pattern.compile(toRegex(name));
    List<Path> matches = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path e : entries) {
        if (regex.matcher(e.getFileName().toString()).matches() && Files.isRegularFile(e)) {
          matches.add(p.getParent() == null ? e.getFileName() : e);
        }
      }
    }
    matches.sort(null);
    return matches;
  }

  private static String toRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> b.append("[^/]*");
        case '?' -> b.append("[^/]");
        case '[' -> {
          int close = glob.indexOf(']', i + 2);
          if (close < 0) {
            throw new IllegalArgumentException("syntax error in pattern");
          }
          String cls = glob.substring(i + 1, close);
          b.append('[').append(cls.startsWith("^") ? "^" + cls.substring(1) : cls).append(']');
          i = close;
        }
        case '\\' -> {
          if (i + 1 < glob.length()) {
            b.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        default -> b.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return b.toString();
  }
}

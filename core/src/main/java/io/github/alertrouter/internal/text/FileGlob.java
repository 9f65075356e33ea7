package io.github.alertrouter.internal.text;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/**
 * Go's {@code filepath.Glob} as Alertmanager and prometheus-webhook-dingtalk use it for their
 * {@code templates} lists ({@code templates/*.tmpl}): the regular files a pattern matches, in name
 * order. Only the last part of a pattern may have wildcards ({@code *}, {@code ?}, {@code [...]}),
 * which is how those lists are written.
 */
public final class FileGlob {
  private FileGlob() {}

  /** Whether {@code pattern} has a wildcard. */
  public static boolean isGlob(String pattern) {
    return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
  }

  /**
   * The files {@code pattern} matches, relative to {@code baseDir} unless absolute; a pattern
   * without wildcards matches its file when it exists.
   *
   * @throws IllegalArgumentException when a directory part of the pattern has a wildcard
   * @throws IOException when the directory cannot be listed
   */
  public static List<Path> matches(Path baseDir, String pattern) throws IOException {
    Path p = baseDir.resolve(pattern);
    if (!isGlob(pattern)) {
      return Files.isRegularFile(p) ? List.of(p) : List.of();
    }
    Path dir = p.getParent() == null ? baseDir : p.getParent();
    if (isGlob(dir.toString())) {
      throw new IllegalArgumentException("only the last part of a pattern may have wildcards");
    }
    if (!Files.isDirectory(dir.toString().isEmpty() ? Path.of(".") : dir)) {
      return List.of();
    }
    // Go writes a negated class [^...], Java's glob [!...]
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName().toString()
        .replace("[^", "[!"));
    try (Stream<Path> list = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
      return list.filter(f -> matcher.matches(f.getFileName()) && Files.isRegularFile(f)).sorted().toList();
    }
  }
}

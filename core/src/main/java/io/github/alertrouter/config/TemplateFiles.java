package io.github.alertrouter.config;

import io.github.alertrouter.internal.text.FileGlob;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the template files a Go template names ({@code files: [templates/*.tmpl]}), as Alertmanager
 * and prometheus-webhook-dingtalk read their {@code templates} globs: each pattern relative to the
 * config file's directory, its matches in name order. Reading them when the configuration loads
 * keeps a loaded configuration whole: a reload re-reads them, a queued delivery keeps what it was
 * queued with. Problems name the pattern's path in the configuration.
 */
final class TemplateFiles {
  /** Larger than any message template; a pattern that reaches a log file is a mistake. */
  static final long MAX_BYTES = 1 << 20;

  private TemplateFiles() {}

  /** The files {@code node} (a list of patterns) names, or {@code null} after a problem. */
  static List<GoTemplateText.File> read(Node node) {
    List<GoTemplateText.File> files = new ArrayList<>();
    boolean ok = true;
    for (Node item : node.items()) {
      String pattern = item.requiredText();
      if (pattern == null) {
        ok = false;
        continue;
      }
      List<Path> matches;
      try {
        matches = FileGlob.matches(node.baseDir(), pattern);
      } catch (IOException | RuntimeException e) {
        item.problem("cannot list the files of \"" + pattern + "\": " + e.getMessage());
        ok = false;
        continue;
      }
      if (matches.isEmpty()) {
        item.problem("\"" + pattern + "\" matches no file (relative names are read from "
            + (node.baseDir().toString().isEmpty() ? "the working directory" : node.baseDir()) + ")");
        ok = false;
      }
      for (Path file : matches) {
        try {
          if (Files.size(file) > MAX_BYTES) {
            item.problem(file + " is larger than 1 MiB: not a template file");
            ok = false;
            continue;
          }
          String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString();
          files.add(new GoTemplateText.File(FileGlob.isGlob(pattern) ? name(pattern, file) : pattern, text));
        } catch (CharacterCodingException e) {
          item.problem(file + " is not UTF-8 text");
          ok = false;
        } catch (IOException | RuntimeException e) {
          item.problem("cannot read " + file + ": " + e.getClass().getSimpleName());
          ok = false;
        }
      }
    }
    return ok ? files : null;
  }

  /** A match of a glob, named as the pattern would be with its last segment filled in. */
  private static String name(String pattern, Path file) {
    int slash = pattern.lastIndexOf('/');
    // escaped, so that a name with [ or * read back is this file, not a pattern
    return (slash < 0 ? "" : pattern.substring(0, slash + 1)) + FileGlob.escape(file.getFileName().toString());
  }
}

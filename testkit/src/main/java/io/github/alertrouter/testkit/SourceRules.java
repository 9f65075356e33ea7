package io.github.alertrouter.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rules a platform module's main code keeps, checked over its sources from its tests: it uses only
 * core's public API (never {@code internal}, nor the routing, preview and Alertmanager packages a
 * platform has no business with), and reads time only from the injected clock. Each method
 * returns the offending lines as {@code file:line: text}; a test asserts the list is empty.
 */
public final class SourceRules {
  /** Reading the wall clock instead of the injected {@code Clock}. */
  public static final Pattern WALL_CLOCK = Pattern.compile("Instant\\.now\\(\\)|System\\.currentTimeMillis\\(\\)"
      + "|(LocalDateTime|ZonedDateTime|OffsetDateTime|LocalDate|LocalTime)\\.now\\(\\)|Clock\\.system");
  /** Importing core packages a platform module must not depend on. */
  public static final Pattern CORE_INTERNALS =
      Pattern.compile("import io\\.github\\.alertrouter\\.(internal|route|preview|alertmanager)\\.");

  private SourceRules() {}

  /** The module's main sources, relative to the module directory Maven runs tests in. */
  public static Path mainSources() {
    return Path.of("src", "main", "java");
  }

  /** Lines under {@code sources} that match {@code pattern}. */
  public static List<String> offending(Path sources, Pattern pattern) {
    if (!Files.isDirectory(sources)) {
      throw new IllegalStateException(sources.toAbsolutePath() + " is not a directory: run from the module");
    }
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (pattern.matcher(lines.get(i)).find()) {
            hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits;
  }
}

package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A platform module uses only core's public API ({@code Alert}, {@code config}, {@code notify},
 * {@code spi}, {@code time}), never its internals, and reads time only from the injected clock
 * (signing timestamps included).
 */
class ModuleRulesTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern CORE_INTERNAL = Pattern.compile("import io\\.github\\.alertrouter\\.(internal|route|preview|alertmanager)\\.");
  private static final Pattern WALL_CLOCK = Pattern.compile(
      "Instant\\.now\\(\\)|System\\.currentTimeMillis\\(\\)|(LocalDateTime|ZonedDateTime|OffsetDateTime|LocalDate|LocalTime)\\.now\\(\\)|Clock\\.system");

  @Test
  void usesOnlyCoresPublicApi() throws IOException {
    assertThat(offending(CORE_INTERNAL)).isEmpty();
  }

  @Test
  void neverReadsTheWallClock() throws IOException {
    assertThat(offending(WALL_CLOCK)).isEmpty();
  }

  private static List<String> offending(Pattern pattern) throws IOException {
    assertThat(MAIN).as("run from the module directory").isDirectory();
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          if (pattern.matcher(lines.get(i)).find()) {
            hits.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
          }
        }
      }
    }
    return hits;
  }
}

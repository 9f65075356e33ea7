package io.github.alertrouter;

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
 * Rules the whole of core's main code keeps: time comes from an injected {@code Clock}, never from
 * the wall clock, and core knows no platform module.
 */
class ProjectRulesTest {
  private static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern WALL_CLOCK = Pattern.compile(
      "Instant\\.now\\(\\)|System\\.currentTimeMillis\\(\\)|(LocalDateTime|ZonedDateTime|OffsetDateTime|LocalDate|LocalTime)\\.now\\(\\)|Clock\\.system");
  private static final Pattern PLATFORM_IMPORT = Pattern.compile("import io\\.github\\.alertrouter\\.(dingtalk|lark|wecom)\\.");

  @Test
  void coreNeverReadsTheWallClock() throws IOException {
    // the one exception: the builder's documented production default, marked where it stands
    assertThat(offending(WALL_CLOCK)).allSatisfy(line -> assertThat(line).contains("AlertRouter.java").contains(DEFAULT_MARK));
  }

  private static final String DEFAULT_MARK = "// production default";

  @Test
  void coreImportsNoPlatformModule() throws IOException {
    assertThat(offending(PLATFORM_IMPORT)).isEmpty();
  }

  private static List<String> offending(Pattern pattern) throws IOException {
    assertThat(MAIN).as("run from the core module directory").isDirectory();
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

package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workload of the class-data archive keeps working as the commands change: a step that starts
 * failing would leave its classes out of the archive without anyone noticing (the launcher hides
 * the training's output). {@code ClassDataArchiveIT} runs it as the launcher does.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StartupTrainingTest {
  @Test
  void everyStepAnswersAsExpectedAndSendsNothing(@TempDir Path dir) {
    List<String> failures = StartupTraining.run(dir, Clock.systemUTC()); // serve runs on real time

    assertThat(failures).isEmpty(); // a notice queued to a robot is a failure too
  }
}

package io.github.alertrouter.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualSchedulerTest {
  private static final Instant T0 = ManualClock.DEFAULT_START;

  private final ManualClock clock = new ManualClock();
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<String> log = new ArrayList<>();

  private Runnable record(String name) {
    return () -> log.add(name + "@" + Duration.between(T0, clock.instant()).toSeconds());
  }

  @Test
  void runsDueTasksInDueOrderAtTheirDueTime() {
    scheduler.schedule(Duration.ofSeconds(30), record("c"));
    scheduler.schedule(Duration.ofSeconds(10), record("a"));
    scheduler.schedule(Duration.ofSeconds(20), record("b"));
    scheduler.schedule(Duration.ofSeconds(90), record("late"));

    assertThat(scheduler.advance(Duration.ofSeconds(60))).isEqualTo(3);

    assertThat(log).containsExactly("a@10", "b@20", "c@30");
    assertThat(clock.instant()).isEqualTo(T0.plusSeconds(60));
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
    assertThat(scheduler.nextDue()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  void equalDueTimesRunInSubmissionOrder() {
    for (String name : List.of("first", "second", "third")) {
      scheduler.schedule(Duration.ofSeconds(5), record(name));
    }

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(log).containsExactly("first@5", "second@5", "third@5");
  }

  @Test
  void tasksScheduledWhileAdvancingRunWhenTheyFallDueInTheWindow() {
    scheduler.schedule(Duration.ofSeconds(10), () -> {
      record("outer").run();
      scheduler.schedule(Duration.ofSeconds(15), record("inner"));
      scheduler.schedule(Duration.ofSeconds(100), record("beyond"));
      scheduler.schedule(Duration.ZERO, record("now"));
    });

    scheduler.advance(Duration.ofSeconds(30));

    assertThat(log).containsExactly("outer@10", "now@10", "inner@25");
    assertThat(scheduler.pendingDueTimes()).containsExactly(T0.plusSeconds(110));
  }

  @Test
  void runDueRunsOnlyWhatIsDueWithoutMovingTime() {
    scheduler.schedule(Duration.ZERO, record("zero"));
    scheduler.schedule(Duration.ofSeconds(-5), record("negative"));
    scheduler.schedule(Duration.ofSeconds(1), record("later"));

    assertThat(scheduler.runDue()).isEqualTo(2);

    assertThat(log).containsExactly("zero@0", "negative@0");
    assertThat(clock.instant()).isEqualTo(T0);
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
  }

  @Test
  void aCancelledTaskNeverRuns() {
    Scheduler.Cancellable cancelled = scheduler.schedule(Duration.ofSeconds(10), record("cancelled"));
    scheduler.schedule(Duration.ofSeconds(10), record("kept"));

    cancelled.cancel();
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
    scheduler.advance(Duration.ofMinutes(1));
    cancelled.cancel(); // after the fact: no effect

    assertThat(log).containsExactly("kept@10");
  }

  @Test
  void aTaskCanCancelALaterOne() {
    Scheduler.Cancellable[] later = new Scheduler.Cancellable[1];
    scheduler.schedule(Duration.ofSeconds(1), () -> later[0].cancel());
    later[0] = scheduler.schedule(Duration.ofSeconds(2), record("later"));

    scheduler.advance(Duration.ofSeconds(5));

    assertThat(log).isEmpty();
  }

  @Test
  void advancingByZeroRunsWhatIsDueNow() {
    scheduler.schedule(Duration.ZERO, record("now"));

    assertThat(scheduler.advance(Duration.ZERO)).isEqualTo(1);
    assertThat(log).containsExactly("now@0");
  }

  @Test
  void aNegativeAdvanceIsRefused() {
    assertThatThrownBy(() -> scheduler.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT-1S");
  }

  @Test
  void aThrowingTaskReachesTheTestAndLeavesLaterTasksPending() {
    scheduler.schedule(Duration.ofSeconds(1), () -> {
      throw new IllegalStateException("boom");
    });
    scheduler.schedule(Duration.ofSeconds(2), record("after"));

    assertThatThrownBy(() -> scheduler.advance(Duration.ofSeconds(5))).hasMessage("boom");
    assertThat(scheduler.pendingTasks()).isEqualTo(1);
  }

  @Test
  void theClockIsUtcAndItsZoneViewsFollowIt() {
    ManualClock tokyo = clock.withZone(ZoneId.of("Asia/Tokyo"));

    clock.advance(Duration.ofHours(1));
    tokyo.advance(Duration.ofMinutes(1));

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(tokyo.getZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(clock.instant()).isEqualTo(tokyo.instant()).isEqualTo(T0.plusSeconds(3660));
    assertThat(clock.millis()).isEqualTo(T0.plusSeconds(3660).toEpochMilli());
  }

  @Test
  void theClockCanBeSetBackwardsButNotAdvancedBackwards() {
    clock.set(T0.minusSeconds(10));

    assertThat(clock.instant()).isEqualTo(T0.minusSeconds(10));
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}

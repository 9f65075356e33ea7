package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.Fault;
import io.github.alertrouter.testkit.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the active member of a {@code serve --storage.url} fleet had queued for a slow robot when
 * it was killed with {@code kill -9}: the member that takes over sends it from the outbox in the
 * database, counted at the DingTalk simulator. Every request to the robot is answered a second
 * late, so the lane (one request at a time) has a request out and the rest queued at the kill. A
 * team still queued then resolves before the takeover: its chat still hears of it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FleetOutboxOnPostgresTest extends ServeOnPostgres {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final int TEAMS = 8;
  private static final Duration SLOW = Duration.ofSeconds(1);
  private static final int SENT_BEFORE_THE_KILL = 3;
  private static final String CONFIG = """
      robots:
        - { id: %s, platform: dingtalk, webhook: "%s", secret: "%s" }
      notificationPolicies:
        - name: teams
          groupRule: { groupWait: 1s, groupInterval: 5s, groupingFields: [team] }
          notifyRule: { robots: [%1$s] }
          repeatInterval: 4h
          sendResolved: true
      """;
  private final Instant startsAt = Instant.now().minusSeconds(60);

  /** What happened up to the takeover. */
  private record Crash(int inFlight, String resolvedTeam) {}

  /**
   * Three members; the active one is killed with {@link #TEAMS} first notices accepted, {@link
   * #SENT_BEFORE_THE_KILL} of them delivered; a team still queued at the kill then resolves (its
   * resolve accepted by a standby), and another member takes over.
   */
  private Crash killTheActiveMemberWithNoticesQueued() throws Exception {
    // a lease of 5 s: time to see the request out answered and resolve a team before the takeover
    startFleet(3, CONFIG, WAIT, List.of(), "--storage.lease-ttl=5s");
    ServeProcess victim = active();
    chat.failNext(100, Fault.delay(SLOW));
    assertThat(victim.post("/api/v1/alerts", alerts(IntStream.range(0, TEAMS), null)).statusCode()).isEqualTo(200);
    // delivered and recorded: a notice the chat showed but the victim had not recorded yet would be
    // out at the kill too, and the next member would rightly send it again
    victim.await("the first notices delivered", WAIT, () -> chat.received(ROBOT).size() == SENT_BEFORE_THE_KILL
        && postgres.psql("SELECT count(*) FROM alert_router.notification_log").equals("" + SENT_BEFORE_THE_KILL));
    victim.kill9();
    Thread.sleep(SLOW.toMillis() + 300); // a request out at the kill is answered now: the chat shows it
    int inFlight = chat.received(ROBOT).size() - SENT_BEFORE_THE_KILL;
    assertThat(inFlight).as("requests out at the kill (a lane sends one at a time)").isBetween(0, 1);

    String resolvedTeam = IntStream.range(0, TEAMS).mapToObj(t -> "team-" + t)
        .filter(team -> !chatByTeam().containsKey(team)).findFirst().orElseThrow();
    int team = Integer.parseInt(resolvedTeam.substring("team-".length()));
    assertThat(first().post("/api/v1/alerts", alerts(IntStream.of(team), Instant.now().minusSeconds(1))).statusCode())
        .isEqualTo(200);
    assertThat(active()).as("no member took over before the resolve").isNull();
    first().await("another member takes over", Duration.ofSeconds(20), () -> active() != null);
    return new Crash(inFlight, resolvedTeam);
  }

  @Test
  void everyNoticeQueuedAtTheKillIsSentByTheMemberThatTakesOverAndOnlyTheOneOutIsRepeated() throws Exception {
    Crash crash = killTheActiveMemberWithNoticesQueued();

    // bounded, and failing below with what the chat showed: the five left take ~6 s at a second each
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!allTold(crash) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    Thread.sleep(7_000); // past the next group interval: nothing more to say
    Map<String, List<String>> shown = chatByTeam();
    assertThat(shown).as("every team's notice arrived (%s resolved at the kill)", crash.resolvedTeam())
        .containsOnlyKeys(IntStream.range(0, TEAMS).mapToObj(t -> "team-" + t).toArray(String[]::new));
    // its queued firing notice goes out, or is replaced in place by the resolution, which names
    // the alert (a reloaded notice counts as received: docs/decisions.md)
    assertThat(shown.get(crash.resolvedTeam())).as(crash.resolvedTeam() + " resolved while its notice was queued")
        .isIn(List.of("resolved"), List.of("firing", "resolved"));
    long firing = shown.values().stream().flatMap(List::stream).filter("firing"::equals).count();
    long firingTeams = shown.values().stream().filter(said -> said.contains("firing")).count();
    assertThat(firing - firingTeams).as("notices sent twice (%s)", shown).isBetween(0L, (long) crash.inFlight());
  }

  /** Whether every team's chat heard of it, and the resolved team's of its resolution. */
  private boolean allTold(Crash crash) {
    Map<String, List<String>> shown = chatByTeam();
    return shown.size() == TEAMS && shown.get(crash.resolvedTeam()).contains("resolved");
  }

  /** One alert per team, firing, or resolved at {@code endsAt} when given. */
  private String alerts(IntStream teams, Instant endsAt) {
    String end = endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"";
    return teams.mapToObj(t -> "{\"labels\":{\"alertname\":\"QueueBacklog\",\"team\":\"team-" + t
        + "\"},\"startsAt\":\"" + startsAt + "\"" + end + "}").collect(Collectors.joining(",", "[", "]"));
  }

  /** Per team, in order, what the chat was told of it: "firing" or "resolved". */
  private Map<String, List<String>> chatByTeam() {
    Map<String, List<String>> shown = new TreeMap<>();
    for (ReceivedMessage m : chat.received(ROBOT)) {
      String said = m.text().toLowerCase(Locale.ROOT).contains("resolved") ? "resolved" : "firing";
      IntStream.range(0, TEAMS).mapToObj(t -> "team-" + t).filter(m.text()::contains)
          .forEach(team -> shown.computeIfAbsent(team, k -> new ArrayList<>()).add(said));
    }
    return shown;
  }
}

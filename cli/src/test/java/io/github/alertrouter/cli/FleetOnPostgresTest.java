package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.ReceivedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several {@code serve --storage.url} processes on one real PostgreSQL form a fleet: all accept
 * alerts, one sends. Crashed with {@code kill -9}, cut off from the database, and sharing one
 * DingTalk robot's limit of 20 messages a minute, counted at the DingTalk simulator and in the
 * notification log.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class FleetOnPostgresTest extends ServeOnPostgres {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String CONFIG = """
      robots:
        - { id: %s, platform: dingtalk, webhook: "%s", secret: "%s" }
      notificationPolicies:
        - name: load
          groupRule: { groupWait: %s, groupInterval: 10m, groupingFields: [team] }
          notifyRule: { robots: [%1$s] }
          repeatInterval: 4h
      """;
  private final List<ServeProcess> fleet = processes;

  private void startFleet(int members, String groupWait) throws Exception {
    startFleet(members, CONFIG, WAIT, List.of(groupWait));
  }

  /** 500 alerts of {@code teams} from {@code from}, as one webhook body. */
  private static String batch(int from, int count, Function<Integer, String> team) {
    StringBuilder json = new StringBuilder("[");
    for (int i = from; i < from + count; i++) {
      json.append(i == from ? "" : ",").append("{\"labels\":{\"alertname\":\"HighLoad\",\"team\":\"")
          .append(team.apply(i)).append("\",\"instance\":\"host-").append(i).append("\"}}");
    }
    return json.append(']').toString();
  }

  /** Posts to the members in turn; a batch a member did not answer 200 goes to the next, as a load balancer retries. */
  private int postAround(String body, int turn) {
    for (int tries = 0; tries < fleet.size() * 3; tries++) {
      ServeProcess serve = fleet.get((turn + tries) % fleet.size());
      if (!serve.isAlive()) {
        continue;
      }
      try {
        if (serve.post("/api/v1/alerts", body).statusCode() == 200) {
          return 1;
        }
      } catch (RuntimeException e) {
        // refused or reset: the next member
      }
    }
    return 0;
  }

  private long alertsNotAnnounced() {
    return Long.parseLong(postgres.psql("SELECT count(*) FROM alert_router.alert a WHERE NOT EXISTS "
        + "(SELECT 1 FROM alert_router.notification_log n WHERE a.fingerprint = ANY (n.firing))"));
  }

  private Map<String, Long> messagesByTeam() {
    return chat.received(ROBOT).stream().map(ReceivedMessage::text)
        .flatMap(text -> IntStream.range(0, 10).mapToObj(t -> "team-" + t).filter(text::contains))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  @Test
  void killingTheActiveOneOfThreeUnder10kAlertsLosesNothingAndRepeatsNothing() throws Exception {
    startFleet(3, "15s");
    // wave 1: 5,000 alerts of teams 0-4, notified and recorded before the crash
    int accepted = 0;
    for (int b = 0; b < 10; b++) {
      accepted += postAround(batch(b * 500, 500, i -> "team-" + (i % 5)), b);
    }
    assertThat(accepted).isEqualTo(10);
    first().await("wave 1 announced and recorded", WAIT, () -> alertsNotAnnounced() == 0 && messagesByTeam().size() == 5);

    // wave 2: 5,000 more, teams 5-9; the active member is killed half way through
    ServeProcess victim = active();
    Instant killedAt = null;
    for (int b = 10; b < 20; b++) {
      String body = batch(b * 500, 500, i -> "team-" + (5 + i % 5));
      if (b < 12) { // accepted and routed by the active member, inside the group wait at the kill
        assertThat(victim.post("/api/v1/alerts", body).statusCode()).isEqualTo(200);
        accepted++;
        continue;
      }
      if (b == 12) {
        victim.kill9();
        killedAt = Instant.now();
      }
      accepted += postAround(body, b);
    }
    assertThat(accepted).as("every batch accepted by some member").isEqualTo(20);
    first().await("another member takes over", Duration.ofSeconds(20), () -> active() != null);
    assertThat(Duration.between(killedAt, Instant.now())).as("takeover").isLessThanOrEqualTo(Duration.ofSeconds(15));
    first().await("wave 2 announced", WAIT, () -> alertsNotAnnounced() == 0 && messagesByTeam().size() == 10);

    assertThat(postgres.psql("SELECT count(*) FROM alert_router.alert")).as("stored").isEqualTo("10000");
    Thread.sleep(16_000); // a group wait more: nothing else to say
    assertThat(messagesByTeam()).as("each group's notice once across the fleet (nothing was in flight at the kill)")
        .hasSize(10).allSatisfy((team, n) -> assertThat(n).as(team).isEqualTo(1));
    assertThat(chat.rejected()).isEmpty();
  }

  @Test
  void threeMembersOnOneRobotStayUnderItsLimitOf20AMinuteAcrossATakeover() throws Exception {
    startFleet(3, "1s");
    assertThat(postAround(batch(0, 30, i -> "team-" + i), 0)).isEqualTo(1); // 30 groups due at once
    first().await("the first 30 announced (the last ones in a digest)", WAIT, () -> alertsNotAnnounced() == 0);
    int firstMinute = chat.received(ROBOT).size();
    assertThat(firstMinute).isBetween(2, 20);
    active().kill9();
    // 30 more groups for the member taking over: the robot's window is the fleet's, not the member's
    assertThat(postAround(batch(30, 30, i -> "team-" + i), 1)).isEqualTo(1);
    first().await("every alert announced", Duration.ofSeconds(120), () -> alertsNotAnnounced() == 0);

    assertThat(chat.rejected()).as("the platform never throttled the robot").isEmpty();
    assertThat(chat.received(ROBOT).size() - firstMinute).as("the member taking over waited for the robot's window")
        .isBetween(1, 20);
  }

  @Test
  void whileTheDatabaseIsDownFor30sEveryMemberAnswers503AndNothingIsLostOrRepeated() throws Exception {
    startFleet(2, "5s");
    assertThat(postAround(batch(0, 10, i -> "team-0"), 0)).isEqualTo(1); // inside its group wait at the outage
    postgres.stop();
    Instant back = Instant.now().plusSeconds(30);
    int answered200 = 0;
    int probes = 0;
    while (Instant.now().isBefore(back)) {
      for (ServeProcess serve : fleet) {
        probes++;
        answered200 += serve.post("/api/v1/alerts", batch(10, 10, i -> "team-1")).statusCode() == 200 ? 1 : 0;
        assertThat(serve.get("/-/ready").statusCode()).isEqualTo(503);
      }
      Thread.sleep(3_000);
    }
    assertThat(probes).isGreaterThanOrEqualTo(4); // each waits up to the pool's 3-s connection timeout
    assertThat(answered200).as("alerts answered 200 while the database was down").isZero();

    postgres.restart();
    first().await("the sender's retry accepted", WAIT,
        () -> fleet.get(1).post("/api/v1/alerts", batch(10, 10, i -> "team-1")).statusCode() == 200);
    first().await("both groups announced", WAIT, () -> alertsNotAnnounced() == 0 && messagesByTeam().size() == 2);
    Thread.sleep(6_000); // a group wait more
    assertThat(messagesByTeam()).as("each group once").containsExactlyInAnyOrderEntriesOf(Map.of("team-0", 1L, "team-1", 1L));
  }
}

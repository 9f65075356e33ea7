package io.github.alertrouter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.Alert;
import io.github.alertrouter.RouterStats;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Silence;
import io.github.alertrouter.engine.ScriptedPlatform.Received;
import io.github.alertrouter.delivery.MentionPlanner;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The engine end to end, on virtual time, against the recording fake platform: what arrives in the
 * chat, when, why, and who is @-ed. Each test reads as a timeline. (Moved from the DingTalk
 * module, where it read DingTalk's markdown; it now asserts the same facts on what the platform
 * was asked to render. How DingTalk writes them is DingTalkRenderTest's and the contract test's.)
 */
class EngineScenariosTest {
  private static final String BASIC = """
      notificationPolicies:
        - name: payments
          matchingRules: [ { conditions: [ { key: team, op: eq, value: payments } ] } ]
          groupRule: { groupWait: 30s, groupInterval: 5m, groupingFields: [alertname] }
          notifyRule: { robots: [ops], mention: ["group:sre", "label:owner"] }
          repeatInterval: 4h
          sendResolved: true
      """;

  private RouterFixture f;

  @AfterEach
  void close() {
    if (f != null) {
      f.close();
    }
  }

  private RouterFixture start(String yaml) {
    f = new RouterFixture(yaml);
    return f;
  }

  private static Map<String, String> labels(String alertname, String... more) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>(Map.of("alertname", alertname, "team", "payments"));
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  @Test
  void groupWaitBatchesAlertsIntoOneFirstNotification() {
    start(BASIC);
    f.submit(f.firing(labels("DiskFull", "instance", "db-1")));
    f.advance(Duration.ofSeconds(10));
    f.submit(f.firing(labels("DiskFull", "instance", "db-2")), f.firing(labels("DiskFull", "instance", "db-3")));
    f.advance(Duration.ofSeconds(19));
    assertThat(f.messages("ops")).isEmpty();

    f.advance(Duration.ofSeconds(1)); // 30 s after the first alert

    assertThat(f.messages("ops")).singleElement().satisfies(m -> {
      assertThat(m.notification().firing()).hasSize(3);
      assertThat(m.values("instance")).contains("db-1", "db-2", "db-3");
      assertThat(m.notifyReason()).isEqualTo(NotifyReason.FIRST_NOTIFICATION);
      assertThat(m.mentions()).containsExactlyInAnyOrder("mobile:13800000001", "userId:bob007");
    });
  }

  @Test
  void statsCountStoredAndFiringAlertsGroupsAndActiveSilences() {
    start(BASIC);
    assertThat(f.router.stats()).isEqualTo(new RouterStats(0, 0, 0, 0));

    Alert db1 = f.firing(labels("DiskFull", "instance", "db-1"));
    f.submit(db1, f.firing(labels("DiskFull", "instance", "db-2")), f.firing(labels("HighCpu")));
    f.submit(f.firing(Map.of("alertname", "Unrouted", "team", "nobody"))); // stored, in no group
    f.router.addSilence(new Silence("now", List.of(Condition.eq("alertname", "HighCpu")), f.clock.instant(),
        f.clock.instant().plus(Duration.ofHours(1)), "alice", "maintenance"));
    f.router.addSilence(new Silence("later", List.of(Condition.eq("alertname", "X")),
        f.clock.instant().plus(Duration.ofHours(2)), f.clock.instant().plus(Duration.ofHours(3)), "alice", ""));
    f.advance(Duration.ofSeconds(30));
    f.submit(f.resolved(db1));

    assertThat(f.router.stats()).isEqualTo(new RouterStats(4, 3, 2, 1));

    f.advance(Duration.ofHours(1)); // the silence ended; db-1 was collected after resolve_timeout
    assertThat(f.router.stats()).isEqualTo(new RouterStats(3, 3, 2, 0));
  }

  @Test
  void anAlertResolvedBeforeGroupWaitIsNeverAnnounced() {
    start(BASIC);
    Alert flap = f.firing(labels("Flap"));
    f.submit(flap);
    f.advance(Duration.ofSeconds(10));
    f.submit(f.resolved(flap));
    f.advance(Duration.ofHours(1));

    assertThat(f.messages("ops")).isEmpty();
  }

  @Test
  void aNewAlertInAnExistingGroupGoesOutAtTheNextGroupInterval() {
    start(BASIC);
    f.submit(f.firing(labels("DiskFull", "instance", "db-1")));
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(1));
    f.submit(f.firing(labels("DiskFull", "instance", "db-2")));
    f.advance(Duration.ofMinutes(3).plusSeconds(59));
    assertThat(f.messages("ops")).hasSize(1);

    f.advance(Duration.ofSeconds(1)); // 30 s + 5 m

    assertThat(f.messages("ops")).hasSize(2);
    Received update = f.messages("ops").get(1);
    assertThat(update.notifyReason()).isEqualTo(NotifyReason.NEW_ALERTS);
    assertThat(update.notification().firing()).hasSize(2);
    assertThat(update.values("instance")).contains("db-1", "db-2");
  }

  @Test
  void aStillFiringGroupRepeatsAfterTheRepeatInterval() {
    start(BASIC);
    f.submit(f.firing(labels("DiskFull")));
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofHours(4).minusSeconds(1));
    assertThat(f.messages("ops")).hasSize(1);

    f.advance(Duration.ofMinutes(5));

    assertThat(f.messages("ops")).hasSize(2);
    assertThat(f.messages("ops").get(1).notifyReason()).isEqualTo(NotifyReason.REPEAT);
    assertThat(f.messages("ops").get(1).mentions()).contains("userId:bob007"); // mentions planned again
  }

  @Test
  void resolvedNoticeWithSendResolved() {
    start(BASIC);
    Alert disk = f.firing(labels("DiskFull"));
    f.submit(disk);
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(2));
    f.submit(f.resolved(disk));
    f.advance(Duration.ofMinutes(3));

    assertThat(f.messages("ops")).hasSize(2);
    assertThat(f.messages("ops").get(1).notification().resolved()).isNotEmpty();
    assertThat(f.messages("ops").get(1).notifyReason()).isEqualTo(NotifyReason.ALL_RESOLVED);

    f.advance(Duration.ofHours(5)); // the group is gone: no repeat of a resolved group
    assertThat(f.messages("ops")).hasSize(2);
  }

  @Test
  void aGroupClearedByHandSendsItsResolvedNoticeAtOnceAndFiresAgainWhenItsSourceSaysSo() {
    start(BASIC);
    f.submit(f.firing(labels("DiskFull", "instance", "db-1")), f.firing(labels("DiskFull", "instance", "db-2")));
    f.advance(Duration.ofSeconds(30));
    String groupKey = f.sent.get(0).groupKey();

    assertThat(f.router.resolve(groupKey, "alice")).isTrue();
    f.scheduler.runDue();

    assertThat(f.messages("ops")).hasSize(2);
    assertThat(f.messages("ops").get(1).notification().resolved()).hasSize(2);
    assertThat(f.messages("ops").get(1).notifyReason()).isEqualTo(NotifyReason.ALL_RESOLVED);
    assertThat(f.router.resolve(groupKey, "alice")).isFalse(); // nothing fires under that key any more

    f.advance(Duration.ofMinutes(1));
    f.submit(f.firing(labels("DiskFull", "instance", "db-1"))); // the source still sees it
    f.advance(Duration.ofSeconds(30));
    assertThat(f.messages("ops")).hasSize(3);
    assertThat(f.messages("ops").get(2).notification().firing()).hasSize(1);
    assertThat(f.messages("ops").get(2).notifyReason()).isEqualTo(NotifyReason.FIRST_NOTIFICATION);
  }

  @Test
  void noResolvedNoticeWithoutSendResolved() {
    start(BASIC.replace("sendResolved: true", "sendResolved: false"));
    Alert disk = f.firing(labels("DiskFull"));
    f.submit(disk);
    f.advance(Duration.ofSeconds(30));
    f.submit(f.resolved(disk));
    f.advance(Duration.ofHours(5));

    assertThat(f.messages("ops")).hasSize(1);
  }

  @Test
  void anAlertWithoutEndResolvesAfterTheResolveTimeout() {
    start(BASIC);
    f.submit(Alert.firing(labels("DiskFull")).startsAt(f.clock.instant()).build()); // no endsAt, never re-sent
    f.advance(Duration.ofSeconds(30));
    f.advance(Duration.ofMinutes(10));

    assertThat(f.messages("ops")).hasSize(2);
    assertThat(f.messages("ops").get(1).notifyReason()).isEqualTo(NotifyReason.ALL_RESOLVED);
  }

  @Test
  void outsideTheNotifyWindowTheGroupIsHeldUntilItOpens() {
    start(BASIC.replace("notifyRule: { robots: [ops],",
        "notifyRule: { window: { days: [MON, TUE, WED, THU, FRI], from: \"10:00\", to: \"18:00\", timeZone: Asia/Shanghai }, robots: [ops],"));
    f.submit(f.firing(labels("DiskFull"))); // Monday 09:00 Shanghai
    f.advance(Duration.ofMinutes(59));
    assertThat(f.messages("ops")).isEmpty();

    f.advance(Duration.ofMinutes(1)); // 10:00 Shanghai

    assertThat(f.messages("ops")).singleElement()
        .satisfies(m -> assertThat(m.notifyReason()).isEqualTo(NotifyReason.FIRST_NOTIFICATION));
    assertThat(f.sent.get(0).at()).isEqualTo(java.time.Instant.parse("2026-03-09T02:00:00Z"));
  }

  @Test
  void withOutsideWindowDropANoticeDueWhileClosedIsNotSentLater() {
    start(BASIC.replace("notifyRule: { robots: [ops],",
        "notifyRule: { window: { days: [MON, TUE, WED, THU, FRI], from: \"10:00\", to: \"18:00\", timeZone: Asia/Shanghai,"
            + " outsideWindow: DROP }, robots: [ops],"));
    f.submit(f.firing(labels("DiskFull"))); // Monday 09:00 Shanghai: the first notice falls outside
    f.advance(Duration.ofHours(2));
    assertThat(f.messages("ops")).isEmpty();

    f.submit(f.firing(labels("DiskFull", "instance", "db-2"))); // 11:00: a change inside the window
    f.advance(Duration.ofMinutes(5));

    assertThat(f.messages("ops")).singleElement().satisfies(m -> {
      assertThat(m.notifyReason()).isEqualTo(NotifyReason.NEW_ALERTS);
      assertThat(m.values("instance")).contains("db-2");
    });
  }

  @Test
  void silencedAlertsAreNotNotifiedAndASilenceCanBeAddedAndExpiredAtRunTime() {
    start(BASIC + """
        silences:
          - { id: db-maintenance, matchers: [ { key: instance, op: eq, value: db-9 } ],
              startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-04-01T00:00:00Z", createdBy: bob }
        """);
    f.submit(f.firing(labels("DiskFull", "instance", "db-9")));
    f.advance(Duration.ofMinutes(10));
    assertThat(f.messages("ops")).isEmpty();

    f.router.addSilence(new Silence("cpu", List.of(Condition.eq("alertname", "HighCpu")), f.clock.instant(),
        f.clock.instant().plus(Duration.ofHours(1)), "alice", "deploy"));
    f.submit(f.firing(labels("HighCpu")));
    f.advance(Duration.ofMinutes(10));
    assertThat(f.messages("ops")).isEmpty();

    f.router.expireSilence("cpu");
    f.advance(Duration.ofMinutes(5)); // the next group-interval tick

    assertThat(f.messages("ops")).singleElement().satisfies(m -> assertThat(m.values("alertname")).contains("HighCpu"));
  }

  @Test
  void aCriticalAlertInhibitsTheWarningForTheSameCluster() {
    start(BASIC + """
        inhibitRules:
          - source: [ { key: severity, op: eq, value: critical } ]
            target: [ { key: severity, op: eq, value: warning } ]
            equal: [cluster]
        """);
    f.submit(f.firing(labels("NodeDown", "severity", "critical", "cluster", "hz")),
        f.firing(labels("HighLatency", "severity", "warning", "cluster", "hz")),
        f.firing(labels("HighLatency2", "severity", "warning", "cluster", "sh")));
    f.advance(Duration.ofMinutes(1));

    assertThat(f.messages("ops")).extracting(m -> m.values("alertname"))
        .anySatisfy(names -> assertThat(names).contains("NodeDown"))
        .anySatisfy(names -> assertThat(names).contains("HighLatency2"))
        .noneSatisfy(names -> assertThat(names).contains("HighLatency"));
    assertThat(f.messages("ops")).hasSize(2);
  }

  @Test
  void theOwnerNamedByALabelIsMentioned() {
    start(BASIC.replace("mention: [\"group:sre\", \"label:owner\"]", "mention: [\"label:owner\"]"));
    f.submit(f.firing(labels("DiskFull", "owner", "+86 138-0000-0001")), f.firing(labels("Other", "owner", "dave")));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops")).hasSize(2);
    Received disk = f.messages("ops").stream().filter(m -> m.values("alertname").contains("DiskFull")).findFirst().orElseThrow();
    assertThat(disk.mentions()).containsExactly("mobile:13800000001");
    Received other = f.messages("ops").stream().filter(m -> m.values("alertname").contains("Other")).findFirst().orElseThrow();
    assertThat(other.mentions()).isEmpty();
    assertThat(other.notMentioned()).containsKey("dave");
  }

  @Test
  void withRequireBindingAContactIsMentionedByMobileOnlyAfterBindingIt() {
    start(BASIC.replace("notifyRule: { robots: [ops], mention: [\"group:sre\", \"label:owner\"] }",
        "notifyRule: { robots: [ops], mention: [\"group:sre\"], requireBinding: true }"));
    f.submit(f.firing(labels("DiskFull")));
    f.advance(Duration.ofSeconds(30));
    Received first = f.messages("ops").get(0);
    assertThat(first.mentions()).containsExactly("userId:bob007"); // Bob is @-ed by userId: no binding needed
    assertThat(first.notMentioned()).containsEntry("Alice", MentionPlanner.NOT_BOUND);

    // the message carries the binding entry; Alice binds her number through its pages
    java.util.regex.Matcher bind = java.util.regex.Pattern
        .compile("https://ops\\.example\\.com/alert-router(/bind/[A-Za-z0-9_-]+)")
        .matcher(first.link(NotificationLink.Kind.BIND).orElse(""));
    assertThat(bind.matches()).as(first.notification().links().toString()).isTrue();
    var pages = f.router.actionHandler().orElseThrow();
    assertThat(pages.handle("GET", bind.group(1), Map.of(), new byte[0]).body()).contains("name=\"mobile\"");
    assertThat(pages.handle("POST", bind.group(1), Map.of(), "mobile=%2B86+138-0000-0001".getBytes()).body())
        .contains("name=\"code\"");
    String code = f.codes.lastCode("13800000001").orElseThrow().reveal();
    assertThat(pages.handle("POST", bind.group(1) + "/confirm", Map.of(), ("code=" + code).getBytes()).status())
        .isEqualTo(200);
    f.advance(Duration.ofHours(4));

    assertThat(f.messages("ops").get(1).mentions()).containsExactlyInAnyOrder("mobile:13800000001", "userId:bob007");
  }

  @Test
  void twoPoliciesMatchingOneAlertSendTwoMessages() {
    start(BASIC + """
          - name: everything
            groupRule: { groupWait: 10s, groupingFields: [alertname] }
            notifyRule: { robots: [dev] }
            repeatInterval: 1h
        """);
    f.submit(f.firing(labels("DiskFull")));
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops")).hasSize(1);
    assertThat(f.messages("dev")).singleElement().satisfies(m -> assertThat(m.notification().policy()).isEqualTo("everything"));
  }

  @Test
  void closeFlushesWhatIsDueAndRefusesLaterAlerts() {
    start(BASIC);
    f.submit(f.firing(labels("DiskFull")));
    f.clock.advance(Duration.ofSeconds(30)); // due, but the scheduler has not run it
    f.router.close();
    f.scheduler.runDue();

    assertThat(f.messages("ops")).hasSize(1);
    assertThatThrownBy(() -> f.router.submit(f.firing(labels("Late"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
  }

  @Test
  void aRealAlertmanagerPayloadIsRoutedAndItsHostileTextMentionsNobody() throws Exception {
    start("""
        notificationPolicies:
          - name: disks
            groupRule: { groupWait: 30s, groupingFields: [alertname] }
            notifyRule: { robots: [ops], mention: ["group:sre", "label:owner"] }
            repeatInterval: 4h
        """);
    byte[] payload = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(
        "..", "core", "src", "test", "resources", "fixtures", "alertmanager-0.25", "b-cjk-markdown", "001.raw"));

    f.router.submitAlertmanager(payload);
    f.advance(Duration.ofSeconds(30));

    assertThat(f.messages("ops")).singleElement().satisfies(m -> {
      assertThat(m.values("alertname")).contains("磁盘空间不足");
      assertThat(m.values("instance")).contains("db-01:9100", "db-02:9100");
      // "@all" in a summary, "at: 13800000000" and "@13800000000" in text plan no mention; the owner
      // label names no contact, so it is shown by name, not @-ed. (That such text cannot fire a
      // mention on the wire either is each platform's: PlatformContractTest.hostileAlertTextFiresNoExtraMention.)
      assertThat(m.mentions()).containsExactlyInAnyOrder("mobile:13800000001", "userId:bob007");
      assertThat(m.notMentioned()).containsKey("13900000000");
    });
  }

  @Test
  void aMalformedPayloadIsRefusedWithItsPointerAndNothingIsSubmitted() {
    start(BASIC);
    byte[] broken = "{\"version\":\"4\",\"alerts\":[{\"labels\":{\"alertname\":1}}]}".getBytes();

    assertThatThrownBy(() -> f.router.submitAlertmanager(broken))
        .isInstanceOf(io.github.alertrouter.alertmanager.webhook.PayloadException.class)
        .hasMessageContaining("/alerts/0/labels/alertname");
    f.advance(Duration.ofMinutes(1));
    assertThat(f.messages("ops")).isEmpty();
  }

  @Test
  void previewShowsRunTimeSilencesWithoutSendingAnything() {
    start(BASIC);
    f.router.addSilence(new Silence("quiet", List.of(Condition.eq("alertname", "Noisy")), f.clock.instant(),
        f.clock.instant().plus(Duration.ofHours(1)), "alice", ""));
    Alert noisy = f.firing(labels("Noisy"));
    Alert disk = f.firing(labels("DiskFull", "owner", "alice"));

    var preview = f.router.preview(List.of(noisy, disk), f.clock.instant());

    assertThat(preview.alerts().get(0).silencedBy()).containsExactly("quiet");
    assertThat(preview.notifications()).extracting(n -> n.groupKey()).singleElement()
        .satisfies(k -> assertThat(k).contains("DiskFull"));
    f.advance(Duration.ofMinutes(5));
    assertThat(f.messages("ops")).isEmpty();
  }
}

package io.github.alertrouter.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.ContactGroup;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class MentionPlannerTest {
  private static final Instant AT = Instant.parse("2026-03-09T02:00:00Z"); // Monday 10:00 in Shanghai
  private static final Contact ALICE =
      new Contact("alice", "Alice Zhang", "+86 138 0000 0001", "Alice@Example.com", Map.of());
  private static final Contact BOB = new Contact("bob", "Bob Li", "13800000002", null, Map.of());
  private static final Contact CAROL = new Contact("carol", "Carol Wang", null, "carol@example.com", Map.of());

  private final MentionPlanner planner = new MentionPlanner(RouterConfig.builder()
      .contact(ALICE).contact(BOB).contact(CAROL)
      .contactGroup(new ContactGroup("sre", "SRE", List.of("alice", "bob")))
      .build());

  static Stream<Arguments> plans() {
    return Stream.of(
        Arguments.of("contact", List.of("contact:carol"), Map.of(), List.of("carol")),
        Arguments.of("group in member order", List.of("group:sre"), Map.of(), List.of("alice", "bob")),
        Arguments.of("duplicates keep the first target", List.of("contact:bob", "group:sre"), Map.of(),
            List.of("bob", "alice")),
        Arguments.of("label names a contact id", List.of("label:owner"), Map.of("owner", "carol"), List.of("carol")),
        Arguments.of("label names a mobile written differently", List.of("label:owner"),
            Map.of("owner", "0086-138-0000-0001"), List.of("alice")),
        Arguments.of("label names an email in another case", List.of("label:owner"),
            Map.of("owner", "alice@example.COM"), List.of("alice")),
        Arguments.of("comma-separated, trimmed, empty parts skipped", List.of("label:owner"),
            Map.of("owner", " bob ,, carol,"), List.of("bob", "carol")),
        Arguments.of("label value naming nobody is kept by name", List.of("label:owner"),
            Map.of("owner", "dave"), List.of("?dave")),
        Arguments.of("missing label adds nobody", List.of("label:owner"), Map.of(), List.of()),
        Arguments.of("all is one entry", List.of("all", "contact:alice", "all"), Map.of(), List.of("*all", "alice")),
        Arguments.of("unknown schedule is named, not silently dropped", List.of("schedule:nope"), Map.of(),
            List.of("?nope")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("plans")
  void plansTargetsIntoPeople(String name, List<String> targets, Map<String, String> labels, List<String> expected) {
    Alert alert = Alert.firing(merge(Map.of("alertname", "A"), labels)).build();
    List<PlannedMention> plan = planner.plan(targets.stream().map(MentionTarget::parse).toList(), List.of(alert), AT);
    assertThat(plan).extracting(MentionPlannerTest::describe).containsExactlyElementsOf(expected);
  }

  @Test
  void annotationValuesFromEveryAlertInOrder() {
    Alert a = Alert.firing(Map.of("alertname", "A", "i", "1")).annotation("owner", "carol").build();
    Alert b = Alert.firing(Map.of("alertname", "A", "i", "2")).annotation("owner", "bob,carol").build();
    List<PlannedMention> plan = planner.plan(List.of(MentionTarget.parse("annotation:owner")), List.of(a, b), AT);
    assertThat(plan).extracting(MentionPlannerTest::describe).containsExactly("carol", "bob");
  }

  @Test
  void aScheduleTargetIsWhoeverIsOnDutyAtTheNoticesTimeOrSaysNobodyIs() {
    RouterConfig config = RouterConfig.parse("""
        contacts: [ { id: alice, name: Alice }, { id: bob, name: Bob } ]
        schedules:
          - id: primary
            name: Payments primary
            timeZone: Asia/Shanghai
            layers:
              - { name: days, members: [alice, bob], rotation: DAILY, handoff: "2026-03-09T09:00",
                  restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ] }
        """, "t.yaml", Map.of());
    MentionPlanner scheduled = new MentionPlanner(config);
    List<MentionTarget> targets = List.of(MentionTarget.schedule("primary"));

    assertThat(scheduled.plan(targets, List.of(), AT)).extracting(MentionPlannerTest::describe).containsExactly("alice");
    assertThat(scheduled.plan(targets, List.of(), AT.plus(java.time.Duration.ofDays(1))))
        .extracting(MentionPlannerTest::describe).containsExactly("bob");
    PlannedMention night = scheduled.plan(targets, List.of(), AT.plus(java.time.Duration.ofHours(12))).get(0);
    assertThat(night.contact()).isNull();
    assertThat(night.name()).isEqualTo("Payments primary");
    assertThat(night.reason()).isEqualTo("nobody is on duty in schedule primary");
  }

  @Test
  void unknownLabelValueSaysWhy() {
    Alert alert = Alert.firing(Map.of("alertname", "A", "owner", "dave")).build();
    PlannedMention p = planner.plan(List.of(MentionTarget.parse("label:owner")), List.of(alert), AT).get(0);
    assertThat(p.reason()).isEqualTo("no contact with id, mobile or email \"dave\"");
    assertThat(p.name()).isEqualTo("dave");
  }

  @Test
  void resolveAsksThePlatformAndDeduplicatesByIdentity() {
    // alice and bob share one identity on this platform: @-ed once; carol has none: shown by name
    PlatformProvider platform = new FakeIdentities(Map.of("alice", "u1", "bob", "u1"));
    List<PlannedMention> plan = planner.plan(
        Stream.of("all", "group:sre", "contact:carol").map(MentionTarget::parse).toList(), List.of(), AT);

    List<Mention> mentions = MentionPlanner.resolve(plan, platform);

    assertThat(mentions).extracting(Mention::name).containsExactly("all", "Alice Zhang", "Carol Wang");
    assertThat(mentions.get(0).isAll()).isTrue();
    assertThat(mentions.get(1).identity()).isEqualTo(new Identity("userId", "u1"));
    assertThat(mentions.get(2).isResolved()).isFalse();
    assertThat(mentions.get(2).reason()).isEqualTo("no fake id");
    assertThat(mentions.get(2).contactId()).isEqualTo("carol");
  }

  private static String describe(PlannedMention p) {
    if (p.isAll()) {
      return "*all";
    }
    return p.contact() == null ? "?" + p.name() : p.contact().id();
  }

  private static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
    java.util.HashMap<String, String> m = new java.util.HashMap<>(a);
    m.putAll(b);
    return m;
  }

  private record FakeIdentities(Map<String, String> ids) implements PlatformProvider {
    @Override
    public String id() {
      return "fake";
    }

    @Override
    public IdentityResolution resolve(Contact contact) {
      String id = ids.get(contact.id());
      return id == null ? IdentityResolution.unresolved("no fake id") : IdentityResolution.resolved(new Identity("userId", id));
    }

    @Override
    public List<OutboundMessage> render(RenderRequest request) {
      return List.of();
    }

    @Override
    public RobotClient client(io.github.alertrouter.config.Robot robot, ClientContext context) {
      throw new UnsupportedOperationException();
    }
  }
}

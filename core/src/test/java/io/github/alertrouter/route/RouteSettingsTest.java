package io.github.alertrouter.route;

import static io.github.alertrouter.config.Condition.eq;
import static io.github.alertrouter.route.Policies.labels;
import static io.github.alertrouter.route.Policies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.NotifyWindow;
import io.github.alertrouter.time.TimeOfDay;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Inheritance follows Alertmanager's {@code NewRoute}; each setting separately. */
class RouteSettingsTest {
  static final NotifyWindow OFFICE = new NotifyWindow(
      EnumSet.of(DayOfWeek.MONDAY), TimeOfDay.START_OF_DAY, TimeOfDay.END_OF_DAY, ZoneId.of("Asia/Shanghai"));
  static final NotifyWindow NIGHT = new NotifyWindow(
      EnumSet.of(DayOfWeek.SUNDAY), TimeOfDay.START_OF_DAY, TimeOfDay.END_OF_DAY, ZoneId.of("UTC"));

  /** A parent that sets everything. */
  static NotificationPolicy.Builder parent() {
    return policy("parent")
        .groupRule(new GroupRule(Duration.ofSeconds(5), Duration.ofSeconds(50), List.of("alertname", "cluster")))
        .notifyRule(new NotifyRule(OFFICE, List.of("ding"), List.of(MentionTarget.contact("alice"))))
        .repeatInterval(Duration.ofMinutes(10))
        .sendResolved(false)
        .muteTimeIntervals(List.of("weekend"))
        .activeTimeIntervals(List.of("office"));
  }

  static RouteSettings childSettings(NotificationPolicy.Builder parent, NotificationPolicy.Builder child) {
    RoutingTree tree = RoutingTree.compile(List.of(parent.routes(List.of(child.build())).build()));
    List<RouteMatch> m = tree.match(labels("x", "1"));
    assertThat(m).hasSize(1);
    assertThat(m.get(0).node().depth()).isEqualTo(1);
    return m.get(0).settings();
  }

  static Arguments row(String name, UnaryOperator<NotificationPolicy.Builder> child,
      Function<RouteSettings, Object> field, Object expected) {
    return Arguments.of(name, child, field, expected);
  }

  static Stream<Arguments> cases() {
    UnaryOperator<NotificationPolicy.Builder> nothing = b -> b;
    return Stream.of(
        row("name inherited when null", b -> b.name(null), RouteSettings::name, "parent"),
        row("name overridden", nothing, RouteSettings::name, "child"),
        row("groupWait inherited", nothing, RouteSettings::groupWait, Duration.ofSeconds(5)),
        row("groupWait overridden alone", b -> b.groupRule(new GroupRule(Duration.ZERO, null, null)),
            RouteSettings::groupWait, Duration.ZERO),
        row("groupInterval inherited when groupWait overridden",
            b -> b.groupRule(new GroupRule(Duration.ZERO, null, null)),
            RouteSettings::groupInterval, Duration.ofSeconds(50)),
        row("groupInterval overridden", b -> b.groupRule(new GroupRule(null, Duration.ofMinutes(1), null)),
            RouteSettings::groupInterval, Duration.ofMinutes(1)),
        row("groupingFields inherited", b -> b.groupRule(new GroupRule(Duration.ZERO, null, null)),
            RouteSettings::groupingFields, List.of("alertname", "cluster")),
        row("groupingFields overridden", b -> b.groupRule(new GroupRule(null, null, List.of("team"))),
            RouteSettings::groupingFields, List.of("team")),
        row("groupingFields overridden with empty list", b -> b.groupRule(new GroupRule(null, null, List.of())),
            RouteSettings::groupingFields, List.of()),
        row("groupByAll set by child", b -> b.groupRule(new GroupRule(null, null, List.of("..."))),
            RouteSettings::groupByAll, true),
        row("groupByAll false by default", nothing, RouteSettings::groupByAll, false),
        row("window inherited", nothing, RouteSettings::window, OFFICE),
        row("window overridden alone", b -> b.notifyRule(new NotifyRule(NIGHT, null, null)),
            RouteSettings::window, NIGHT),
        row("robots inherited when window overridden", b -> b.notifyRule(new NotifyRule(NIGHT, null, null)),
            RouteSettings::robots, List.of("ding")),
        row("robots overridden", b -> b.notifyRule(new NotifyRule(null, List.of("lark"), null)),
            RouteSettings::robots, List.of("lark")),
        row("mention inherited when robots overridden",
            b -> b.notifyRule(new NotifyRule(null, List.of("lark"), null)),
            RouteSettings::mention, List.of(MentionTarget.contact("alice"))),
        row("mention overridden with empty list", b -> b.notifyRule(new NotifyRule(null, null, List.of())),
            RouteSettings::mention, List.of()),
        row("repeatInterval inherited", nothing, RouteSettings::repeatInterval, Duration.ofMinutes(10)),
        row("repeatInterval overridden", b -> b.repeatInterval(Duration.ofHours(1)),
            RouteSettings::repeatInterval, Duration.ofHours(1)),
        row("escalation replaces inherited repeat: repeat", b -> b.escalationPolicy("esc"),
            RouteSettings::repeatInterval, null),
        row("escalation replaces inherited repeat: escalation", b -> b.escalationPolicy("esc"),
            RouteSettings::escalationPolicy, "esc"),
        row("no escalation inherited with repeat", nothing, RouteSettings::escalationPolicy, null),
        row("sendResolved inherited", nothing, RouteSettings::sendResolved, false),
        row("sendResolved overridden", b -> b.sendResolved(true), RouteSettings::sendResolved, true),
        row("muteTimeIntervals NOT inherited", nothing, RouteSettings::muteTimeIntervals, List.of()),
        row("activeTimeIntervals NOT inherited", nothing, RouteSettings::activeTimeIntervals, List.of()),
        row("muteTimeIntervals own", b -> b.muteTimeIntervals(List.of("night")),
            RouteSettings::muteTimeIntervals, List.of("night")),
        row("activeTimeIntervals own", b -> b.activeTimeIntervals(List.of("day")),
            RouteSettings::activeTimeIntervals, List.of("day")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void inherits(String name, UnaryOperator<NotificationPolicy.Builder> child,
      Function<RouteSettings, Object> field, Object expected) {
    RouteSettings s = childSettings(parent(), child.apply(policy("child")));
    assertThat(field.apply(s)).isEqualTo(expected);
  }

  @Test
  void groupByAllInheritedAndClearedByExplicitFields() {
    NotificationPolicy.Builder all = policy("p").groupRule(new GroupRule(null, null, List.of("...")));
    assertThat(childSettings(all, policy("c")).groupByAll()).isTrue();
    assertThat(childSettings(policy("p").groupRule(new GroupRule(null, null, List.of("..."))),
        policy("c").groupRule(new GroupRule(null, null, List.of("a")))).groupByAll()).isFalse();
  }

  @Test
  void inheritanceCompoundsOverThreeLevels() {
    NotificationPolicy top = parent().routes(List.of(
        policy("mid", eq("x", "1")).escalationPolicy("esc").routes(List.of(
            policy(null, eq("x", "1")).sendResolved(true).build())).build())).build();
    RouteSettings s = RoutingTree.compile(List.of(top)).match(labels("x", "1")).get(0).settings();
    assertThat(s.name()).isEqualTo("mid");
    assertThat(s.escalationPolicy()).isEqualTo("esc");
    assertThat(s.repeatInterval()).isNull();
    assertThat(s.sendResolved()).isTrue();
    assertThat(s.groupWait()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void topLevelDefaults() {
    RouteSettings s = RoutingTree.compile(List.of(policy("p").build())).match(labels("a", "b")).get(0).settings();
    assertThat(s).isEqualTo(new RouteSettings("p", GroupRule.DEFAULT_GROUP_WAIT, GroupRule.DEFAULT_GROUP_INTERVAL,
        GroupRule.DEFAULT_GROUPING_FIELDS, false, NotifyWindow.ALWAYS, List.of(), List.of(),
        java.util.Map.of(), false, NotificationPolicy.DEFAULT_REPEAT_INTERVAL, null, true, List.of(), List.of()));
  }

  @Test
  void topLevelWithEscalationHasNoDefaultRepeat() {
    RouteSettings s = RoutingTree.compile(List.of(policy("p").escalationPolicy("esc").build()))
        .match(labels("a", "b")).get(0).settings();
    assertThat(s.repeatInterval()).isNull();
    assertThat(s.escalationPolicy()).isEqualTo("esc");
  }

  @Test
  void topLevelPoliciesDoNotInheritFromEachOther() {
    RoutingTree tree = RoutingTree.compile(List.of(parent().build(), policy("second").build()));
    RouteSettings s = tree.match(labels("a", "b")).get(1).settings();
    assertThat(s.groupWait()).isEqualTo(GroupRule.DEFAULT_GROUP_WAIT);
    assertThat(s.robots()).isEmpty();
  }
}

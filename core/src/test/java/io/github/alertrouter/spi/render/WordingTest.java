package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.EscalationPolicy;
import io.github.alertrouter.config.EscalationStep;
import io.github.alertrouter.config.EscalationTrigger;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.escalate.EscalationFiring;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotificationLink.Kind;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.store.FiringSlot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in word in both languages, the robot option that chooses them, and core's details read back. */
class WordingTest {
  private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
  private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

  static Stream<Arguments> phrases() {
    Map<String, Function<Wording, String>> all = new java.util.LinkedHashMap<>();
    all.put("firing", Wording::firing);
    all.put("resolved", Wording::resolved);
    all.put("firing header", Wording::firingHeader);
    all.put("resolved header", Wording::resolvedHeader);
    all.put("group", Wording::group);
    all.put("policy", Wording::policy);
    all.put("reason", Wording::reason);
    all.put("digest", Wording::digest);
    all.put("merges groups", w -> w.mergesGroups(3));
    all.put("part", w -> w.part(1, 3));
    all.put("alert", Wording::alert);
    all.put("started", Wording::started);
    all.put("ended", Wording::ended);
    all.put("resolved after", Wording::resolvedAfter);
    all.put("after", Wording::after);
    all.put("source", Wording::source);
    all.put("more", w -> w.more(480));
    all.put("more, one", w -> w.more(1));
    all.put("severity", Wording::severity);
    all.put("alertname", Wording::alertname);
    all.put("most alerts", Wording::mostAlerts);
    all.put("none", Wording::none);
    all.put("under other names", w -> w.under(30, 7, true, true));
    all.put("under severities", w -> w.under(30, 1, false, false));
    all.put("on call for", w -> w.onCallFor("P", "A"));
    all.put("since", w -> w.since("1", "2"));
    all.put("since, open", w -> w.since("1", null));
    all.put("next", w -> w.next("A"));
    all.put("next, none", w -> w.next(null));
    all.put("nobody", Wording::nobody);
    for (NotifyReason r : NotifyReason.values()) {
      all.put("reason " + r, w -> w.reason(r, null));
    }
    for (Kind k : Kind.values()) {
      all.put("link " + k, w -> w.linkTitle(builtInLink(k)));
    }
    return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("phrases")
  void everyPhraseIsChineseInZhCnAndHasNoChineseInEn(String name, Function<Wording, String> phrase) {
    String en = phrase.apply(Wording.EN);
    String zh = phrase.apply(Wording.ZH_CN);
    assertThat(en).as("en").isNotBlank().doesNotContainPattern(CJK);
    assertThat(zh).as("zh-CN").containsPattern(CJK).doesNotContainPattern(ENGLISH_WORD).isNotEqualTo(en);
  }

  @Test
  void englishIsWhatMessagesSaidBefore() {
    Wording w = Wording.EN;
    assertThat(w.more(1)).isEqualTo("…and 1 more alert");
    assertThat(w.more(480)).isEqualTo("…and 480 more alerts");
    assertThat(w.under(30, 7, true, true)).isEqualTo("30 under 7 other names");
    assertThat(w.under(5, 1, false, false)).isEqualTo("5 under 1 severity");
    assertThat(w.reason(NotifyReason.NEW_ALERTS, null)).isEqualTo("new alerts added");
    assertThat(w.onCallFor("Payments primary", "Bob")).isEqualTo("On call for Payments primary: Bob");
    assertThat(w.next(null)).isEqualTo("Next: no change ahead");
  }

  @Test
  void chineseWording() {
    Wording w = Wording.ZH_CN;
    assertThat(w.more(480)).isEqualTo("…另有 480 条告警未列出");
    assertThat(w.under(30, 7, true, true)).isEqualTo("其余 7 个名称共 30 条");
    assertThat(w.reason(NotifyReason.FIRST_NOTIFICATION, null)).isEqualTo("首次通知");
    assertThat(w.since("A", "B")).isEqualTo("自 A 起，至 B");
    assertThat(w.linkTitle(new NotificationLink(Kind.RUNBOOK, "Our wiki", "https://wiki.example.com")))
        .as("a title a user chose stays as it is").isEqualTo("Our wiki");
  }

  @Test
  void escalationStepsAsCoreDescribesThemReadInChinese() {
    EscalationStep first = EscalationStep.builder(Duration.ofMinutes(10), EscalationTrigger.UNACKED, "group:sre").build();
    EscalationStep second = EscalationStep.builder(Duration.ofMinutes(30), EscalationTrigger.UNACKED, "group:sre")
        .repeat(2, Duration.ofMinutes(5)).build();
    EscalationPolicy once = EscalationPolicy.builder("p").step(first).step(second).build();
    EscalationPolicy looping = once.toBuilder().loops(2).build();

    String plain = new EscalationFiring(new FiringSlot(0, 0, 0), first, Instant.EPOCH).describe(once);
    String repeat = new EscalationFiring(new FiringSlot(1, 1, 1), second, Instant.EPOCH).describe(looping);

    assertThat(Wording.ZH_CN.reason(NotifyReason.ESCALATION, plain)).isEqualTo("升级第 1/2 步");
    assertThat(Wording.ZH_CN.reason(NotifyReason.ESCALATION, repeat)).isEqualTo("升级第 2/2 步，第 2/3 轮，第 1/2 次重复");
    assertThat(Wording.EN.reason(NotifyReason.ESCALATION, repeat)).isEqualTo(repeat);
  }

  @Test
  void acknowledgementsAsCoreWritesThemNameWhoInChinese() {
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.FIRST_NOTIFICATION, List.of(), List.of(),
        List.of(), Instant.EPOCH, 1);
    Notification acked = n.asAcknowledgement(true, "alice");
    Notification withdrawn = n.asAcknowledgement(false, "bob");

    assertThat(Wording.ZH_CN.reason(acked.reason(), acked.reasonDetail())).isEqualTo("alice 已认领");
    assertThat(Wording.ZH_CN.reason(withdrawn.reason(), withdrawn.reasonDetail())).isEqualTo("bob 取消认领");
    assertThat(Wording.EN.reason(acked.reason(), acked.reasonDetail())).isEqualTo("acknowledged by alice");
  }

  @Test
  void anAcknowledgementWithoutANameSaysSomeoneInTheRobotsLanguage() {
    Notification n = new Notification("p", "{}", new TreeMap<>(), NotifyReason.FIRST_NOTIFICATION, List.of(), List.of(),
        List.of(), Instant.EPOCH, 1);
    Notification acked = n.asAcknowledgement(true, Notification.SOMEONE);
    Notification withdrawn = n.asAcknowledgement(false, Notification.SOMEONE);

    assertThat(Wording.ZH_CN.reason(acked.reason(), acked.reasonDetail())).isEqualTo("有人已认领");
    assertThat(Wording.ZH_CN.reason(withdrawn.reason(), withdrawn.reasonDetail())).isEqualTo("有人取消认领");
    assertThat(Wording.EN.reason(acked.reason(), acked.reasonDetail())).isEqualTo("acknowledged by someone");
    assertThat(Wording.EN.reason(withdrawn.reason(), withdrawn.reasonDetail()))
        .isEqualTo("acknowledgement withdrawn by someone");
  }

  static Stream<Arguments> mentionReasons() {
    return Stream.of(
        Arguments.of("dingtalk, no id", "no DingTalk userId or mobile", "没有钉钉 userId 或手机号"),
        Arguments.of("wecom, no id", "no WeCom userid or mobile", "没有企业微信 userid 或手机号"),
        Arguments.of("lark, no id", "no Lark user_id or open_id", "没有飞书 user_id 或 open_id"),
        Arguments.of("wecom, bad id",
            "WeCom userid \"li si\" is not valid (1-64 letters, digits, _ - @ . starting with a letter or digit)",
            "企业微信 userid \"li si\" 无效（须为 1-64 个字母、数字或 _ - @ .，以字母或数字开头）"),
        Arguments.of("lark, bad id", "Lark open_id \"ou x\" has characters Lark ids do not have (letters, digits, _ . - only)",
            "飞书 open_id \"ou x\" 含有飞书 id 不允许的字符（只能是字母、数字和 _ . -）"),
        Arguments.of("dingtalk, other identity", "identity type email is not a DingTalk one", "身份类型 email 无法在钉钉上 @"),
        Arguments.of("wecom, other identity", "identity email is not a WeCom one", "身份类型 email 无法在企业微信上 @"),
        Arguments.of("lark, other identity", "identity mobile is not a Lark user_id or open_id",
            "身份类型 mobile 不是飞书 user_id 或 open_id"),
        Arguments.of("mobile, letters", io.github.alertrouter.spi.MobileNumbers.normalise("call me").problem(),
            "手机号 \"call me\" 不是电话号码（只能有数字、开头的 +、空格、短横线、点和括号）"),
        Arguments.of("mobile, 86", io.github.alertrouter.spi.MobileNumbers.normalise("+86 12345").problem(),
            "手机号 \"+86 12345\" 带国家码 86，但不是以 1 开头的 11 位大陆手机号"),
        Arguments.of("mobile, digits", io.github.alertrouter.spi.MobileNumbers.normalise("12345").problem(),
            "手机号 \"12345\" 有 5 位数字：既不是以 1 开头的 11 位大陆手机号，也不是带 +国家码的号码"),
        Arguments.of("mobile, after +", io.github.alertrouter.spi.MobileNumbers.normalise("+1234").problem(),
            "手机号 \"+1234\" 的 + 之后有 4 位数字，不在 5 到 15 位之间"),
        Arguments.of("not bound", io.github.alertrouter.delivery.MentionPlanner.NOT_BOUND, "手机号尚未绑定（此策略要求绑定）"),
        Arguments.of("unknown group", "unknown contact group \"sre\"", "未知的联系人组 \"sre\""),
        Arguments.of("no contact", "no contact with id, mobile or email \"x@y\"", "没有 id、手机号或邮箱为 \"x@y\" 的联系人"),
        Arguments.of("unknown schedule", "unknown schedule \"primary\"", "未知的排班 \"primary\""),
        Arguments.of("nobody on duty", "nobody is on duty in schedule primary", "排班 primary 当前无人值班"),
        Arguments.of("unknown contact", "unknown contact \"bob\"", "未知的联系人 \"bob\""),
        Arguments.of("handoff, unknown contact", "unknown contact", "未知的联系人"),
        Arguments.of("a value with $ and \\", "unknown contact \"a$1\\b\"", "未知的联系人 \"a$1\\b\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mentionReasons")
  void whyAPersonIsNotAtedAsCoreAndThePlatformsWriteItReadsInChinese(String name, String english, String chinese) {
    assertThat(Wording.ZH_CN.mentionReason(english)).isEqualTo(chinese);
    assertThat(Wording.EN.mentionReason(english)).isEqualTo(english);
  }

  @Test
  void aReasonItCannotReadIsShownAsItIs() {
    assertThat(Wording.ZH_CN.mentionReason("no im.webhook.handle")).isEqualTo("no im.webhook.handle");
  }

  @Test
  void aPersonNotAtedIsNamedInTheRobotsLanguage() {
    assertThat(Wording.EN.notMentioned("Carol", "no DingTalk userId or mobile"))
        .isEqualTo("Carol (not @-ed: no DingTalk userId or mobile)");
    assertThat(Wording.ZH_CN.notMentioned("张三", Wording.ZH_CN.mentionReason("no DingTalk userId or mobile")))
        .isEqualTo("张三（未 @：没有钉钉 userId 或手机号）");
  }

  @Test
  void aDetailItCannotReadIsShownAfterTheReason() {
    assertThat(Wording.ZH_CN.reason(NotifyReason.ESCALATION, "step three")).isEqualTo("升级 (step three)");
  }

  @Test
  void aTemplateThatLeavesOutTheMoreLineGetsItInTheRobotsLanguage() {
    Template t = context -> "body";
    Page<String> page = new Page<>(List.of("a"), 3, 1, 1, true);
    NotificationFacts zh = NotificationFacts.of(TemplateContext.sampleNotification(), null,
        new InertText(cp -> cp, true), Wording.ZH_CN);

    assertThat(t.text(Map.of("more", zh.plainMoreLine(page)), page, "\n")).isEqualTo("body\n…另有 3 条告警未列出");
    assertThat(t.text(Map.of(), page, "\n")).as("a context without one").isEqualTo("body\n…and 3 more alerts");
  }

  @ParameterizedTest
  @EnumSource(Wording.class)
  void theRobotOptionChoosesItInAnyCase(Wording w) {
    assertThat(Wording.of(robot(Map.of("locale", w.tag())))).isEqualTo(w);
    assertThat(Wording.of(robot(Map.of("locale", w.tag().toUpperCase())))).isEqualTo(w);
    assertThat(new RenderRequest(TemplateContext.sampleNotification(), List.of(), robot(Map.of("locale", w.tag())), null,
        java.time.ZoneOffset.UTC, RobotOptions.DEFAULT_OVERFLOW).wording()).isEqualTo(w);
  }

  @Test
  void englishUnlessTheRobotSaysOtherwise() {
    assertThat(Wording.of(robot(Map.of()))).isEqualTo(Wording.EN).isEqualTo(Wording.DEFAULT);
  }

  @Test
  void anUnknownLocaleNamesTheOptionAndTheAllowedValues() {
    assertThatThrownBy(() -> Wording.of(robot(Map.of("locale", "fr"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("robot r1: options.locale must be en or zh-CN, but was \"fr\"");
  }

  private static Robot robot(Map<String, String> options) {
    return new Robot("r1", "acme", Secret.of("https://acme.example/hook?token=t"), null, null, options);
  }

  /** A link with the title core gives links of its kind. */
  private static NotificationLink builtInLink(Kind kind) {
    String title = switch (kind) {
      case RUNBOOK -> "Runbook";
      case SOURCE -> "Source";
      case ACKNOWLEDGE -> "Claim";
      case RESOLVE -> "Resolve";
      case SILENCE -> "Silence 1h";
      case BIND -> "Bind your number to be @-ed";
    };
    return new NotificationLink(kind, title, "https://ops.example.com/x");
  }
}

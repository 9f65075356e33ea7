package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.Robot;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.notify.NotificationLink;
import io.github.alertrouter.notify.NotifyReason;
import io.github.alertrouter.spi.RenderRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in words of a message in one language, chosen per robot by the option
 * {@link RenderRequest#OPTION_LOCALE locale}: status words, field names, notify reasons, alert
 * lines, counts, link titles, the handoff notice, the acknowledgement notice's reason and the line
 * of a person who cannot be @-ed. Values (labels, annotations, names) and our
 * technical tokens (severities, {@code name=value}, durations such as {@code 5m 30s}, numeric
 * times) are never translated. A template's variable names stay as they are; their built-in
 * values ({@code statusLine}, {@code reason}, {@code more}) follow the wording.
 *
 * <p>Chinese fields keep the ASCII colon: a full-width colon before a closing {@code **} can keep
 * markdown from closing the emphasis, and both cost the same to read. Thread-safe (constants).
 */
public enum Wording {
  /** English, the default: the words every message had before there was a choice. */
  EN("en") {
    @Override public String firing() { return "FIRING"; }
    @Override public String resolved() { return "RESOLVED"; }
    @Override public String firingHeader() { return "Firing"; }
    @Override public String resolvedHeader() { return "Resolved"; }
    @Override public String group() { return "Group:"; }
    @Override public String policy() { return "Policy:"; }
    @Override public String reason() { return "Reason:"; }
    @Override public String digest() { return "Digest:"; }
    @Override public String mergesGroups(int groups) { return "merges " + groups + " groups"; }
    @Override public String part(int part, int parts) { return "Part " + part + "/" + parts; }
    @Override public String alert() { return "alert"; }
    @Override public String started() { return "started"; }
    @Override public String ended() { return "ended"; }
    @Override public String resolvedAfter() { return "resolved after"; }
    @Override public String after() { return "after"; }
    @Override public String source() { return "source"; }
    @Override public String more(int omitted) {
      return "…and " + omitted + " more alert" + (omitted == 1 ? "" : "s");
    }
    @Override public String severity() { return "Severity:"; }
    @Override public String alertname() { return "Alertname:"; }
    @Override public String mostAlerts() { return "Most alerts:"; }
    @Override public String none() { return AlertCounts.NONE; }
    @Override public String under(int alerts, int others, boolean other, boolean names) {
      String noun = names ? (others == 1 ? "name" : "names") : (others == 1 ? "severity" : "severities");
      return alerts + " under " + others + (other ? " other " : " ") + noun;
    }
    @Override public String reason(NotifyReason reason, String detail) {
      return detail == null ? reason.description() : detail;
    }
    @Override public String linkTitle(NotificationLink link) { return link.title(); }
    @Override public String onCallFor(String schedule, String people) {
      return "On call for " + schedule + ": " + people;
    }
    @Override public String since(String from, String until) {
      return "Since " + from + (until == null ? "" : ", until " + until);
    }
    @Override public String next(String people) {
      return "Next: " + (people == null ? "no change ahead" : people);
    }
    @Override public String nobody() { return "nobody"; }
    @Override public String notMentioned(String name, String reason) {
      return name + " (not @-ed: " + reason + ")";
    }
    @Override public String mentionReason(String reason) { return reason; }
  },

  /** Simplified Chinese, as ops teams in China write alerts: 告警 / 恢复 / 首次通知 / 开始于. */
  ZH_CN("zh-CN") {
    @Override public String firing() { return "告警"; }
    @Override public String resolved() { return "恢复"; }
    @Override public String firingHeader() { return "告警中"; }
    @Override public String resolvedHeader() { return "已恢复"; }
    @Override public String group() { return "分组:"; }
    @Override public String policy() { return "策略:"; }
    @Override public String reason() { return "原因:"; }
    @Override public String digest() { return "汇总:"; }
    @Override public String mergesGroups(int groups) { return "合并 " + groups + " 个分组"; }
    @Override public String part(int part, int parts) { return "第 " + part + "/" + parts + " 部分"; }
    @Override public String alert() { return "告警"; }
    @Override public String started() { return "开始于"; }
    @Override public String ended() { return "结束于"; }
    @Override public String resolvedAfter() { return "持续"; }
    @Override public String after() { return "持续"; }
    @Override public String source() { return "来源"; }
    @Override public String more(int omitted) { return "…另有 " + omitted + " 条告警未列出"; }
    @Override public String severity() { return "级别:"; }
    @Override public String alertname() { return "告警名:"; }
    @Override public String mostAlerts() { return "集中于:"; }
    @Override public String none() { return "(无)"; }
    @Override public String under(int alerts, int others, boolean other, boolean names) {
      return (other ? "其余 " : "") + others + " 个" + (names ? "名称" : "级别") + "共 " + alerts + " 条";
    }
    @Override public String reason(NotifyReason reason, String detail) {
      if (detail != null) {
        String translated = zhDetail(reason, detail);
        if (translated != null) {
          return translated;
        }
        if (reason == NotifyReason.ESCALATION || reason == NotifyReason.ACKNOWLEDGED
            || reason == NotifyReason.UNACKNOWLEDGED) {
          return ZH_REASONS.get(reason) + " (" + detail + ")";
        }
        return detail;
      }
      return ZH_REASONS.getOrDefault(reason, reason.description());
    }
    @Override public String linkTitle(NotificationLink link) {
      String builtIn = EN_LINK_TITLES.get(link.kind());
      return link.title().equals(builtIn) ? ZH_LINK_TITLES.get(link.kind()) : link.title();
    }
    @Override public String onCallFor(String schedule, String people) {
      return schedule + " 当前值班: " + people;
    }
    @Override public String since(String from, String until) {
      return "自 " + from + " 起" + (until == null ? "" : "，至 " + until);
    }
    @Override public String next(String people) {
      return "下一班: " + (people == null ? "暂无后续排班" : people);
    }
    @Override public String nobody() { return "无人"; }
    // full-width brackets and colon, as Chinese prose writes them: the line is never inside emphasis
    @Override public String notMentioned(String name, String reason) {
      return name + "（未 @：" + reason + "）";
    }
    @Override public String mentionReason(String reason) {
      String zh = ZhMentionReasons.of(reason);
      return zh == null ? reason : zh;
    }
  };

  /** What {@code locale} is when a robot does not set it. */
  public static final Wording DEFAULT = EN;

  // the link titles core writes (NotificationLink.fromAlerts, the action links); a title a user
  // chose is kept as it is
  private static final Map<NotificationLink.Kind, String> EN_LINK_TITLES = Map.of(
      NotificationLink.Kind.RUNBOOK, "Runbook", NotificationLink.Kind.SOURCE, "Source",
      NotificationLink.Kind.ACKNOWLEDGE, "Claim", NotificationLink.Kind.RESOLVE, "Resolve",
      NotificationLink.Kind.SILENCE, "Silence 1h", NotificationLink.Kind.BIND, "Bind your number to be @-ed");
  private static final Map<NotificationLink.Kind, String> ZH_LINK_TITLES = Map.of(
      NotificationLink.Kind.RUNBOOK, "处理手册", NotificationLink.Kind.SOURCE, "来源",
      NotificationLink.Kind.ACKNOWLEDGE, "认领", NotificationLink.Kind.RESOLVE, "标记恢复",
      NotificationLink.Kind.SILENCE, "静默 1 小时", NotificationLink.Kind.BIND, "绑定手机号以便被 @");
  private static final Map<NotifyReason, String> ZH_REASONS = Map.of(
      NotifyReason.FIRST_NOTIFICATION, "首次通知", NotifyReason.NEW_ALERTS, "新增告警",
      NotifyReason.SOME_RESOLVED, "部分恢复", NotifyReason.ALL_RESOLVED, "全部恢复",
      NotifyReason.REPEAT, "重复提醒", NotifyReason.ESCALATION, "升级",
      NotifyReason.ACKNOWLEDGED, "已认领", NotifyReason.UNACKNOWLEDGED, "取消认领",
      NotifyReason.DIGEST, "排队通知合并", NotifyReason.HANDOFF, "值班交接");
  // the detail core writes and the outbox keeps in English (EscalationFiring.describe,
  // Notification.asAcknowledgement): read back here so that stored notifications translate too
  private static final Pattern ESCALATION =
      Pattern.compile("escalation step (\\d+) of (\\d+)(?:, round (\\d+) of (\\d+))?(?: \\(repeat (\\d+) of (\\d+)\\))?");

  private final String tag;

  Wording(String tag) {
    this.tag = tag;
  }

  /** The option word: {@code en} or {@code zh-CN}. */
  public String tag() {
    return tag;
  }

  /** The option words, in order: {@code en}, {@code zh-CN}. */
  public static List<String> tags() {
    return java.util.Arrays.stream(values()).map(Wording::tag).toList();
  }

  /** The wording whose {@link #tag} is {@code text} ignoring case ({@code zh-cn} too), or {@code null}. */
  public static Wording parse(String text) {
    return text == null ? null : RobotOptions.match(values(), Wording::tag, text.strip());
  }

  /**
   * The robot's wording (option {@code locale}), {@link #DEFAULT} when it sets none.
   *
   * @throws IllegalArgumentException when {@code locale} is not one of {@link #tags()}, naming the
   *     option and the allowed values
   */
  public static Wording of(Robot robot) {
    String text = robot.option(RenderRequest.OPTION_LOCALE, null);
    if (text == null) {
      return DEFAULT;
    }
    Wording w = parse(text);
    if (w == null) {
      throw new IllegalArgumentException("robot " + robot.id() + ": options." + RenderRequest.OPTION_LOCALE
          + " must be " + String.join(" or ", tags()) + ", but was \"" + text + "\"");
    }
    return w;
  }

  /** The status word of firing alerts: {@code FIRING}, {@code 告警}. */
  public abstract String firing();

  /** The status word of resolved alerts: {@code RESOLVED}, {@code 恢复}. */
  public abstract String resolved();

  /** The heading over the firing alerts when a message lists both kinds. */
  public abstract String firingHeader();

  /** The heading over the resolved alerts when a message lists both kinds. */
  public abstract String resolvedHeader();

  /** The field name of the group's labels: {@code Group:}. */
  public abstract String group();

  /** The field name of the policy: {@code Policy:}. */
  public abstract String policy();

  /** The field name of the notify reason: {@code Reason:}. */
  public abstract String reason();

  /** The field name of a digest's size: {@code Digest:}. */
  public abstract String digest();

  /** A digest's size: {@code merges 3 groups}. */
  public abstract String mergesGroups(int groups);

  /** Which part of a split notification: {@code Part 1/3}. */
  public abstract String part(int part, int parts);

  /** Shown for an alert without an alertname. */
  public abstract String alert();

  /** Before an alert's start time: {@code started}. */
  public abstract String started();

  /** Before a resolved alert's end time: {@code ended}. */
  public abstract String ended();

  /** Before how long a resolved alert fired: {@code resolved after}. */
  public abstract String resolvedAfter();

  /** The shorter {@link #resolvedAfter} of a line that already says it resolved: {@code after}. */
  public abstract String after();

  /** The title of an alert's generator link: {@code source}. */
  public abstract String source();

  /** How many alerts a message leaves out: {@code …and 480 more alerts}. */
  public abstract String more(int omitted);

  /** The field name of the counts per severity: {@code Severity:}. */
  public abstract String severity();

  /** The field name of the counts per alertname: {@code Alertname:}. */
  public abstract String alertname();

  /** The field name of the label values most alerts share: {@code Most alerts:}. */
  public abstract String mostAlerts();

  /** Shown for a missing severity or alertname in the counts: {@code (none)}. */
  public abstract String none();

  /**
   * What the counts do not list, summed up: {@code 30 under 7 other names}.
   *
   * @param alerts how many alerts they cover
   * @param others how many names or severities
   * @param other whether some are listed before ({@code other names}) or none ({@code names})
   * @param names names when true, severities when false
   */
  public abstract String under(int alerts, int others, boolean other, boolean names);

  /**
   * Why a notification is sent, {@code first notification}; with the detail core adds to an
   * escalation or acknowledgement ({@code escalation step 2 of 3}, {@code acknowledged by alice}),
   * that detail in this language. A detail it cannot read is shown as it is.
   *
   * @param detail {@link io.github.alertrouter.notify.Notification#reasonDetail()}, or {@code null}
   */
  public abstract String reason(NotifyReason reason, String detail);

  /** A link's title: a built-in one ({@code Runbook}, {@code Claim}) in this language, another as it is. */
  public abstract String linkTitle(NotificationLink link);

  /** A handoff notice's title: {@code On call for Primary: Alice, Bob}. */
  public abstract String onCallFor(String schedule, String people);

  /** A handoff's shift: {@code Since FROM, until UNTIL}; {@code until} may be {@code null}. */
  public abstract String since(String from, String until);

  /** Who is on call next, or {@code null} for no change ahead: {@code Next: Carol}. */
  public abstract String next(String people);

  /** Shown when nobody is on call. */
  public abstract String nobody();

  /**
   * A person a message names but cannot @, with why: {@code Alice (not @-ed: REASON)},
   * {@code 张三（未 @：REASON）}. Both are inserted as they are: a platform escapes them first (or
   * escapes the whole line), as its text needs.
   */
  public abstract String notMentioned(String name, String reason);

  /**
   * Why a person cannot be @-ed ({@link io.github.alertrouter.notify.Mention#reason()}) in this
   * language. Reasons stay English where they are made (events, metrics, logs, the outbox); the
   * ones core and the built-in platforms write are read back here, so stored ones translate too
   * ({@code mobile number not bound yet (this policy requires binding)} →
   * {@code 手机号尚未绑定（此策略要求绑定）}); another reason is shown as it is.
   */
  public abstract String mentionReason(String reason);

  private static String zhDetail(NotifyReason reason, String detail) {
    if (reason == NotifyReason.ESCALATION) {
      Matcher m = ESCALATION.matcher(detail);
      if (!m.matches()) {
        return null;
      }
      StringBuilder t = new StringBuilder("升级第 ").append(m.group(1)).append('/').append(m.group(2)).append(" 步");
      if (m.group(3) != null) {
        t.append("，第 ").append(m.group(3)).append('/').append(m.group(4)).append(" 轮");
      }
      if (m.group(5) != null) {
        t.append("，第 ").append(m.group(5)).append('/').append(m.group(6)).append(" 次重复");
      }
      return t.toString();
    }
    if (reason == NotifyReason.ACKNOWLEDGED || reason == NotifyReason.UNACKNOWLEDGED) {
      String prefix = reason.description() + " by ";
      if (!detail.startsWith(prefix)) {
        return null;
      }
      String who = detail.substring(prefix.length());
      // the claim page's name for a person who typed none: 有人已认领, not "someone 已认领"
      return who.equals(Notification.SOMEONE) ? "有人" + ZH_REASONS.get(reason) : who + " " + ZH_REASONS.get(reason);
    }
    return null;
  }
}

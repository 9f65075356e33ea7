package io.github.alertrouter.action;

import io.github.alertrouter.binding.ConfirmResult;
import io.github.alertrouter.binding.VerificationStart;
import io.github.alertrouter.spi.render.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the action and binding pages in one language: the languages of {@link Wording},
 * chosen per request by {@link #of(Map, Map)}. Returns plain text; the pages escape it. Values
 * (group keys, names, masked numbers, durations, instants) are inserted as they are. Thread-safe
 * (constants).
 */
public enum PageText {
  /** English: what the pages said before there was a choice. */
  EN(Wording.EN) {
    @Override public String notFound() { return "Not found"; }
    @Override public String nothingHere() { return "There is nothing here."; }
    @Override public String methodNotAllowed() { return "Method not allowed"; }
    @Override public String getAndPostOnly() { return "Action links accept GET and POST only."; }
    @Override public String useTheForm() { return "Use the form."; }
    @Override public String action(Action action) { return action.label(); }
    @Override public String silenceFor(String duration) { return "Silence for " + duration; }
    @Override public String confirmTitle(String what) { return "Confirm: " + what; }
    @Override public String confirmIntro(String what) { return what + " the alert group"; }
    @Override public String yourName() { return "Your name (optional)"; }
    @Override public String colon() { return ": "; }
    @Override public String linkWorksOnce(String expiresAt) {
      return "This link works once and expires at " + expiresAt + ".";
    }
    @Override public String standbyTitle() { return "Try again in a moment"; }
    @Override public String standbyText() {
      return "This server is a standby: the alert groups are held by the active one. Nothing was done, and the link"
          + " still works: open it again in a few seconds.";
    }
    @Override public String failedTitle() { return "Action failed"; }
    @Override public String failedText() {
      return "The action could not be performed, and nothing was marked done. Try the link again later.";
    }
    @Override public String doneTitle(String what) { return what + ": done"; }
    @Override public String result(Action action, boolean changed, String duration) {
      return switch (action) {
        case ACKNOWLEDGE -> changed ? "Claimed: escalation paused." : "Nothing to claim: no escalation runs.";
        case UNACKNOWLEDGE -> changed ? "Unclaimed: escalation resumed." : "Nothing to unclaim.";
        case RESOLVE -> changed ? "Resolved." : "Nothing fires in this group any more.";
        case SILENCE -> changed ? "Silenced for " + duration + "." : "Nothing to silence in this group.";
      };
    }
    @Override public String expiredTitle() { return "Link expired"; }
    @Override public String usedTitle() { return "Link already used"; }
    @Override public String invalidTitle() { return "Invalid link"; }
    @Override public String refused(Verified verified) { return verified.describe(); }
    @Override public String bindTitle() { return "Bind your mobile number"; }
    @Override public String bindIntro() {
      return "Enter the mobile number of your contact entry. A code is sent to it.";
    }
    @Override public String mobileLabel() { return "Mobile number"; }
    @Override public String sendCode() { return "Send code"; }
    @Override public String codeTitle() { return "Enter the code"; }
    @Override public String codeLabel() { return "Code"; }
    @Override public String bindButton() { return "Bind"; }
    @Override public String notNowTitle() { return "Not now"; }
    @Override public String boundTitle() { return "Bound"; }
    @Override public String wrongCodeTitle() { return "Wrong code"; }
    @Override public String notBoundTitle() { return "Not bound"; }
    @Override public String started(VerificationStart result) { return result.message(); }
    @Override public String confirmed(ConfirmResult result) { return result.message(); }
    @Override public String tooLargeTitle() { return "Request too large"; }
    @Override public String tooLargeText() { return "The request body is too large."; }
    @Override public String errorTitle() { return "Error"; }
    @Override public String errorText() { return "The request could not be handled."; }
  },

  /** Simplified Chinese, in the words the messages use: 告警分组, 认领, 升级, 静默, 手机号. */
  ZH_CN(Wording.ZH_CN) {
    @Override public String notFound() { return "页面不存在"; }
    @Override public String nothingHere() { return "这里什么也没有。"; }
    @Override public String methodNotAllowed() { return "不支持的请求方法"; }
    @Override public String getAndPostOnly() { return "操作链接只接受 GET 和 POST 请求。"; }
    @Override public String useTheForm() { return "请使用页面上的表单。"; }
    @Override public String action(Action action) {
      return switch (action) {
        case ACKNOWLEDGE -> "认领";
        case UNACKNOWLEDGE -> "取消认领";
        case RESOLVE -> "标记恢复";
        case SILENCE -> "静默";
      };
    }
    @Override public String silenceFor(String duration) { return "静默 " + duration; }
    @Override public String confirmTitle(String what) { return "确认：" + what; }
    @Override public String confirmIntro(String what) { return "对此告警分组执行：" + what; }
    @Override public String yourName() { return "你的名字（可选）"; }
    @Override public String colon() { return "："; }
    @Override public String linkWorksOnce(String expiresAt) { return "此链接只能使用一次，于 " + expiresAt + " 失效。"; }
    @Override public String standbyTitle() { return "请稍后再试"; }
    @Override public String standbyText() {
      return "此服务器是备用节点，告警分组由主节点处理。本次没有执行任何操作，链接仍然有效：请过几秒再打开。";
    }
    @Override public String failedTitle() { return "操作失败"; }
    @Override public String failedText() { return "操作未能执行，也没有记为已完成。请稍后再次打开此链接。"; }
    @Override public String doneTitle(String what) { return what + "：已完成"; }
    @Override public String result(Action action, boolean changed, String duration) {
      return switch (action) {
        case ACKNOWLEDGE -> changed ? "已认领：升级已暂停。" : "无需认领：此分组没有进行中的升级。";
        case UNACKNOWLEDGE -> changed ? "已取消认领：升级已恢复。" : "没有可取消的认领。";
        case RESOLVE -> changed ? "已标记恢复。" : "此分组已没有告警。";
        case SILENCE -> changed ? "已静默 " + duration + "。" : "此分组没有可静默的告警。";
      };
    }
    @Override public String expiredTitle() { return "链接已过期"; }
    @Override public String usedTitle() { return "链接已被使用"; }
    @Override public String invalidTitle() { return "链接无效"; }
    @Override public String refused(Verified verified) {
      if (verified instanceof Verified.Expired expired) {
        return "此链接已于 " + expired.expiredAt() + " 过期。";
      }
      if (verified instanceof Verified.Replayed) {
        return "此链接已被使用过；每个操作链接只能使用一次。";
      }
      if (verified instanceof Verified.Tampered) {
        return "此链接无效：它被改动过，或由一个已不再使用的密钥签名。";
      }
      return "这不是一个操作链接。";
    }
    @Override public String bindTitle() { return "绑定手机号"; }
    @Override public String bindIntro() { return "请输入你在联系人信息中登记的手机号，验证码将发送到该号码。"; }
    @Override public String mobileLabel() { return "手机号"; }
    @Override public String sendCode() { return "发送验证码"; }
    @Override public String codeTitle() { return "输入验证码"; }
    @Override public String codeLabel() { return "验证码"; }
    @Override public String bindButton() { return "绑定"; }
    @Override public String notNowTitle() { return "暂时无法发送验证码"; }
    @Override public String boundTitle() { return "已绑定"; }
    @Override public String wrongCodeTitle() { return "验证码错误"; }
    @Override public String notBoundTitle() { return "未绑定"; }
    @Override public String started(VerificationStart result) {
      if (result instanceof VerificationStart.Accepted a) {
        return "如果 " + a.maskedMobile() + " 属于某位联系人，验证码已发送到该号码，于 " + a.codeExpiresAt() + " 失效。";
      }
      if (result instanceof VerificationStart.RateLimited r) {
        return "请求验证码的次数过多，请在 " + r.retryAt() + " 之后再试。";
      }
      String message = result.message();
      if (message.startsWith(UNKNOWN_LINK)) {
        return "此链接未知或已过期，请使用较新告警中的链接。";
      }
      // the number's problem, as MobileNumbers writes it and the binding service capitalises it
      String problem = message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
      problem = problem.isEmpty() ? problem : Character.toLowerCase(problem.charAt(0)) + problem.substring(1);
      String zh = Wording.ZH_CN.mentionReason(problem);
      return zh.equals(problem) ? message : zh + "。";
    }
    @Override public String confirmed(ConfirmResult result) {
      if (result instanceof ConfirmResult.Bound b) {
        return "手机号已绑定：今后会在" + platformName(b.binding().platform()) + "上 @ 你。";
      }
      if (result instanceof ConfirmResult.WrongCode w) {
        return "验证码错误，还可以再试 " + w.attemptsLeft() + " 次。";
      }
      if (result instanceof ConfirmResult.Expired) {
        return "验证码已过期，请重新获取。";
      }
      if (result instanceof ConfirmResult.Locked) {
        return "错误次数过多，请重新获取验证码。";
      }
      return "此链接没有待验证的验证码：请先获取验证码，或使用较新的链接。";
    }
    @Override public String tooLargeTitle() { return "请求过大"; }
    @Override public String tooLargeText() { return "请求内容过大。"; }
    @Override public String errorTitle() { return "出错了"; }
    @Override public String errorText() { return "无法处理此请求。"; }
  };

  /** The query parameter that names a page's language ({@code ?lang=zh-CN}); it wins over the header. */
  public static final String LANG = "lang";
  // the start of InMemoryBindingService's refusal of a link it does not know
  private static final String UNKNOWN_LINK = "This link is unknown or has expired";

  private final Wording wording;

  PageText(Wording wording) {
    this.wording = wording;
  }

  /** The words in {@code wording}'s language. */
  public static PageText of(Wording wording) {
    return switch (wording) {
      case EN -> EN;
      case ZH_CN -> ZH_CN;
    };
  }

  /**
   * The language a request asks for: the query parameter {@link #LANG} when it names one
   * ({@code zh…} → Chinese, {@code en…} → English), else the first language of the
   * {@code Accept-Language} header (by weight) that the pages speak ({@code *} means English),
   * else English. Header names are matched in any case; a header that cannot be read counts as
   * none.
   */
  public static PageText of(Map<String, List<String>> query, Map<String, List<String>> headers) {
    List<String> lang = query.get(LANG);
    if (lang != null && !lang.isEmpty()) {
      PageText named = named(lang.get(0).strip());
      if (named != null) {
        return named;
      }
    }
    List<String> accepted = new ArrayList<>();
    headers.forEach((name, values) -> {
      if (name != null && name.equalsIgnoreCase("Accept-Language")) {
        accepted.addAll(values);
      }
    });
    if (accepted.isEmpty()) {
      return EN;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(String.join(",", accepted))) {
        PageText named = range.getWeight() > 0 ? named(range.getRange()) : null;
        if (named != null) {
          return named;
        }
        if (range.getRange().equals("*") && range.getWeight() > 0) {
          return EN;
        }
      }
    } catch (IllegalArgumentException e) {
      return EN; // a malformed header: the default, as without one
    }
    return EN;
  }

  private static PageText named(String tag) {
    String primary = tag.toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return switch (primary) {
      case "zh" -> ZH_CN;
      case "en" -> EN;
      default -> null;
    };
  }

  /** The value of {@code <html lang>} and of {@link #LANG}: {@code en}, {@code zh-CN}. */
  public String lang() {
    return wording.tag();
  }

  static String platformName(String platform) {
    return switch (platform) {
      case "dingtalk" -> "钉钉";
      case "wecom" -> "企业微信";
      case "lark" -> "飞书";
      default -> " " + platform + " ";
    };
  }

  /** Title of the page for an unknown path. */
  public abstract String notFound();

  /** Text of the page for an unknown path. */
  public abstract String nothingHere();

  /** Title of the page for a method the path does not take. */
  public abstract String methodNotAllowed();

  /** Text of that page on an action link. */
  public abstract String getAndPostOnly();

  /** Text of that page on a binding link. */
  public abstract String useTheForm();

  /** An action's name on buttons and titles: {@code Acknowledge}, {@code 认领}. */
  public abstract String action(Action action);

  /** A silence's name with its duration: {@code Silence for 1h}. */
  public abstract String silenceFor(String duration);

  /** The confirmation page's title. */
  public abstract String confirmTitle(String what);

  /** The confirmation page's first line. */
  public abstract String confirmIntro(String what);

  /** The label of the optional name field. */
  public abstract String yourName();

  /** What follows a field's label: {@code ": "}, {@code "："}. */
  public abstract String colon();

  /** The confirmation page's note on the link. */
  public abstract String linkWorksOnce(String expiresAt);

  /** Title of the page a standby shows. */
  public abstract String standbyTitle();

  /** Text of the page a standby shows. */
  public abstract String standbyText();

  /** Title of the page when the action threw. */
  public abstract String failedTitle();

  /** Text of the page when the action threw. */
  public abstract String failedText();

  /** Title of the result page. */
  public abstract String doneTitle(String what);

  /**
   * The result page's text.
   *
   * @param changed what {@link ActionTarget} answered: whether there was something to do
   * @param duration a silence's duration ({@code 1h}), or {@code null}
   */
  public abstract String result(Action action, boolean changed, String duration);

  /** Title of the page for an expired link. */
  public abstract String expiredTitle();

  /** Title of the page for a used link. */
  public abstract String usedTitle();

  /** Title of the page for a link that is not a valid token. */
  public abstract String invalidTitle();

  /** Why a link is refused. */
  public abstract String refused(Verified verified);

  /** Title of the number form. */
  public abstract String bindTitle();

  /** The number form's first line. */
  public abstract String bindIntro();

  /** The label of the number field. */
  public abstract String mobileLabel();

  /** The number form's button. */
  public abstract String sendCode();

  /** Title of the code form. */
  public abstract String codeTitle();

  /** The label of the code field. */
  public abstract String codeLabel();

  /** The code form's button. */
  public abstract String bindButton();

  /** Title of the page when no code was sent. */
  public abstract String notNowTitle();

  /** Title of the page when the number is bound. */
  public abstract String boundTitle();

  /** Title of the code form after a wrong code. */
  public abstract String wrongCodeTitle();

  /** Title of the page when binding ended without a binding. */
  public abstract String notBoundTitle();

  /** What a request for a code gave. */
  public abstract String started(VerificationStart result);

  /** What a code gave. */
  public abstract String confirmed(ConfirmResult result);

  /** Title of the page for a body over the limit. */
  public abstract String tooLargeTitle();

  /** Text of the page for a body over the limit. */
  public abstract String tooLargeText();

  /** Title of the page for a request the server failed on. */
  public abstract String errorTitle();

  /** Text of the page for a request the server failed on. */
  public abstract String errorText();
}

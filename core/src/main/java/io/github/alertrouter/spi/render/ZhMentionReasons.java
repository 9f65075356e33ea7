package io.github.alertrouter.spi.render;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a person cannot be @-ed, read back from the English core and the built-in platforms write
 * ({@code Mention#reason()}: it stays English in events, metrics, logs and the outbox) and said in
 * Chinese. Each row is the whole reason as its maker writes it; the quoted values in it (an id, a
 * number, a schedule) are kept as they are. A reason no row reads (a third-party platform's) is
 * shown as it is. Stateless and thread-safe.
 */
final class ZhMentionReasons {
  private record Row(Pattern english, String chinese) {
    Row(String english, String chinese) {
      this(Pattern.compile(english, Pattern.DOTALL), chinese);
    }
  }

  // {1}, {2}: the row's groups, inserted literally; the makers: the platforms' identities,
  // MobileNumbers, MentionPlanner, Handoffs
  private static final List<Row> ROWS = List.of(
      new Row("no DingTalk userId or mobile", "没有钉钉 userId 或手机号"),
      new Row("no WeCom userid or mobile", "没有企业微信 userid 或手机号"),
      new Row("no Lark user_id or open_id", "没有飞书 user_id 或 open_id"),
      new Row("WeCom userid \"(.*)\" is not valid \\(1-64 letters, digits, _ - @ \\. starting with a letter or digit\\)",
          "企业微信 userid \"{1}\" 无效（须为 1-64 个字母、数字或 _ - @ .，以字母或数字开头）"),
      new Row("Lark (user_id|open_id) \"(.*)\" has characters Lark ids do not have \\(letters, digits, _ \\. - only\\)",
          "飞书 {1} \"{2}\" 含有飞书 id 不允许的字符（只能是字母、数字和 _ . -）"),
      new Row("identity type (.*) is not a DingTalk one", "身份类型 {1} 无法在钉钉上 @"),
      new Row("identity (.*) is not a WeCom one", "身份类型 {1} 无法在企业微信上 @"),
      new Row("identity (.*) is not a Lark user_id or open_id", "身份类型 {1} 不是飞书 user_id 或 open_id"),
      new Row("mobile \"(.*)\" is not a phone number \\(only digits, an optional leading \\+, spaces, dashes, dots"
          + " and parentheses are allowed\\)", "手机号 \"{1}\" 不是电话号码（只能有数字、开头的 +、空格、短横线、点和括号）"),
      new Row("mobile \"(.*)\" has country code 86 but is not an 11-digit mainland mobile starting with 1",
          "手机号 \"{1}\" 带国家码 86，但不是以 1 开头的 11 位大陆手机号"),
      new Row("mobile \"(.*)\" has (\\d+) digits: neither an 11-digit mainland China mobile starting with 1 nor a"
          + " number with a \\+country code", "手机号 \"{1}\" 有 {2} 位数字：既不是以 1 开头的 11 位大陆手机号，也不是带 +国家码的号码"),
      new Row("mobile \"(.*)\" has (\\d+) digits after \\+, outside 5 to 15", "手机号 \"{1}\" 的 + 之后有 {2} 位数字，不在 5 到 15 位之间"),
      new Row("mobile number not bound yet \\(this policy requires binding\\)", "手机号尚未绑定（此策略要求绑定）"),
      new Row("unknown contact group \"(.*)\"", "未知的联系人组 \"{1}\""),
      new Row("no contact with id, mobile or email \"(.*)\"", "没有 id、手机号或邮箱为 \"{1}\" 的联系人"),
      new Row("unknown schedule \"(.*)\"", "未知的排班 \"{1}\""),
      new Row("nobody is on duty in schedule (.*)", "排班 {1} 当前无人值班"),
      new Row("unknown contact \"(.*)\"", "未知的联系人 \"{1}\""),
      new Row("unknown contact", "未知的联系人"));

  private ZhMentionReasons() {}

  /** {@code reason} in Chinese, or {@code null} when no row reads it. */
  static String of(String reason) {
    for (Row row : ROWS) {
      Matcher m = row.english().matcher(reason);
      if (m.matches()) {
        StringBuilder out = new StringBuilder();
        String t = row.chinese();
        for (int i = 0; i < t.length(); i++) {
          char c = t.charAt(i);
          if (c == '{' && i + 2 < t.length() && t.charAt(i + 2) == '}' && Character.isDigit(t.charAt(i + 1))) {
            out.append(m.group(t.charAt(i + 1) - '0'));
            i += 2;
          } else {
            out.append(c);
          }
        }
        return out.toString();
      }
    }
    return null;
  }
}

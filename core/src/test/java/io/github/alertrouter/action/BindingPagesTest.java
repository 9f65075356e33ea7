package io.github.alertrouter.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.binding.BindingService;
import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.http.Response;
import io.github.alertrouter.store.BindingStore;
import io.github.alertrouter.binding.LoggingVerificationSender;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The binding pages on the action handler: number form, code form, bound; wrong codes; unknown links. */
class BindingPagesTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-03-09T01:00:00Z"), ZoneOffset.UTC);
  private final LoggingVerificationSender codes = new LoggingVerificationSender();
  private final BindingService bindings = BindingService.create(RouterConfig.parse("""
      contacts: [ { id: alice, name: Alice, mobile: "+86 138 0000 0001" } ]
      robots: [ { id: ops, platform: dingtalk, webhook: "https://oapi.dingtalk.com/robot/send?access_token=x" } ]
      """, "t.yaml", Map.of()), codes, BindingStore.inMemory(), clock);
  private final ActionHandler handler = new ActionPages(
      new ActionTokens(Secret.of("k".repeat(32)), clock, Duration.ofHours(1)), new NoActions(), new BindingPages(bindings));

  private Response post(String path, String form) {
    return handler.handle("POST", path, Map.of(), form.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void numberThenCodeBindsTheContact() {
    String path = "/bind/" + bindings.issueLink("dingtalk", "ops").id();

    assertThat(handler.handle("GET", path, Map.of(), new byte[0]).body()).contains("name=\"mobile\"");
    Response codeForm = post(path, "mobile=13800000001");
    assertThat(codeForm.body()).contains("name=\"code\"");
    String code = codes.lastCode("13800000001").orElseThrow().reveal();
    Response done = post(path + "/confirm", "code=" + code);

    assertThat(done.status()).isEqualTo(200);
    assertThat(bindings.isBound("alice", "dingtalk")).isTrue();
    assertThat(done.body()).doesNotContain(code);
  }

  @Test
  void theCodeFormPostsToThisLinksConfirmPath() {
    // a browser resolves the form's action against the page's URL: it must reach /bind/LINK/confirm
    String path = "/bind/" + bindings.issueLink("dingtalk", "ops").id();
    String page = "https://alerts.example.com/alert-router" + path;

    String form = post(path, "mobile=13800000001").body();
    java.util.regex.Matcher action = java.util.regex.Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"").matcher(form);

    assertThat(action.find()).as(form).isTrue();
    assertThat(java.net.URI.create(page).resolve(action.group(1).replace("&amp;", "&")).getPath())
        .isEqualTo("/alert-router" + path + "/confirm");
  }

  @Test
  void aWrongCodeShowsTheFormAgainAndBindsNothing() {
    String path = "/bind/" + bindings.issueLink("dingtalk", "ops").id();
    post(path, "mobile=13800000001");
    String code = codes.lastCode("13800000001").orElseThrow().reveal();
    String wrong = code.equals("000000") ? "111111" : "000000";

    Response again = post(path + "/confirm", "code=" + wrong);

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.body()).contains("name=\"code\"");
    assertThat(bindings.isBound("alice", "dingtalk")).isFalse();
  }

  @Test
  void anUnknownLinkOrPathChangesNothing() {
    assertThat(post("/bind/nope", "mobile=13800000001").status()).isEqualTo(400);
    assertThat(handler.handle("GET", "/bind/", Map.of(), new byte[0]).status()).isEqualTo(404);
    assertThat(handler.handle("PUT", "/bind/x", Map.of(), new byte[0]).status()).isEqualTo(405);
    assertThat(codes.lastCode("13800000001")).isEmpty();
  }

  private static final Map<String, java.util.List<String>> ZH = Map.of("Accept-Language", java.util.List.of("zh-CN"));

  private Response zh(String method, String path, String form) {
    return handler.handle(method, path, Map.of(), ZH, form.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aChineseBrowserBindsInChineseAndTheCodeFormKeepsTheLanguage() {
    String path = "/bind/" + bindings.issueLink("dingtalk", "ops").id();

    Response numberForm = zh("GET", path, "");
    Response codeForm = zh("POST", path, "mobile=13800000001");
    String code = codes.lastCode("13800000001").orElseThrow().reveal();
    String wrong = code.equals("000000") ? "111111" : "000000";
    // the code form posts to LINK/confirm?lang=zh-CN: a browser sends no Accept-Language change, the query keeps it
    Response again = handler.handle("POST", path + "/confirm", Map.of("lang", java.util.List.of("zh-CN")), Map.of(),
        ("code=" + wrong).getBytes(StandardCharsets.UTF_8));
    Response done = zh("POST", path + "/confirm", "code=" + code);

    assertThat(numberForm.body()).contains("<html lang=\"zh-CN\">", "<h1>绑定手机号</h1>",
        "请输入你在联系人信息中登记的手机号", "手机号：<input name=\"mobile\"", "<button type=\"submit\">发送验证码</button>");
    assertThat(codeForm.body()).contains("<h1>输入验证码</h1>", "如果 138****0001 属于某位联系人，验证码已发送到该号码，于 ",
        "action=\"" + path.substring("/bind/".length()) + "/confirm?lang=zh-CN\"", "验证码：<input name=\"code\"",
        "<button type=\"submit\">绑定</button>");
    assertThat(again.body()).contains("<html lang=\"zh-CN\">", "<h1>验证码错误</h1>", "验证码错误，还可以再试 ");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("<h1>已绑定</h1>", "手机号已绑定：今后会在钉钉上 @ 你。").doesNotContain(code);
    for (Response page : java.util.List.of(numberForm, codeForm, again, done)) {
      ActionPagesTest.assertNoEnglishShown(page.body());
    }
  }

  @Test
  void refusalsReadInChinese() {
    String path = "/bind/" + bindings.issueLink("dingtalk", "ops").id();

    Response badNumber = zh("POST", path, "mobile=call+me");
    Response unknown = zh("POST", "/bind/nope", "mobile=13800000001");
    Response noCode = zh("POST", path + "/confirm", "code=123456");
    Response method = zh("PUT", path, "");

    assertThat(badNumber.body()).contains("<h1>暂时无法发送验证码</h1>",
        "手机号 &quot;call me&quot; 不是电话号码（只能有数字、开头的 +、空格、短横线、点和括号）。");
    assertThat(unknown.body()).contains("此链接未知或已过期，请使用较新告警中的链接。");
    assertThat(noCode.body()).contains("<h1>未绑定</h1>", "此链接没有待验证的验证码");
    assertThat(method.body()).contains("<h1>不支持的请求方法</h1>", "请使用页面上的表单。");
    for (Response page : java.util.List.of(unknown, noCode, method)) {
      assertThat(page.body()).contains("<html lang=\"zh-CN\">");
      ActionPagesTest.assertNoEnglishShown(page.body());
    }
  }

  private static final class NoActions implements ActionTarget {
    @Override
    public boolean acknowledge(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean unacknowledge(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean resolve(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean silence(String groupKey, Duration duration, String who) {
      throw new UnsupportedOperationException();
    }
  }
}

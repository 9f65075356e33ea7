package io.github.alertrouter.action;

import static io.github.alertrouter.action.ActionTokensTest.KEY;
import static io.github.alertrouter.action.ActionTokensTest.KEY_TEXT;
import static io.github.alertrouter.action.ActionTokensTest.T0;
import static io.github.alertrouter.action.ActionTokensTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.http.ActionHandler;
import io.github.alertrouter.http.Response;
import io.github.alertrouter.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActionPagesTest {
  static final byte[] NO_BODY = new byte[0];
  static final String EVIL = "<script>alert('x')</script>&\"";

  final ManualClock clock = new ManualClock(T0);
  final ActionTokens tokens = new ActionTokens(KEY, clock, TTL);
  final RecordingTarget target = new RecordingTarget();
  final ActionHandler handler = new ActionPages(tokens, target);

  Response get(String token) {
    return handler.handle("GET", "/actions/" + token, Map.of(), NO_BODY);
  }

  Response post(String token, String form) {
    return handler.handle("POST", "/actions/" + token, Map.of(), form.getBytes(StandardCharsets.UTF_8));
  }

  static Stream<Arguments> actions() {
    return Stream.of(
        Arguments.of("acknowledge", (Function<ActionTokens, String>) t -> t.issue(Action.ACKNOWLEDGE, "g1"), "acknowledge g1 by alice",
            "Claimed: escalation paused."),
        Arguments.of("unacknowledge", (Function<ActionTokens, String>) t -> t.issue(Action.UNACKNOWLEDGE, "g1"), "unacknowledge g1 by alice",
            "Unclaimed: escalation resumed."),
        Arguments.of("resolve", (Function<ActionTokens, String>) t -> t.issue(Action.RESOLVE, "g1"), "resolve g1 by alice",
            "Resolved."),
        Arguments.of("silence 1h", (Function<ActionTokens, String>) t -> t.issueSilence("g1", Duration.ofHours(1)), "silence g1 for PT1H by alice",
            "Silenced for 1h."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void getConfirmsAndChangesNothingThenPostPerformsOnce(String name, Function<ActionTokens, String> issue, String call,
      String result) {
    String token = issue.apply(tokens);

    Response confirm = get(token);
    Response again = get(token);

    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.contentType()).isEqualTo("text/html; charset=utf-8");
    assertThat(confirm.body()).contains("<form method=\"post\">").contains("name=\"who\"").contains("g1");
    assertThat(again.status()).isEqualTo(200);
    assertThat(target.calls).isEmpty();

    Response done = post(token, "who=alice");

    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains(result);
    assertThat(target.calls).containsExactly(call);
  }

  @Test
  void silenceConfirmationShowsTheDuration() {
    assertThat(get(tokens.issueSilence("g", Duration.ofMinutes(90))).body()).contains("Silence for 1h30m");
  }

  @Test
  void replayIsRefusedAfterOnePost() {
    String token = tokens.issue(Action.RESOLVE, "g");
    post(token, "");

    Response second = post(token, "");
    Response look = get(token);

    assertThat(second.status()).isEqualTo(409);
    assertThat(second.body()).contains("already used");
    assertThat(look.status()).isEqualTo(409);
    assertThat(target.calls).containsExactly("resolve g by someone");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("malformed", (Function<String, String>) t -> "not-a-token", 400, "Invalid link"),
        Arguments.of("tampered payload", (Function<String, String>) t -> ActionTokensTest.flip(t, t.indexOf('.') + 5), 400, "Invalid link"),
        Arguments.of("tampered mac", (Function<String, String>) t -> ActionTokensTest.flip(t, t.length() - 3), 400, "Invalid link"),
        Arguments.of("wrong key", (Function<String, String>) t -> new ActionTokens(ActionTokensTest.OTHER_KEY, new ManualClock(T0), TTL)
            .issue(Action.RESOLVE, "g"), 400, "Invalid link"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void badTokensChangeNothing(String name, Function<String, String> spoil, int status, String title) {
    String token = spoil.apply(tokens.issue(Action.RESOLVE, "g"));

    for (Response r : List.of(get(token), post(token, "who=mallory"))) {
      assertThat(r.status()).isEqualTo(status);
      assertThat(r.body()).contains(title).doesNotContain(KEY_TEXT).doesNotContain(token);
    }
    assertThat(target.calls).isEmpty();
  }

  @Test
  void expiredTokensGive410AndChangeNothing() {
    String token = tokens.issue(Action.RESOLVE, "g");
    clock.advance(TTL);

    assertThat(get(token).status()).isEqualTo(410);
    Response r = post(token, "");
    assertThat(r.status()).isEqualTo(410);
    assertThat(r.body()).contains("expired at " + T0.plus(TTL));
    assertThat(target.calls).isEmpty();
  }

  @Test
  void groupKeysAndNamesAreEscapedEverywhere() {
    String token = tokens.issue(Action.ACKNOWLEDGE, EVIL);

    Response confirm = get(token);
    Response done = post(token, "who=" + java.net.URLEncoder.encode("<img src=x onerror=alert(1)>", StandardCharsets.UTF_8));

    assertThat(confirm.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    assertThat(done.body()).doesNotContain("<script>").doesNotContain("<img");
  }

  @Test
  void aFailingTargetLeavesTheLinkUsableAndShowsNoDetails() {
    String token = tokens.issue(Action.RESOLVE, "g");
    target.failWith = new IllegalStateException("db password is hunter2");

    Response failed = post(token, "");

    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body()).doesNotContain("hunter2");
    target.failWith = null;
    assertThat(post(token, "").status()).isEqualTo(200);
    assertThat(target.calls).containsExactly("resolve g by someone");
  }

  @Test
  void onAStandbyTheLinkSays503AndStaysUsable() {
    String token = tokens.issue(Action.ACKNOWLEDGE, "g");
    target.failWith = new io.github.alertrouter.store.StandbyException("standby of the fleet (host-1)");

    Response failed = post(token, "");

    assertThat(failed.status()).isEqualTo(503);
    assertThat(failed.body()).contains("standby").doesNotContain("host-1");
    target.failWith = null;
    assertThat(post(token, "").status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/actions", "/actions/", "/actions/a/b", "/other/x.y.z", "/actionsX/abc"})
  void unknownPathsAre404(String path) {
    assertThat(handler.handle("GET", path, Map.of(), NO_BODY).status()).isEqualTo(404);
    assertThat(handler.handle("POST", path, Map.of(), NO_BODY).status()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PUT", "DELETE", "HEAD", "PATCH", "get"})
  void otherMethodsAre405(String method) {
    String token = tokens.issue(Action.RESOLVE, "g");

    Response r = handler.handle(method, "/actions/" + token, Map.of(), NO_BODY);

    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "GET, POST");
    assertThat(target.calls).isEmpty();
  }

  @Test
  void responsesCarrySecurityHeaders() {
    assertThat(get(tokens.issue(Action.RESOLVE, "g")).headers())
        .containsEntry("Cache-Control", "no-store")
        .containsEntry("Referrer-Policy", "no-referrer")
        .containsKey("Content-Security-Policy")
        .doesNotContainKey("Allow");
  }

  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "who=alice|alice",
      "x=1&who=Bob+Smith|Bob Smith",
      "''|someone",
      "who=|someone",
      "who=%20%20|someone",
      "who=%ZZ|someone",
      "who=a%0Ab%00c|abc",
  })
  void whoIsReadFromTheFormAndCleaned(String form, String who) {
    post(tokens.issue(Action.ACKNOWLEDGE, "g"), form);

    assertThat(target.calls).containsExactly("acknowledge g by " + who);
  }

  @Test
  void whoIsCappedAt64CodePoints() {
    post(tokens.issue(Action.ACKNOWLEDGE, "g"), "who=" + "x".repeat(100));

    assertThat(target.calls).containsExactly("acknowledge g by " + "x".repeat(64));
  }

  // ---- the pages' language

  static final Map<String, List<String>> ZH = Map.of("Accept-Language", List.of("zh-CN,zh;q=0.9,en;q=0.8"));
  static final Pattern TAG = Pattern.compile("<[^>]*>");
  static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

  Response zh(String method, String token, String form) {
    return handler.handle(method, "/actions/" + token, Map.of(), ZH, form.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aChineseBrowserGetsTheConfirmationAndResultInChinese() {
    String token = tokens.issue(Action.ACKNOWLEDGE, EVIL);

    Response confirm = zh("GET", token, "");
    Response done = zh("POST", token, "who=" + java.net.URLEncoder.encode("<b>张三</b>", StandardCharsets.UTF_8));

    assertThat(confirm.body()).contains("<html lang=\"zh-CN\">", "<title>确认：认领</title>", "对此告警分组执行：认领",
        "你的名字（可选）：<input name=\"who\"", "<button type=\"submit\">认领</button>", "此链接只能使用一次，于 ")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;").doesNotContain("<script>");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).contains("<html lang=\"zh-CN\">", "<h1>认领：已完成</h1>", "<p>已认领：升级已暂停。</p>")
        .doesNotContain("<b>");
    assertThat(target.calls).containsExactly("acknowledge " + EVIL + " by <b>张三</b>");
    assertThat(get(tokens.issue(Action.ACKNOWLEDGE, "g")).body()).as("without the header").contains("<html lang=\"en\">");
  }

  static Stream<Arguments> chineseResults() {
    return Stream.of(
        Arguments.of(Action.ACKNOWLEDGE, true, "已认领：升级已暂停。"),
        Arguments.of(Action.ACKNOWLEDGE, false, "无需认领：此分组没有进行中的升级。"),
        Arguments.of(Action.UNACKNOWLEDGE, true, "已取消认领：升级已恢复。"),
        Arguments.of(Action.UNACKNOWLEDGE, false, "没有可取消的认领。"),
        Arguments.of(Action.RESOLVE, true, "已标记恢复。"),
        Arguments.of(Action.RESOLVE, false, "此分组已没有告警。"),
        Arguments.of(Action.SILENCE, true, "已静默 1h30m。"),
        Arguments.of(Action.SILENCE, false, "此分组没有可静默的告警。"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("chineseResults")
  void everyResultReadsInChineseAndHasNoEnglishWord(Action action, boolean changes, String result) {
    target.changes = changes;
    String token = action == Action.SILENCE ? tokens.issueSilence("g", Duration.ofMinutes(90)) : tokens.issue(action, "g");

    String confirm = zh("GET", token, "").body();
    String done = zh("POST", token, "").body();

    assertThat(done).contains("<p>" + result + "</p>");
    assertNoEnglishShown(confirm, "g", "1h30m");
    assertNoEnglishShown(done, "g", "1h30m");
  }

  @Test
  void refusalsAndErrorsReadInChinese() {
    String used = tokens.issue(Action.RESOLVE, "g");
    zh("POST", used, "");
    String expired = tokens.issue(Action.RESOLVE, "g");
    String failing = tokens.issue(Action.RESOLVE, "g");
    String standby = tokens.issue(Action.RESOLVE, "g");
    Map<String, Response> pages = new java.util.LinkedHashMap<>();
    pages.put("used", zh("POST", used, ""));
    pages.put("tampered", zh("GET", ActionTokensTest.flip(used, used.length() - 3), ""));
    pages.put("malformed", zh("GET", "not-a-token", ""));
    pages.put("405", zh("PUT", used, ""));
    pages.put("404", handler.handle("GET", "/nope", Map.of(), ZH, NO_BODY));
    target.failWith = new IllegalStateException("boom");
    pages.put("500", zh("POST", failing, ""));
    target.failWith = new io.github.alertrouter.store.StandbyException("standby");
    pages.put("503", zh("POST", standby, ""));
    target.failWith = null;
    clock.advance(TTL);
    pages.put("expired", zh("GET", expired, ""));

    assertThat(pages.get("used").body()).contains("<h1>链接已被使用</h1>");
    assertThat(pages.get("tampered").body()).contains("<h1>链接无效</h1>", "被改动过");
    assertThat(pages.get("malformed").body()).contains("<h1>链接无效</h1>");
    assertThat(pages.get("405").body()).contains("<h1>不支持的请求方法</h1>");
    assertThat(pages.get("404").body()).contains("<h1>页面不存在</h1>");
    assertThat(pages.get("500").body()).contains("<h1>操作失败</h1>");
    assertThat(pages.get("503").body()).contains("<h1>请稍后再试</h1>", "备用节点");
    assertThat(pages.get("expired").body()).contains("<h1>链接已过期</h1>", "此链接已于 " + T0.plus(TTL) + " 过期。");
    pages.forEach((name, page) -> {
      assertThat(page.body()).as(name).contains("<html lang=\"zh-CN\">");
      assertNoEnglishShown(page.body(), "GET", "POST");
    });
  }

  @ParameterizedTest(name = "lang={0}, Accept-Language: {1} -> {2}")
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", value = {
      "-|-|en",
      "-|zh-CN,zh;q=0.9,en;q=0.8|zh-CN",
      "-|zh-TW|zh-CN",
      "-|zh|zh-CN",
      "-|en-US,en;q=0.9,zh-CN;q=0.8|en",
      "-|fr-FR, zh;q=0.5|zh-CN",
      "-|fr-FR|en",
      "-|*|en",
      "-|zh;q=0, en;q=0.5|en",
      "-|de, *;q=0.5, zh;q=0.1|en",
      "-|q=;;broken;;|en",
      "zh-CN|en-US|zh-CN",
      "zh-cn|-|zh-CN",
      "en|zh-CN|en",
      "fr|zh-CN|zh-CN",
      "''|zh-CN|zh-CN",
  })
  void theLinksLangWinsThenAcceptLanguageThenEnglish(String lang, String acceptLanguage, String expected) {
    Map<String, List<String>> query = lang == null ? Map.of() : Map.of("lang", List.of(lang));
    // servers hand header names over in their own case
    Map<String, List<String>> headers = acceptLanguage == null ? Map.of() : Map.of("accept-language", List.of(acceptLanguage));

    Response page = handler.handle("GET", "/actions/" + tokens.issue(Action.RESOLVE, "g"), query, headers, NO_BODY);

    assertThat(page.body()).contains("<html lang=\"" + expected + "\">");
  }

  @Test
  void aHandlerWithoutHeadersStillHonoursTheLinksLang() {
    Response page = handler.handle("GET", "/actions/" + tokens.issue(Action.RESOLVE, "g"),
        Map.of("lang", List.of("zh-CN")), NO_BODY);

    assertThat(page.body()).contains("<html lang=\"zh-CN\">", "标记恢复");
  }

  /** The page's visible text (tags dropped, entities kept) holds no English word but {@code allowed}. */
  static void assertNoEnglishShown(String html, String... allowed) {
    String body = html.substring(html.indexOf("<body>"));
    String visible = TAG.matcher(body).replaceAll(" ").replaceAll("&[a-z#0-9]+;", " ");
    java.util.List<String> english = new java.util.ArrayList<>();
    java.util.regex.Matcher m = ENGLISH_WORD.matcher(visible);
    java.util.Set<String> ok = java.util.Set.of(allowed);
    while (m.find()) {
      if (!ok.contains(m.group()) && !m.group().matches("\\d*[hms]")) {
        english.add(m.group());
      }
    }
    assertThat(english).as("English words shown in%n%s", html).isEmpty(); // the title is the h1 too
  }
}

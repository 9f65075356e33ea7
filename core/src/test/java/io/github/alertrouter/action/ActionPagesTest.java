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
        Arguments.of("acknowledge", (Function<ActionTokens, String>) t -> t.issue(Action.ACKNOWLEDGE, "g1"), "acknowledge g1 by alice"),
        Arguments.of("unacknowledge", (Function<ActionTokens, String>) t -> t.issue(Action.UNACKNOWLEDGE, "g1"), "unacknowledge g1 by alice"),
        Arguments.of("resolve", (Function<ActionTokens, String>) t -> t.issue(Action.RESOLVE, "g1"), "resolve g1 by alice"),
        Arguments.of("silence 1h", (Function<ActionTokens, String>) t -> t.issueSilence("g1", Duration.ofHours(1)), "silence g1 for PT1H by alice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("actions")
  void getConfirmsAndChangesNothingThenPostPerformsOnce(String name, Function<ActionTokens, String> issue, String call) {
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
    assertThat(done.body()).contains("Done: " + call);
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
    assertThat(done.body()).doesNotContain("<script>").doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;");
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
}

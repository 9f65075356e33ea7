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

  private static final class NoActions implements ActionTarget {
    @Override
    public String acknowledge(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String unacknowledge(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String resolve(String groupKey, String who) {
      throw new UnsupportedOperationException();
    }

    @Override
    public String silence(String groupKey, Duration duration, String who) {
      throw new UnsupportedOperationException();
    }
  }
}

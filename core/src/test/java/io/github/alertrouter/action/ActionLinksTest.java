package io.github.alertrouter.action;

import static io.github.alertrouter.action.ActionTokensTest.KEY;
import static io.github.alertrouter.action.ActionTokensTest.T0;
import static io.github.alertrouter.action.ActionTokensTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.time.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionLinksTest {
  final ActionTokens tokens = new ActionTokens(KEY, new ManualClock(T0), TTL);

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "https://alerts.example.com,https://alerts.example.com",
      "https://alerts.example.com/,https://alerts.example.com",
      "http://127.0.0.1:8080/alert-router//,http://127.0.0.1:8080/alert-router",
      "HTTPS://Alerts.Example.com/x,HTTPS://Alerts.Example.com/x",
  })
  void acceptedBaseUrls(String base, String normalized) {
    ActionLinks links = new ActionLinks(base, tokens);

    String url = links.link(Action.ACKNOWLEDGE, "g");

    assertThat(links.baseUrl()).isEqualTo(normalized);
    assertThat(url).startsWith(normalized + "/actions/");
    assertThat(tokens.verify(url.substring(url.lastIndexOf('/') + 1))).isInstanceOf(Verified.Valid.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ftp://example.com|actionBaseUrl must be http or https, but was \"ftp://example.com\"",
      "example.com/x|actionBaseUrl must be http or https, but was \"example.com/x\"",
      "javascript:alert(1)|actionBaseUrl must be http or https, but was \"javascript:alert(1)\"",
      "https:///path|actionBaseUrl must have a host, but was \"https:///path\"",
      "https://example.com/?a=1|actionBaseUrl must have no query or fragment, but was \"https://example.com/?a=1\"",
      "https://example.com/#f|actionBaseUrl must have no query or fragment, but was \"https://example.com/#f\"",
      "https://user:pa55word@example.com|actionBaseUrl must not contain user info",
  })
  void rejectedBaseUrls(String base, String message) {
    assertThatThrownBy(() -> new ActionLinks(base, tokens))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void badSyntaxIsRejected() {
    assertThatThrownBy(() -> new ActionLinks("https://exa mple.com", tokens))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("actionBaseUrl must be a URL");
  }

  @Test
  void silenceLinkCarriesTheDuration() {
    String url = new ActionLinks("https://a.example", tokens).silenceLink("g", Duration.ofHours(1));

    Verified v = tokens.verify(url.substring("https://a.example/actions/".length()));

    assertThat(v).isInstanceOfSatisfying(Verified.Valid.class,
        ok -> assertThat(ok.token().silenceFor()).contains(Duration.ofHours(1)));
  }
}

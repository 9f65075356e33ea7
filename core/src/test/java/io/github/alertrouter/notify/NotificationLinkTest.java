package io.github.alertrouter.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationLinkTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "https://runbooks.example.com/disk-full | true",
      "http://grafana:3000/d/abc?orgId=1&from=now-1h | true",
      "javascript:alert(1) | false",
      "https:///no-host | false",
      "https://host/a b | false",
      "https://host/\"onclick | false",
      "ftp://host/file | false",
      "//host/path | false",
  })
  void onlyAbsoluteHttpUrlsWithoutSpacesOrQuotesAreLinks(String url, boolean ok) {
    assertThat(NotificationLink.isHttpUrl(url)).isEqualTo(ok);
  }
}

package io.github.alertrouter.alertmanager.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.alertrouter.Alert;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Grafana's webhook (unified alerting, {@code "version": "1"}) read from fixtures in the shape its
 * notifier writes (see grafana/README.md): the alerts route like Alertmanager's, and the fields
 * users show in messages stay on each alert as {@code grafana_*} annotations.
 */
class GrafanaPayloadTest {
  private static final WebhookCodec CODEC = WebhookCodec.create();

  private static WebhookPayload fixture(String name) {
    return CODEC.parse(Fixtures.read(Fixtures.resource("grafana/" + name)));
  }

  @Test
  void aFiringAlertWithEveryOptionalField() {
    WebhookPayload payload = fixture("firing.json");

    assertThat(payload.version()).isEqualTo("1");
    assertThat(payload.receiverName()).isEqualTo("dingtalk-payments");
    assertThat(payload.status()).isEqualTo(WebhookStatus.FIRING);
    assertThat(payload.alerts()).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(WebhookStatus.FIRING);
      assertThat(entry.fingerprint()).isEqualTo("9f3a2c7e1b5d4e60");
      Alert alert = entry.alert();
      assertThat(alert.labels()).isEqualTo(Map.of("alertname", "HighCPU",
          "grafana_folder", "Payments", "instance", "pay-api-1:9100", "severity", "critical", "team", "payments"));
      assertThat(alert.startsAt()).isEqualTo(Instant.parse("2026-03-09T10:00:00Z")); // +08:00 as sent
      assertThat(alert.endsAt()).isNull(); // Go's zero time: firing until Grafana resolves it
      assertThat(alert.generatorURL()).isEqualTo("https://grafana.example.com/alerting/grafana/cdv1mh8rhg8w0b/view?orgId=1");
      assertThat(alert.annotations())
          .containsEntry("summary", "pay-api-1 CPU is 93.5%")
          .containsEntry("grafana_values", "A=93.5 B=1")
          .containsEntry("grafana_valueString",
              "[ var='A' labels={instance=pay-api-1:9100} value=93.5 ], [ var='B' labels={instance=pay-api-1:9100} value=1 ]")
          .containsEntry("grafana_dashboardURL", "https://grafana.example.com/d/pay-overview?from=1773046800000&orgId=1&to=1773050400000")
          .containsEntry("grafana_panelURL",
              "https://grafana.example.com/d/pay-overview?from=1773046800000&orgId=1&to=1773050400000&viewPanel=4")
          .containsEntry("grafana_imageURL", "https://grafana.example.com/public/img/attachments/3Zr1m0Hc4q.png")
          .hasEntrySatisfying("grafana_silenceURL", url -> assertThat(url)
              .startsWith("https://grafana.example.com/alerting/silence/new?alertmanager=grafana&matcher=")); // \u0026 read as &
      assertThat(alert.annotations()).hasSize(3 + 6);
    });
  }

  @Test
  void aResolvedAlertHasItsEnd() {
    WebhookPayload payload = fixture("resolved.json");

    assertThat(payload.status()).isEqualTo(WebhookStatus.RESOLVED);
    assertThat(payload.alerts()).singleElement().satisfies(entry -> {
      assertThat(entry.status()).isEqualTo(WebhookStatus.RESOLVED);
      assertThat(entry.alert().endsAt()).isEqualTo(Instant.parse("2026-03-09T10:25:00Z"));
      assertThat(entry.alert().annotations()).containsEntry("grafana_values", "A=41.25 B=0")
          .doesNotContainKey("grafana_imageURL"); // not sent
    });
  }

  @Test
  void severalAlertsKeepTheirOrderStatusAndOwnValues() {
    WebhookPayload payload = fixture("several.json");

    assertThat(payload.alerts()).extracting(e -> e.alert().label("instance"), WebhookAlert::status,
            e -> e.alert().annotations().get("grafana_values"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("db-1", WebhookStatus.FIRING, "C=97"),
            org.assertj.core.groups.Tuple.tuple("db-2", WebhookStatus.RESOLVED, "C=80"),
            org.assertj.core.groups.Tuple.tuple("db-3", WebhookStatus.FIRING, "C=95.5"));
    assertThat(payload.alerts().get(0).alert().startsAt()).isEqualTo(Instant.parse("2026-03-09T09:55:00.123456789Z"));
    // Grafana writes "" for the URLs it has none for: no annotation rather than an empty one
    assertThat(payload.alerts().get(0).alert().annotations())
        .doesNotContainKeys("grafana_dashboardURL", "grafana_panelURL", "grafana_imageURL")
        .containsKey("grafana_silenceURL");
  }

  @Test
  void noDataAndErrorAlertsAreOrdinaryAlertsWithGrafanasLabels() {
    Alert noData = fixture("nodata.json").alerts().get(0).alert();
    Alert error = fixture("error.json").alerts().get(0).alert();

    assertThat(noData.labels()).containsEntry("alertname", "DatasourceNoData").containsEntry("rulename", "HighCPU")
        .containsEntry("datasource_uid", "prom-main").containsEntry("ref_id", "A");
    assertThat(noData.annotations()).doesNotContainKeys("grafana_values", "grafana_valueString"); // values null, ""
    assertThat(error.labels()).containsEntry("alertname", "DatasourceError").containsEntry("team", "payments");
    assertThat(error.annotations().get("Error")).contains("connection refused");
    assertThat(error.annotations()).doesNotContainKey("grafana_silenceURL");
  }

  @Test
  void withoutAnyOptionalFieldNothingIsAdded() {
    WebhookPayload payload = fixture("minimal.json");

    assertThat(payload.version()).isEqualTo("1");
    assertThat(payload.alerts()).singleElement()
        .satisfies(entry -> assertThat(entry.alert().annotations()).isEmpty());
  }

  @Test
  void grafanasFieldReplacesAnAnnotationOfTheSameName() {
    WebhookPayload payload = CODEC.parse(bytes("{'receiver':'r','status':'firing','alerts':[{'status':'firing',"
        + "'labels':{'alertname':'A'},'annotations':{'grafana_panelURL':'mine','other':'x'},"
        + "'startsAt':'2026-01-02T03:04:05Z','panelURL':'https://g/d/x?viewPanel=2'}],'version':'1'}"));

    assertThat(payload.alerts().get(0).alert().annotations())
        .isEqualTo(Map.of("grafana_panelURL", "https://g/d/x?viewPanel=2", "other", "x"));
  }

  @Test
  void theGrafanaAlertsReachTheRouterWithTheReceiver() {
    List<Alert> alerts = fixture("several.json").toAlerts();

    assertThat(alerts).hasSize(3).allSatisfy(a -> assertThat(a.label(WebhookPayload.RECEIVER_LABEL)).isEqualTo("ops"));
  }

  @Test
  void anAlertListIsNotGrafanasShapeSoItsFieldsAreIgnoredThere() {
    List<WebhookAlert> alerts = CODEC.parseAlertList(bytes(
        "[{'labels':{'alertname':'A'},'dashboardURL':'https://g/d/x','values':'not checked'}]"));

    assertThat(alerts.get(0).alert().annotations()).isEmpty();
  }

  static Stream<Arguments> malformed() {
    String alert = "{'status':'firing','labels':{'alertname':'A'},'startsAt':'2026-01-02T03:04:05Z'";
    return Stream.of(
        row("version 2", "{'receiver':'r','status':'firing','alerts':[],'version':'2'}", "/version",
            "unsupported payload version \"2\"; supported are \"4\" and \"3\" (Alertmanager) and \"1\" (Grafana)"),
        row("orgId a string", "{'receiver':'r','status':'firing','alerts':[],'version':'1','orgId':'1'}", "/orgId",
            "expected a non-negative integer, but was the string \"1\""),
        row("orgId negative", "{'receiver':'r','status':'firing','alerts':[],'version':'1','orgId':-1}", "/orgId",
            "must be >= 0, but was -1"),
        row("state a number", "{'receiver':'r','status':'firing','alerts':[],'version':'1','state':3}", "/state",
            "expected a string, but was the number 3"),
        row("title an object", "{'receiver':'r','status':'firing','alerts':[],'version':'1','title':{}}", "/title",
            "expected a string, but was an object"),
        row("a value a string", "{'receiver':'r','status':'firing','alerts':[" + alert + ",'values':{'A':'93.5'}}],'version':'1'}",
            "/alerts/0/values/A", "expected a number, but was the string \"93.5\""),
        row("values an array", "{'receiver':'r','status':'firing','alerts':[" + alert + ",'values':[1]}],'version':'1'}",
            "/alerts/0/values", "expected an object, but was an array"),
        row("dashboardURL a number", "{'receiver':'r','status':'firing','alerts':[" + alert + ",'dashboardURL':1}],'version':'1'}",
            "/alerts/0/dashboardURL", "expected a string, but was the number 1"),
        row("valueString an array", "{'receiver':'r','status':'firing','alerts':[" + alert + ",'valueString':[]}],'version':'1'}",
            "/alerts/0/valueString", "expected a string, but was an array"),
        row("no receiver (legacy Grafana alerting)", "{'title':'[Alerting] CPU','ruleId':1,'state':'alerting','evalMatches':[]}",
            "/receiver", "required member is missing"),
        row("a Grafana alert without labels", "{'receiver':'r','status':'firing','alerts':[{'status':'firing',"
            + "'startsAt':'2026-01-02T03:04:05Z','panelURL':''}],'version':'1'}", "/alerts/0/labels", "required member is missing"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedGrafanaBodiesAreRefusedWithThePointer(String name, byte[] body, String pointer, String detail) {
    PayloadException e = catchThrowableOfType(() -> CODEC.parse(body), PayloadException.class);

    assertThat(e).as(name).isNotNull();
    assertThat(e.pointer()).isEqualTo(pointer);
    assertThat(e.detail()).isEqualTo(detail);
  }

  private static Arguments row(String name, String singleQuoted, String pointer, String detail) {
    return Arguments.of(name, bytes(singleQuoted), pointer, detail);
  }

  private static byte[] bytes(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }
}

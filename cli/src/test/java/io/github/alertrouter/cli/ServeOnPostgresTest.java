package io.github.alertrouter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.testkit.ReceivedMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code serve --storage.url} as people run it (a child JVM, killed with {@code kill -9}) on a real
 * PostgreSQL, against the DingTalk simulator. Measured before with {@code --storage.path} and its
 * 30-s snapshot: 10 of 10 alerts answered 200 inside {@code groupWait} never got their first
 * notice, and 10 of 10 resolves answered 200 never got their resolved notice.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServeOnPostgresTest extends ServeOnPostgres {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final String CONFIG = """
      robots:
        - { id: %s, platform: dingtalk, webhook: "%s", secret: "%s" }
      notificationPolicies:
        - name: disks
          groupRule: { groupWait: %s, groupInterval: 10s, groupingFields: [alertname] }
          notifyRule: { robots: [%1$s] }
          repeatInterval: 4h
          sendResolved: true
      """;
  @Test
  void alertsAnsweredInsideTheGroupWaitGetTheirFirstNoticeAfterKill9() throws Exception {
    ServeProcess first = serve("15s");
    assertThat(post(first, alerts("firing")).statusCode()).isEqualTo(200);
    first.kill9(); // inside the group wait: nothing was sent

    ServeProcess second = serve("15s");
    await("the first notice, from the restarted serve", () -> announcing("db-").size() == 1, second);

    ReceivedMessage notice = chat.received(ROBOT).get(0);
    IntStream.range(0, 10).forEach(i -> assertThat(notice.text()).contains("db-" + i));
    assertThat(chat.received(ROBOT)).hasSize(1);
  }

  @Test
  void resolvesAnsweredBeforeKill9AreAnnouncedOnceAndTheFiringIsNotRepeated() throws Exception {
    ServeProcess first = serve("0s");
    assertThat(post(first, alerts("firing")).statusCode()).isEqualTo(200);
    await("the first notice", () -> chat.received(ROBOT).size() == 1, first);
    // and recorded as delivered: a crash while its POST is in flight is the outbox's case
    await("the delivery recorded", () -> postgres.psql("SELECT count(*) FROM alert_router.notification_log").equals("1"),
        first);
    assertThat(post(first, alerts("resolved")).statusCode()).isEqualTo(200);
    first.kill9(); // before the group interval (10 s) that would have announced the resolution

    ServeProcess second = serve("0s");
    assertThat(post(second, alerts("resolved")).statusCode()).as("Alertmanager re-sends; nothing new").isEqualTo(200);
    await("the resolved notice", () -> chat.received(ROBOT).size() == 2, second);
    ReceivedMessage resolved = chat.received(ROBOT).get(1);
    IntStream.range(0, 10).forEach(i -> assertThat(resolved.text()).contains("db-" + i));
    assertThat(resolved.text()).containsIgnoringCase("resolved");

    Thread.sleep(12_000); // past the next group interval: nothing more to say
    assertThat(chat.received(ROBOT)).as("announced once each").hasSize(2);
  }

  @Test
  void whileTheDatabaseIsDownAlertsAre503AndNotReadyThenAcceptedOnceItIsBack() throws Exception {
    ServeProcess serve = serve("0s");
    assertThat(get(serve, "/-/ready").statusCode()).isEqualTo(200);

    postgres.stop();
    HttpResponse<String> refused = post(serve, alerts("firing"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(get(serve, "/-/ready").statusCode()).isEqualTo(503);
    assertThat(get(serve, "/healthz").statusCode()).as("alive all the same").isEqualTo(200);
    assertThat(get(serve, "/metrics").body()).contains("alert_router_store_up 0");
    Thread.sleep(2_000);
    assertThat(chat.received(ROBOT)).as("nothing was accepted").isEmpty();

    postgres.restart();
    await("the store answers again", () -> get(serve, "/-/ready").statusCode() == 200, serve);
    assertThat(post(serve, alerts("firing")).statusCode()).as("the sender's retry").isEqualTo(200);
    await("the notice", () -> chat.received(ROBOT).size() == 1, serve);
    IntStream.range(0, 10).forEach(i -> assertThat(chat.received(ROBOT).get(0).text()).contains("db-" + i));

    // what an operator looks at when intake slowed down: the store's latency and failures, the outbox
    await("the delivery ended in the outbox", () -> get(serve, "/metrics").body().contains("alert_router_outbox_entries 0"),
        serve);
    String metrics = get(serve, "/metrics").body();
    assertThat(metrics).containsPattern("alert_router_store_operation_seconds_count\\{store=\"fleet\",operation=\"receive\"} [1-9]")
        .containsPattern("alert_router_store_operation_errors_total\\{store=\"fleet\",operation=\"receive\"} [1-9]")
        .containsPattern("alert_router_store_operation_seconds_count\\{store=\"outbox\",operation=\"ended\"} [1-9]")
        .contains("alert_router_outbox_entries 0");
  }

  private List<ReceivedMessage> announcing(String text) {
    return chat.received(ROBOT).stream().filter(m -> m.text().contains(text)).toList();
  }

  /** Ten disks of one group, firing (no end, as Alertmanager sends them) or resolved a minute ago. */
  private static String alerts(String state) {
    String end = state.equals("resolved") ? ",\"endsAt\":\"" + Instant.now().minusSeconds(60) + "\"" : "";
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 10; i++) {
      json.append(i == 0 ? "" : ",").append("{\"labels\":{\"alertname\":\"DiskFull\",\"instance\":\"db-").append(i)
          .append("\"},\"startsAt\":\"").append(Instant.now().minusSeconds(120)).append('"').append(end).append('}');
    }
    return json.append(']').toString();
  }

  private ServeProcess serve(String groupWait) throws Exception {
    // a short lease: a restart after kill -9 waits for the dead process's lease to expire
    return serve(CONFIG, WAIT, List.of(groupWait), "--storage.lease-ttl=2s");
  }

  private static HttpResponse<String> post(ServeProcess serve, String json) {
    return serve.post("/api/v1/alerts", json);
  }

  private static HttpResponse<String> get(ServeProcess serve, String path) {
    return serve.get(path);
  }

  private static void await(String what, BooleanSupplier done, ServeProcess serve) throws InterruptedException {
    serve.await(what, WAIT, done);
  }
}

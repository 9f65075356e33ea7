package io.github.alertrouter.action;

import static io.github.alertrouter.action.ActionTokensTest.KEY;
import static io.github.alertrouter.action.ActionTokensTest.KEY_TEXT;
import static io.github.alertrouter.action.ActionTokensTest.T0;
import static io.github.alertrouter.action.ActionTokensTest.TTL;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.http.JdkHttpServerAdapter;
import io.github.alertrouter.time.ManualClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter on a real JDK server at 127.0.0.1, on a port the OS picks, mounted under a prefix. */
class JdkHttpServerAdapterTest {
  static final int CAP = 64;

  final ManualClock clock = new ManualClock(T0);
  final ActionTokens tokens = new ActionTokens(KEY, clock, TTL);
  final RecordingTarget target = new RecordingTarget();
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  HttpServer server;
  ActionLinks links;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/alert-router", new JdkHttpServerAdapter(new ActionPages(tokens, target), CAP));
    server.start();
    links = new ActionLinks("http://127.0.0.1:" + server.getAddress().getPort() + "/alert-router/", tokens);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void getConfirmsThenPostActsOnceOverHttp() throws Exception {
    String url = links.silenceLink("<script>grp</script>", Duration.ofHours(1));

    HttpResponse<String> confirm = send(HttpRequest.newBuilder(URI.create(url)).GET());

    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    assertThat(confirm.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(confirm.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(confirm.body()).contains("&lt;script&gt;grp&lt;/script&gt;").doesNotContain("<script>");
    assertThat(target.calls).isEmpty();

    HttpResponse<String> done = send(form(url, "who=carol"));
    HttpResponse<String> replay = send(form(url, "who=mallory"));

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(replay.statusCode()).isEqualTo(409);
    assertThat(target.calls).containsExactly("silence <script>grp</script> for PT1H by carol");
  }

  @Test
  void refusalsAndRoutingOverHttp() throws Exception {
    String url = links.link(Action.RESOLVE, "g");
    String base = links.baseUrl();

    Map<String, Integer> statuses = Map.of(
        base + "/actions/garbage", send(HttpRequest.newBuilder(URI.create(base + "/actions/garbage")).GET()).statusCode(),
        "tampered", send(form(ActionTokensTest.flip(url, url.length() - 2), "")).statusCode(),
        "unknown path", send(HttpRequest.newBuilder(URI.create(base + "/nope")).GET()).statusCode(),
        "PUT", send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.noBody())).statusCode(),
        "DELETE", send(HttpRequest.newBuilder(URI.create(url)).DELETE()).statusCode());

    assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(
        base + "/actions/garbage", 400, "tampered", 400, "unknown path", 404, "PUT", 405, "DELETE", 405));
    assertThat(target.calls).isEmpty();
  }

  @Test
  void expiredOverHttp() throws Exception {
    String url = links.link(Action.ACKNOWLEDGE, "g");
    clock.advance(TTL.plusSeconds(1));

    HttpResponse<String> r = send(form(url, ""));

    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(r.body()).doesNotContain(KEY_TEXT);
    assertThat(target.calls).isEmpty();
  }

  @Test
  void bodiesOverTheCapAre413AndChangeNothing() throws Exception {
    String url = links.link(Action.RESOLVE, "g");
    String big = "who=" + "x".repeat(CAP);

    HttpResponse<String> declared = send(form(url, big));
    HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(target.calls).isEmpty();

    HttpResponse<String> fits = send(form(url, "who=" + "y".repeat(CAP - 4)));

    assertThat(fits.statusCode()).isEqualTo(200);
    assertThat(target.calls).containsExactly("resolve g by " + "y".repeat(CAP - 4));
  }

  @Test
  void theRequestsAcceptLanguageReachesThePagesOverHttp() throws Exception {
    String url = links.link(Action.RESOLVE, "g");

    HttpResponse<String> zh = send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "zh-CN,zh;q=0.9").GET());
    HttpResponse<String> en = send(HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "en-GB").GET());
    HttpResponse<String> tooLarge = send(form(url, "who=" + "x".repeat(CAP)).header("Accept-Language", "zh"));

    assertThat(zh.body()).contains("<html lang=\"zh-CN\">", "<h1>确认：标记恢复</h1>");
    assertThat(en.body()).contains("<html lang=\"en\">", "<h1>Confirm: Resolve</h1>");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("<html lang=\"zh-CN\">", "<h1>请求过大</h1>");
    assertThat(target.calls).isEmpty();
  }

  static HttpRequest.Builder form(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}

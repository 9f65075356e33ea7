package io.github.alertrouter.examples;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.AlertRouter;
import io.github.alertrouter.http.JdkHttpServerAdapter;
import io.github.alertrouter.config.Condition;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GroupRule;
import io.github.alertrouter.config.NotificationPolicy;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.RenderRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * Claim / resolve / silence links in messages, served by an HTTP server your application already
 * runs (here the JDK's {@code com.sun.net.httpserver}; any server can call {@link
 * io.github.alertrouter.http.ActionHandler#handle} the same way).
 *
 * <p><b>What to copy</b>: three things — give the router an {@code actionKey} (a long random
 * secret: links are signed with it); give each robot the option {@code actionBaseUrl}, the public
 * URL where the handler is mounted; and mount {@code router.actionHandler()} there ({@link
 * #mount}). Messages then carry links {@code actionBaseUrl + "/actions/" + token}; a GET shows a
 * confirmation page and changes nothing (chat apps prefetch links), the POST from that page acts.
 *
 * <p>Run it: {@code DINGTALK_WEBHOOK=… ACTION_KEY=$(openssl rand -hex 32)
 * ACTION_BASE_URL=https://ops.example.com/alert-router PORT=8080 java … ActionLinksInYourServer};
 * it serves until stopped (Ctrl-C closes the router and the server).
 */
public final class ActionLinksInYourServer {
  /** Where the handler is mounted in the server; {@code actionBaseUrl} ends with it. */
  public static final String CONTEXT_PATH = "/alert-router";

  private ActionLinksInYourServer() {}

  public static void main(String[] args) throws IOException {
    String webhook = require("DINGTALK_WEBHOOK");
    String actionKey = require("ACTION_KEY");
    int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
    String baseUrl = System.getenv().getOrDefault("ACTION_BASE_URL", "http://localhost:" + port + CONTEXT_PATH);

    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);   // your existing server
    AlertRouter router = router(webhook, System.getenv("DINGTALK_SECRET"), actionKey, baseUrl, Duration.ofSeconds(30));
    mount(server, router);
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      router.close();
      server.stop(1);
    }));
    System.out.println("action links served at " + baseUrl + "/actions/…; submit alerts to the router as usual");
  }

  /**
   * A router like {@link EmbedInYourApp}'s, with an action key and the robot option {@code actionBaseUrl}.
   *
   * @param actionBaseUrl the public URL of {@link #CONTEXT_PATH} on your server
   */
  public static AlertRouter router(String webhook, String secret, String actionKey, String actionBaseUrl,
      Duration groupWait) {
    RouterConfig config = RouterConfig.builder()
        .contact(Contact.builder("alice").name("Alice Zhang").mobile("+86 138 0000 0001").build())
        .robot(Robot.builder("sre-ding", "dingtalk", Secret.of(webhook)).secret(secret == null ? null : Secret.of(secret))
            .keyword("alert")
            .option(RenderRequest.OPTION_ACTION_BASE_URL, actionBaseUrl)   // links point at your server
            .build())
        .notificationPolicy(NotificationPolicy.builder("payments-critical")
            .matching(Condition.eq("team", "payments"))
            .groupRule(GroupRule.builder().groupWait(groupWait).build())
            .notifyRule(NotifyRule.builder().robots("sre-ding").mention("contact:alice").build())
            .repeatInterval(Duration.ofHours(1))
            .build())
        .build();
    return AlertRouter.builder()
        .config(config)
        .actionKey(Secret.of(actionKey))           // without it there are no links and no handler
        .build();
  }

  /**
   * Mounts the router's action handler at {@link #CONTEXT_PATH} of {@code server}.
   *
   * @throws IllegalStateException when the router was built without an action key
   */
  public static HttpContext mount(HttpServer server, AlertRouter router) {
    var handler = router.actionHandler()
        .orElseThrow(() -> new IllegalStateException("build the router with .actionKey(...) to get action links"));
    return server.createContext(CONTEXT_PATH, new JdkHttpServerAdapter(handler));
  }

  private static String require(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      System.err.println("set " + name);
      System.exit(2);
    }
    return value;
  }
}

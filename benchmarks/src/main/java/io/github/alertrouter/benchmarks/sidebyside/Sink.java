package io.github.alertrouter.benchmarks.sidebyside;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.alertrouter.testkit.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chat platform both servers post to, on loopback: {@code /am/RECEIVER} answers an
 * Alertmanager webhook 200 with an empty body, {@code /ding/ROBOT} answers as a DingTalk robot
 * does ({@code {"errcode":0,"errmsg":"ok"}}), each after the workload's delay. Every request is
 * recorded in the current {@link Tally}: when it arrived and which alerts it names. A thread per
 * request in flight, so that a slow answer never holds another (Alertmanager opens thousands of
 * connections at once against a slow endpoint).
 */
final class Sink implements AutoCloseable {
  static {
    // answer without Nagle's delay, as a platform's front end does: the JDK server writes headers
    // and body in two writes, and with Nagle on, a keep-alive client waits ~40 ms (its delayed
    // ACK) for every answer that has a body (DingTalk's), but not for an empty one (Alertmanager's)
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final byte[] DINGTALK_OK = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.US_ASCII);
  // DingTalk's answer to the 21st message in a minute (docs/platforms.md)
  private static final byte[] DINGTALK_TOO_FAST =
      "{\"errcode\":410100,\"errmsg\":\"send too fast, exceed 20 times per minute\"}".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sink");
    t.setDaemon(true);
    return t;
  });
  private volatile Tally tally;

  Sink() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8192);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Starts counting a run of {@code workload}: what arrives from now on is that run's. */
  Tally expect(Workload workload) {
    Tally next = new Tally(workload);
    tally = next;
    return next;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      long at = System.nanoTime();
      Tally current = tally;
      boolean ding = exchange.getRequestURI().getPath().startsWith("/ding/");
      if (current != null && current.workload().storm() && !current.admit(exchange.getRequestURI().getPath(), at)) {
        current.refused();
        // DingTalk refuses in its body; a bridge in front of it (what Alertmanager posts to) in its status
        byte[] refusal = ding ? DINGTALK_TOO_FAST : new byte[0];
        exchange.sendResponseHeaders(ding ? 200 : 429, refusal.length == 0 ? -1 : refusal.length);
        if (refusal.length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(refusal);
          }
        }
        return;
      }
      if (current != null) {
        current.record(body, at);
        Duration delay = current.workload().sinkDelay();
        if (!delay.isZero()) {
          try {
            Thread.sleep(delay.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      byte[] answer = ding ? DINGTALK_OK : new byte[0];
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** What one run's requests named: first arrival per alert, duplicates, strays. Thread-safe. */
  static final class Tally {
    private static final Pattern OMITTED = Pattern.compile("and (\\d+) more alert");

    private final Workload workload;
    private final long[] first; // System.nanoTime of the first request naming alert i, 0 if none yet
    private int covered;
    private int duplicates;
    private int unexpected;
    private int requests;
    private long omitted;
    private int refused;
    private long lastAccepted; // System.nanoTime of the last message the chat took, 0 if none
    private long lastAny; // of the last message, taken or refused
    private final java.util.Map<String, RateLimiter> chats = new java.util.HashMap<>();

    private Tally(Workload workload) {
      this.workload = workload;
      this.first = new long[workload.alerts()];
    }

    Workload workload() {
      return workload;
    }

    /**
     * Whether the chat at {@code path} takes a message at {@code at}: at most {@link
     * Workload#LIMIT} accepted in any 60 s, counted as the testkit's DingTalk simulator counts
     * them (refusals do not count; DingTalk's further 10-minute hold after a refusal is left out,
     * which spares Alertmanager more than us).
     */
    synchronized boolean admit(String path, long at) {
      return chats.computeIfAbsent(path, p -> RateLimiter.of(Workload.LIMIT, Duration.ofSeconds(60)))
          .admit(Instant.EPOCH.plusNanos(at)); // the sink's monotonic clock as an instant
    }

    /** A message the chat refused: what it names never reached anyone. */
    synchronized void refused() {
      refused++;
      lastAny = System.nanoTime();
    }

    synchronized void record(byte[] body, long at) {
      requests++;
      lastAccepted = at;
      lastAny = Math.max(lastAny, at);
      for (int i : named(body)) {
        if (i >= first.length || !workload.routed(i)) {
          unexpected++;
        } else if (first[i] != 0) {
          duplicates++; // named by an earlier request too: sent twice
        } else {
          first[i] = at;
          covered++;
        }
      }
      Matcher more = OMITTED.matcher(new String(body, StandardCharsets.UTF_8));
      while (more.find()) {
        omitted += Long.parseLong(more.group(1));
      }
    }

    /** The alerts a body names: {@code host-N} wherever it occurs, each once per request. */
    static Set<Integer> named(byte[] body) {
      Set<Integer> ids = new HashSet<>();
      byte[] marker = "host-".getBytes(StandardCharsets.US_ASCII);
      outer:
      for (int p = 0; p + marker.length < body.length; p++) {
        for (int k = 0; k < marker.length; k++) {
          if (body[p + k] != marker[k]) {
            continue outer;
          }
        }
        int q = p + marker.length;
        int id = 0;
        int digits = 0;
        while (q < body.length && body[q] >= '0' && body[q] <= '9' && digits < 9) {
          id = id * 10 + (body[q++] - '0');
          digits++;
        }
        if (digits > 0) {
          ids.add(id);
        }
        p = q - 1;
      }
      return ids;
    }

    synchronized int covered() {
      return covered;
    }

    synchronized long firstArrival(int i) {
      return first[i];
    }

    synchronized int duplicates() {
      return duplicates;
    }

    synchronized int unexpected() {
      return unexpected;
    }

    synchronized int requests() {
      return requests;
    }

    /** Messages the chat refused (over its limit). */
    synchronized int refusedRequests() {
      return refused;
    }

    /** Alerts messages only counted ("…and N more alerts") instead of naming them. */
    synchronized long omitted() {
      return omitted;
    }

    /** When the chat took its last message (System.nanoTime), 0 if none. */
    synchronized long lastAccepted() {
      return lastAccepted;
    }

    /**
     * Waits until every routed alert has been named or counted in a message the chat took
     * (true), or nothing has come for {@code quiet} after {@code notBefore} (false): a sender that
     * keeps to the limit sends again within a minute, one that does not has nothing more to say.
     */
    boolean awaitAccounted(int routed, long notBefore, Duration quiet, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (true) {
        long now = System.nanoTime();
        synchronized (this) {
          if (covered + omitted >= routed) {
            return true;
          }
          if (now - notBefore > 0 && now - Math.max(lastAny, notBefore) > quiet.toNanos()) {
            return false;
          }
        }
        if (now - deadline > 0) {
          return false;
        }
        TimeUnit.MILLISECONDS.sleep(50);
      }
    }

    /** Waits until every routed alert has arrived, or {@code timeout}; whether they all did. */
    boolean awaitAll(int routed, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (covered() < routed) {
        if (System.nanoTime() - deadline > 0) {
          return false;
        }
        TimeUnit.MILLISECONDS.sleep(5);
      }
      return true;
    }
  }
}

package io.github.alertrouter.internal.http;

import static io.github.alertrouter.internal.http.ScriptedServer.OK;
import static io.github.alertrouter.internal.http.ScriptedServer.WAIT;
import static io.github.alertrouter.internal.http.ScriptedServer.answer;
import static io.github.alertrouter.internal.http.ScriptedServer.answerAndClose;
import static io.github.alertrouter.internal.http.ScriptedServer.closeWithoutAnswer;
import static io.github.alertrouter.internal.http.ScriptedServer.hold;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.Calls.Outcome;
import io.github.alertrouter.internal.http.ScriptedServer.Request;
import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Kept connections: reused while alive, most recent first, never more than maxPerHost, never a retry. */
class Http11TransportPoolTest {
  static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String KEPT = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nkept"; // nothing says the server will close

  final CountDownLatch release = new CountDownLatch(1);
  ScriptedServer server;

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    server.close();
  }

  static Transport transport(int maxPerHost) {
    return new Http11Transport(Duration.ofSeconds(2), maxPerHost, null, null);
  }

  @Test
  void requestsOneAfterAnotherShareOneConnection() throws Exception {
    server = ScriptedServer.start();
    Transport transport = transport(4);

    for (int i = 0; i < 3; i++) {
      assertThat(Calls.post(transport, server, TIMEOUT).answered().body()).isEqualTo("ok");
    }

    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 1, 1);
  }

  @Test
  void anIdleConnectionIsClosedAfterItsTimeWithoutAnotherRequest() throws Exception {
    server = ScriptedServer.start();
    // a transport nobody posts with again: one a reload left behind
    Transport transport = new Http11Transport(Duration.ofSeconds(2), 4, null, null, Duration.ofMillis(200));
    assertThat(Calls.post(transport, server, TIMEOUT).answered().body()).isEqualTo("ok");

    assertThat(server.ended.await(1, Duration.ofSeconds(5))).as("the client closed its idle connection").isTrue();
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void aKeptConnectionTheServerClosedIsNotUsedAndTheNextRequestIsSentOnce() throws Exception {
    server = ScriptedServer.start(answerAndClose(KEPT), answer(OK));
    Transport transport = transport(4);
    assertThat(Calls.post(transport, server, TIMEOUT).answered().body()).isEqualTo("kept");
    // the server has closed its end (on loopback its FIN is at the client by then)
    assertThat(server.ended.await(1, WAIT)).isTrue();

    Outcome next = Calls.post(transport, server, TIMEOUT);

    assertThat(next.answered().body()).isEqualTo("ok");
    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2);
    assertThat(server.requests.get()).isEqualTo(2);
  }

  @Test
  void theMostRecentlyKeptConnectionIsReusedFirst() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    CountDownLatch second = new CountDownLatch(1);
    server = ScriptedServer.start(hold(first, OK), hold(second, OK), answer(OK));
    Transport transport = transport(4);
    CompletableFuture<Outcome> a = Calls.async(() -> Calls.post(transport, server, TIMEOUT));
    assertThat(server.held.await(1, WAIT)).isTrue();
    CompletableFuture<Outcome> b = Calls.async(() -> Calls.post(transport, server, TIMEOUT));
    assertThat(server.held.await(2, WAIT)).isTrue();

    first.countDown(); // connection 1 is kept first,
    a.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).answered();
    second.countDown(); // then connection 2
    b.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).answered();
    Calls.post(transport, server, TIMEOUT).answered();

    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 2, 2);
  }

  @Test
  void aRequestThatFailsOnAKeptConnectionIsNotSentAgain() throws Exception {
    server = ScriptedServer.start(answer(KEPT), closeWithoutAnswer(), answer(OK));
    Transport transport = transport(4);
    Calls.post(transport, server, TIMEOUT).answered();

    Calls.post(transport, server, TIMEOUT).failedWith(IOException.class);

    assertThat(server.received()).extracting(Request::connection).containsExactly(1, 1);
    assertThat(server.connections.get()).isEqualTo(1);
  }

  @Test
  void neverMoreThanMaxPerHostConnectionsAndEveryRequestEndsOnceReleased() throws Exception {
    server = ScriptedServer.start(hold(release, OK));
    Transport transport = transport(3);
    List<CompletableFuture<Outcome>> calls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      calls.add(Calls.async(() -> Calls.post(transport, server, TIMEOUT)));
    }
    assertThat(server.held.await(3, WAIT)).isTrue();

    // seven callers wait for a connection: none opens a fourth (a broken bound opens it at once)
    assertThat(server.connections.await(4, Duration.ofMillis(300))).isFalse();
    release.countDown();

    for (CompletableFuture<Outcome> call : calls) {
      assertThat(call.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).answered().body()).isEqualTo("ok");
    }
    assertThat(server.requests.get()).isEqualTo(10);
    assertThat(server.maxOpen()).isEqualTo(3);
    assertThat(server.connections.get()).as("the waiting requests reuse the three").isEqualTo(3);
  }

  @Test
  void aRequestWaitingForAConnectionGivesUpAtItsDeadline() throws Exception {
    server = ScriptedServer.start(hold(release, OK));
    Transport transport = transport(1);
    CompletableFuture<Outcome> holding = Calls.async(() -> Calls.post(transport, server, TIMEOUT));
    assertThat(server.held.await(1, WAIT)).isTrue();

    Duration timeout = Duration.ofMillis(300);
    Outcome waiting = Calls.post(transport, server.uri(Calls.PATH), timeout, timeout.multipliedBy(3));

    assertThat(waiting.failedWith(HttpTimeoutException.class)).hasMessageContaining("waiting for a free connection");
    assertThat(waiting.took()).isGreaterThanOrEqualTo(timeout.minusMillis(20)).isLessThan(timeout.multipliedBy(3));
    release.countDown();
    assertThat(holding.get(WAIT.toMillis(), TimeUnit.MILLISECONDS).answered().body()).isEqualTo("ok");
    assertThat(server.connections.get()).isEqualTo(1);
    assertThat(server.requests.get()).isEqualTo(1);
  }
}

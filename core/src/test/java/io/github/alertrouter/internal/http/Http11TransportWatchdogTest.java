package io.github.alertrouter.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.internal.http.Calls.Outcome;
import io.github.alertrouter.spi.Transport;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request the watchdog ends is a timeout, however the race with its thread goes. The watchdog
 * closing a connection wakes the write or read blocked on it before the watchdog's task is done;
 * the transport used to tell a timeout by that task being done, and under load the raw
 * {@code AsynchronousCloseException} got out (in round 1 or 2 of every one of six runs before the
 * fix; a round passes as often as not, hence four).
 */
class Http11TransportWatchdogTest {
  static final Duration TIMEOUT = Duration.ofMillis(300);
  static final int ROUNDS = 4;

  @Test
  void everyRequestTheWatchdogEndsIsAnHttpTimeoutException() throws Exception {
    byte[] big = new byte[16 << 20]; // shared: the writes block once the socket buffers are full
    String slowHead = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
    try (ScriptedServer neverReading = ScriptedServer.neverReading();
        ScriptedServer trickling = ScriptedServer.start(
            ScriptedServer.trickle(slowHead, "x".repeat(1000), Duration.ofMillis(1)))) {
      for (int round = 0; round < ROUNDS; round++) {
        Transport transport = new Http11Transport(Duration.ofSeconds(2), 64, null, null);
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          calls.add(Calls.async(() -> Calls.run(
              () -> transport.post(neverReading.uri(Calls.PATH), Map.of(), big, TIMEOUT), ScriptedServer.WAIT)));
        }
        for (int i = 0; i < 20; i++) {
          calls.add(Calls.async(() -> Calls.post(transport, trickling.uri(Calls.PATH), TIMEOUT, ScriptedServer.WAIT)));
        }

        Map<String, Integer> failures = new TreeMap<>();
        for (CompletableFuture<Outcome> call : calls) {
          Outcome outcome = call.get(ScriptedServer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
          failures.merge(String.valueOf(outcome.failure()), 1, Integer::sum);
          if (outcome.failure() != null) {
            Calls.assertNamesNoSecret(outcome.failure());
          }
        }
        assertThat(failures).as("round %d", round).containsOnlyKeys(new HttpTimeoutException("request timed out").toString());
      }
    }
  }
}

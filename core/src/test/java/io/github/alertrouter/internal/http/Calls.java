package io.github.alertrouter.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.spi.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Transport calls for the tests: each runs on its own thread and is waited for at most a bound, so
 * a call that hangs fails its test instead of hanging the build; a failure is checked to name no
 * part of the URL's path or query, which every call here carries a token in.
 */
final class Calls {
  static final String SECRET = "SECRET123";
  static final String PATH = "/robot/send?access_token=" + SECRET;
  static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  static final byte[] BODY = "{\"msgtype\":\"text\"}".getBytes(StandardCharsets.UTF_8);

  private Calls() {}

  /** A call that may throw what {@link Transport#post} throws. */
  @FunctionalInterface
  interface Call {
    Transport.Response call() throws Exception;
  }

  /** How a call ended: its answer or its failure, and how long it took. */
  record Outcome(Transport.Response response, Throwable failure, Duration took) {
    /** The answer; the test fails if there was none. */
    Transport.Response answered() {
      if (failure != null) {
        throw new AssertionError("expected an answer, but the call failed: " + failure, failure);
      }
      return response;
    }

    /** The failure, checked to be a {@code type} and to name no part of the path or query. */
    Throwable failedWith(Class<? extends Throwable> type) {
      String answer = String.valueOf(response);
      assertThat(failure).as("the call's failure (it answered %s)", answer.substring(0, Math.min(300, answer.length())))
          .isInstanceOf(type);
      assertNamesNoSecret(failure);
      return failure;
    }
  }

  /** Posts {@link #BODY} to {@link #PATH} on {@code server}, waiting at most {@link ScriptedServer#WAIT}. */
  static Outcome post(Transport transport, ScriptedServer server, Duration timeout) {
    return post(transport, server.uri(PATH), timeout, ScriptedServer.WAIT);
  }

  static Outcome post(Transport transport, URI uri, Duration timeout, Duration bound) {
    return run(() -> transport.post(uri, JSON, BODY, timeout), bound);
  }

  /** Runs {@code call} on a thread of its own, waiting at most {@code bound} for it to end. */
  static Outcome run(Call call, Duration bound) {
    FutureTask<Transport.Response> task = new FutureTask<>(call::call);
    Thread thread = new Thread(task, "transport-call");
    thread.setDaemon(true); // a call that hangs (a broken transport) must not keep the JVM alive
    long start = System.nanoTime();
    thread.start();
    try {
      Transport.Response response = task.get(bound.toNanos(), TimeUnit.NANOSECONDS);
      return new Outcome(response, null, Duration.ofNanos(System.nanoTime() - start));
    } catch (ExecutionException e) {
      return new Outcome(null, e.getCause(), Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      return new Outcome(null, new TimeoutException("the call was still running after " + bound), bound);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** {@code call} started on a thread of its own (not a shared pool, which a blocked call would starve). */
  static CompletableFuture<Outcome> async(Supplier<Outcome> call) {
    return CompletableFuture.supplyAsync(call, task -> {
      Thread thread = new Thread(task, "transport-caller");
      thread.setDaemon(true);
      thread.start();
    });
  }

  /** The failure, its causes and what they suppressed name no part of the path or query. */
  static void assertNamesNoSecret(Throwable failure) {
    Deque<Throwable> todo = new ArrayDeque<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      assertThat(t.toString()).as("a failure's message").doesNotContain(SECRET, "access_token", "/robot/send");
      if (t.getCause() != null && t.getCause() != t) {
        todo.add(t.getCause());
      }
      todo.addAll(java.util.List.of(t.getSuppressed()));
    }
  }
}

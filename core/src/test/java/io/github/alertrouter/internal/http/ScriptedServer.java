package io.github.alertrouter.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A raw HTTP/1.1 server on 127.0.0.1 for the transport's tests. A thread per connection reads each
 * request whole (its head, then a {@code Content-Length} body), records its bytes, and does what the
 * test scripted for it: answer these bytes, answer and close, close without answering, stay silent,
 * trickle, hold until released. It counts what a client cannot hide from it: connections accepted
 * and open at once, requests read, connections ended. Request {@code n} (from 0, over all
 * connections) gets step {@code n}, the last step repeating. Every wait is bounded.
 */
final class ScriptedServer implements AutoCloseable {
  /** The bound of every wait in these tests' fixtures: far over what any step takes. */
  static final Duration WAIT = Duration.ofSeconds(10);
  static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
  private static final Pattern LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$");

  /** What the server does with a request it has read; true to read the next one on the connection. */
  @FunctionalInterface
  interface Step {
    boolean act(Exchange exchange) throws IOException, InterruptedException;
  }

  /** A request as received: the connection (from 1) that brought it, its head as text, its body. */
  record Request(int connection, String head, byte[] body) {
    String line() {
      return head.substring(0, head.indexOf("\r\n"));
    }
  }

  /** A request being answered. */
  record Exchange(Request request, InputStream in, OutputStream out, ScriptedServer server) {
    void send(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Answers with these bytes and reads the next request. */
  static Step answer(String raw) {
    return answer(bytes(raw));
  }

  static Step answer(byte[] raw) {
    return exchange -> send(exchange, raw, true);
  }

  /** Answers with these bytes, then closes the connection. */
  static Step answerAndClose(String raw) {
    return answerAndClose(bytes(raw));
  }

  static Step answerAndClose(byte[] raw) {
    return exchange -> send(exchange, raw, false);
  }

  private static boolean send(Exchange exchange, byte[] raw, boolean next) throws IOException {
    exchange.send(raw);
    return next;
  }

  /** Closes the connection without a byte of answer. */
  static Step closeWithoutAnswer() {
    return exchange -> false;
  }

  /** Never answers: reads until the client goes away (or the server stops). */
  static Step silent() {
    return exchange -> {
      while (exchange.in().read() >= 0) {
        // whatever the client sends is not answered
      }
      return false;
    };
  }

  /** Sends {@code sendAtOnce}, then {@code trickled} one byte every {@code every}, then closes. */
  static Step trickle(String sendAtOnce, String trickled, Duration every) {
    return exchange -> {
      exchange.send(bytes(sendAtOnce));
      for (byte b : bytes(trickled)) {
        Thread.sleep(every.toMillis()); // the behaviour under test, not a synchronisation
        exchange.send(new byte[] {b});
      }
      return false;
    };
  }

  /** Counts the request as held, waits (bounded) for {@code release}, then answers {@code raw}. */
  static Step hold(CountDownLatch release, String raw) {
    return exchange -> {
      exchange.server().held.add();
      if (!release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        return false;
      }
      exchange.send(bytes(raw));
      return true;
    };
  }

  /** Connections accepted, requests read whole, requests held by {@link #hold}, connections ended (closed here). */
  final Tally connections = new Tally();
  final Tally requests = new Tally();
  final Tally held = new Tally();
  final Tally ended = new Tally();
  private final ServerSocket listener;
  private final boolean reads;
  private final List<Step> steps;
  private final List<Request> received = new ArrayList<>(); // guarded by this
  private final List<Socket> sockets = new ArrayList<>(); // guarded by this
  private final List<Thread> threads = new ArrayList<>(); // guarded by this
  private final CountDownLatch stopped = new CountDownLatch(1);
  private int open; // guarded by this
  private int maxOpen; // guarded by this

  private ScriptedServer(SSLContext tls, boolean reads, Step... steps) throws IOException {
    InetSocketAddress at = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    this.listener = tls == null ? new ServerSocket() : tls.getServerSocketFactory().createServerSocket();
    listener.bind(at);
    this.reads = reads;
    this.steps = List.of(steps.length == 0 ? new Step[] {answer(OK)} : steps);
    Thread acceptor = new Thread(this::accept, "scripted-server-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  static ScriptedServer start(Step... steps) throws IOException {
    return new ScriptedServer(null, true, steps);
  }

  /** Serves TLS from {@code tls} (its key manager holds the server's certificate). */
  static ScriptedServer tls(SSLContext tls, Step... steps) throws IOException {
    return new ScriptedServer(tls, true, steps);
  }

  /** Accepts connections and never reads a byte from them. */
  static ScriptedServer neverReading() throws IOException {
    return new ScriptedServer(null, false);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** {@code http://127.0.0.1:port} (or https) followed by {@code pathAndQuery}. */
  URI uri(String pathAndQuery) {
    return URI.create((listener instanceof SSLServerSocket ? "https" : "http")
        + "://127.0.0.1:" + port() + pathAndQuery);
  }

  synchronized List<Request> received() {
    return List.copyOf(received);
  }

  /** The most connections that were open at once. */
  synchronized int maxOpen() {
    return maxOpen;
  }

  private void accept() {
    for (int id = 1; ; id++) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return; // stopped
      }
      int connection = id;
      Thread thread = new Thread(() -> serve(socket, connection), "scripted-server-" + id);
      thread.setDaemon(true);
      synchronized (this) {
        if (stopped.getCount() == 0) {
          closeQuietly(socket);
          return;
        }
        sockets.add(socket);
        threads.add(thread);
        maxOpen = Math.max(maxOpen, ++open);
      }
      connections.add();
      thread.start();
    }
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      if (!reads) {
        stopped.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
      for (Request request = read(in, connection); request != null; request = read(in, connection)) {
        Step step;
        synchronized (this) {
          step = steps.get(Math.min(received.size(), steps.size() - 1));
          received.add(request);
        }
        requests.add();
        if (!step.act(new Exchange(request, in, socket.getOutputStream(), this))) {
          return;
        }
      }
    } catch (IOException | InterruptedException e) {
      // the client went away, the TLS handshake failed, or the test is over
    } finally {
      synchronized (this) {
        open--;
      }
      ended.add();
    }
  }

  /** The next request on the connection, or null when the client closed it between requests. */
  private static Request read(InputStream in, int connection) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0; // of "\r\n\r\n"
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new EOFException("request cut short");
      }
      head.write(b);
      matched = b == "\r\n".charAt(matched % 2) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    Matcher length = LENGTH.matcher(text);
    byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    return new Request(connection, text, body);
  }

  @Override
  public void close() throws InterruptedException {
    stopped.countDown();
    List<Thread> running;
    synchronized (this) {
      sockets.forEach(ScriptedServer::closeQuietly);
      running = List.copyOf(threads);
    }
    closeQuietly(listener);
    long end = System.nanoTime() + WAIT.toNanos();
    for (Thread thread : running) {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
    }
  }

  static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      // closed either way
    }
  }
}

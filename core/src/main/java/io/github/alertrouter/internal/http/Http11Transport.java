package io.github.alertrouter.internal.http;

import io.github.alertrouter.spi.Transport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@link Transport} over the JDK's sockets and TLS: HTTP/1.1, made for posting webhooks.
 *
 * <ul>
 *   <li><b>One deadline per request</b>, from its first byte to its last: connecting, TLS, writing
 *       and every read wait only for what is left of it, and a watchdog closes the connection if
 *       a write outlives it. A timeout is an {@link HttpTimeoutException}.
 *   <li><b>Never a retry</b>: a request that fails is reported; whether to send again is the
 *       caller's decision (a POST the server may have received is not repeated behind its back).
 *   <li><b>Connections kept and bounded per host</b>: at most {@code maxPerHost} open to one
 *       scheme, host and port, a request waiting (within its deadline) for one to be free; idle ones
 *       are reused most recent first, checked without waiting that the server has not closed them,
 *       and closed after {@link #KEEP_IDLE} unused, whether or not another request comes.
 *   <li><b>TLS</b> from the given {@link SSLContext} or the JDK's default (looked up on the first
 *       https request: it reads the trust store), with the host name checked against the
 *       certificate.
 *   <li><b>Proxies</b>: an HTTP proxy named by the JVM's {@link ProxySelector} (the
 *       {@code https.proxyHost} and {@code http.proxyHost} properties), https through a
 *       {@code CONNECT} tunnel; SOCKS proxies and proxy authentication are not supported (nor are
 *       they by the JDK's {@code HttpClient} without an authenticator).
 * </ul>
 * Exception messages name the host at most, never the path or query (they hold the webhook's
 * token). Thread-safe.
 */
public final class Http11Transport implements Transport {
  /** Connections open to one scheme, host and port at a time, in use or idle. */
  public static final int DEFAULT_MAX_PER_HOST = 128;
  /** How long a kept connection may sit unused: servers close idle ones, commonly after 60 s. */
  public static final Duration KEEP_IDLE = Duration.ofSeconds(30);

  private final Duration connectTimeout;
  private final int maxPerHost;
  private final SSLContext tls;
  private final ProxySelector proxies;
  private final long keepIdleNanos;
  private final ConcurrentHashMap<Origin, Pool> pools = new ConcurrentHashMap<>();
  private final Watchdog watchdog = new Watchdog();
  private volatile SSLSocketFactory sockets;

  /**
   * @param connectTimeout how long opening a connection may take (the request's deadline bounds it too)
   * @param maxPerHost connections open to one origin at a time, at least 1
   * @param tls the TLS context, or {@code null} for the JDK's default
   * @param proxies where proxies are found, or {@code null} for the JVM's default selector
   */
  public Http11Transport(Duration connectTimeout, int maxPerHost, SSLContext tls, ProxySelector proxies) {
    this(connectTimeout, maxPerHost, tls, proxies, KEEP_IDLE);
  }

  /** As above, with idle connections closed after {@code keepIdle} (tests make it short). */
  Http11Transport(Duration connectTimeout, int maxPerHost, SSLContext tls, ProxySelector proxies, Duration keepIdle) {
    this.keepIdleNanos = keepIdle.toNanos();
    this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxPerHost < 1) {
      throw new IllegalArgumentException("maxPerHost must be >= 1, but was " + maxPerHost);
    }
    this.maxPerHost = maxPerHost;
    this.tls = tls;
    this.proxies = proxies;
  }

  @Override
  public Response post(URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
    Origin origin = Origin.of(uri);
    RequestHead head = new RequestHead(uri, origin, headers, body.length);
    long deadline = System.nanoTime() + timeout.toNanos(); // a network deadline: real time, not the router's clock
    Pool pool = pools.computeIfAbsent(origin, o -> new Pool(maxPerHost, keepIdleNanos, watchdog));
    pool.acquire(origin, deadline);
    Connection connection = null;
    boolean keep = false;
    try {
      connection = pool.take();
      if (connection == null) {
        connection = open(uri, origin, deadline);
      }
      Future<?> abort = watchdog.closeAt(connection, deadline);
      try {
        AnswerReader.Answer answer = connection.exchange(head, body, deadline);
        keep = answer.reusable();
        return answer.response();
      } catch (IOException e) {
        // the deadline, not abort.isDone(): the watchdog's close wakes this thread before its task is done
        throw System.nanoTime() - deadline >= 0 && !(e instanceof HttpTimeoutException)
            ? new HttpTimeoutException("request timed out") : e;
      } finally {
        keep &= abort.cancel(false); // false: the watchdog closed it
      }
    } finally {
      if (keep) {
        pool.keep(connection);
      } else if (connection != null) {
        connection.close();
      }
      pool.release();
    }
  }

  private Connection open(URI uri, Origin origin, long deadline) throws IOException {
    Proxy proxy = proxyFor(uri);
    InetSocketAddress to = proxy == null ? origin.address() : (InetSocketAddress) proxy.address();
    if (to.isUnresolved()) {
      to = new InetSocketAddress(to.getHostString(), to.getPort()); // DNS: not bounded by the deadline, as in the JDK's client
      if (to.isUnresolved()) {
        throw new UnknownHostException(to.getHostString());
      }
    }
    SocketChannel channel = SocketChannel.open();
    try {
      Socket socket = channel.socket();
      socket.setTcpNoDelay(true); // a request is written whole: Nagle would only hold its last segment back
      long connectNanos = Math.min(connectTimeout.toNanos(), deadline - System.nanoTime());
      if (connectNanos <= 0) {
        throw new HttpConnectTimeoutException("connect timed out");
      }
      try {
        socket.connect(to, (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(connectNanos)));
      } catch (SocketTimeoutException e) {
        throw new HttpConnectTimeoutException("connect to " + origin.host() + " timed out");
      }
      if (proxy != null && origin.secure()) {
        tunnel(socket, origin, deadline);
      }
      return new Connection(channel, origin.secure() ? handshake(socket, origin, deadline) : socket,
          proxy != null && !origin.secure());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private Proxy proxyFor(URI uri) {
    ProxySelector selector = proxies != null ? proxies : ProxySelector.getDefault();
    if (selector == null) {
      return null;
    }
    List<Proxy> found = selector.select(uri);
    // the first HTTP proxy, as the JDK's client picks; anything else is a direct connection
    return found == null || found.isEmpty() || found.get(0).type() != Proxy.Type.HTTP
        || !(found.get(0).address() instanceof InetSocketAddress) ? null : found.get(0);
  }

  /** Asks an HTTP proxy for a tunnel to {@code origin}. */
  private static void tunnel(Socket socket, Origin origin, long deadline) throws IOException {
    String authority = origin.hostName().contains(":") ? "[" + origin.hostName() + "]:" + origin.port() : origin.toString();
    OutputStream out = socket.getOutputStream();
    out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    // the proxy's answer to CONNECT has no body; nothing else comes before the TLS handshake
    int status = new AnswerReader(socket).head(deadline).status();
    if (status / 100 != 2) {
      throw new IOException("the proxy refused a tunnel to " + origin.host() + ": HTTP " + status);
    }
  }

  private Socket handshake(Socket socket, Origin origin, long deadline) throws IOException {
    SSLSocket tlsSocket = (SSLSocket) factory().createSocket(socket, origin.hostName(), origin.port(), true);
    SSLParameters parameters = tlsSocket.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
    tlsSocket.setSSLParameters(parameters);
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new HttpTimeoutException("request timed out");
    }
    tlsSocket.setSoTimeout((int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
    try {
      tlsSocket.startHandshake();
    } catch (SocketTimeoutException e) {
      throw new HttpTimeoutException("request timed out");
    }
    return tlsSocket;
  }

  private SSLSocketFactory factory() throws IOException {
    SSLSocketFactory factory = sockets;
    if (factory == null) {
      try {
        factory = (tls != null ? tls : SSLContext.getDefault()).getSocketFactory();
      } catch (NoSuchAlgorithmException | IllegalStateException e) {
        throw new IOException("no TLS context: " + e.getMessage(), e); // a broken trust store: this send fails, the next tries again
      }
      sockets = factory;
    }
    return factory;
  }

  /**
   * The connections to one origin: a permit per open connection, the idle ones most recent first.
   * While any is idle a sweep is scheduled that closes those unused for the keep-idle time, so
   * none outlives it by more than that even when no request comes again (a transport left behind
   * by a reload, a server that closed its end): no descriptor held for nothing.
   */
  private static final class Pool {
    private final Semaphore open;
    private final long keepIdleNanos;
    private final Watchdog watchdog;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>(); // guarded by this
    private boolean sweeping; // guarded by this

    Pool(int max, long keepIdleNanos, Watchdog watchdog) {
      this.open = new Semaphore(max);
      this.keepIdleNanos = keepIdleNanos;
      this.watchdog = watchdog;
    }

    void acquire(Origin origin, long deadline) throws IOException {
      try {
        if (!open.tryAcquire() && !open.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          throw new HttpTimeoutException("request timed out waiting for a free connection to " + origin.host());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for a connection", e);
      }
    }

    void release() {
      open.release();
    }

    /** A kept connection still usable, or null. */
    Connection take() {
      long now = System.nanoTime();
      while (true) {
        Connection c;
        synchronized (this) {
          c = idle.pollFirst();
        }
        if (c == null) {
          return null;
        }
        if (now - c.idleSince() < keepIdleNanos && c.reusable()) {
          return c;
        }
        c.close();
      }
    }

    void keep(Connection connection) {
      connection.idleSince(System.nanoTime());
      boolean schedule;
      synchronized (this) {
        idle.addFirst(connection);
        schedule = !sweeping;
        sweeping = true;
      }
      if (schedule) {
        watchdog.after(keepIdleNanos, this::sweep);
      }
    }

    private void sweep() {
      List<Connection> expired = new ArrayList<>();
      long next;
      synchronized (this) {
        long now = System.nanoTime();
        while (!idle.isEmpty() && now - idle.peekLast().idleSince() >= keepIdleNanos) {
          expired.add(idle.pollLast());
        }
        sweeping = !idle.isEmpty();
        next = sweeping ? idle.peekLast().idleSince() + keepIdleNanos - now : 0;
      }
      expired.forEach(Connection::close);
      if (next > 0) {
        watchdog.after(next, this::sweep);
      }
    }
  }

  /**
   * Closes a connection whose request outlived its deadline, and idle ones past their time; one
   * thread, started when first needed, gone after 30 s with nothing to do.
   */
  private static final class Watchdog {
    private volatile ScheduledThreadPoolExecutor timer;

    Future<?> closeAt(Connection connection, long deadline) {
      return timer().schedule(connection::close, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    void after(long nanos, Runnable task) {
      timer().schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    private ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor t = timer;
      if (t == null) {
        synchronized (this) {
          t = timer;
          if (t == null) {
            t = new ScheduledThreadPoolExecutor(1, r -> {
              Thread thread = new Thread(r, "alert-router-watchdog");
              thread.setDaemon(true);
              return thread;
            });
            t.setRemoveOnCancelPolicy(true); // most requests end in time: their tasks must not pile up
            t.setKeepAliveTime(30, TimeUnit.SECONDS);
            t.allowCoreThreadTimeOut(true);
            timer = t;
          }
        }
      }
      return t;
    }
  }
}

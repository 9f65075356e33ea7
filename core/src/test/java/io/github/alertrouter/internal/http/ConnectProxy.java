package io.github.alertrouter.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny HTTP proxy on 127.0.0.1: {@code CONNECT host:port} is answered 200 and piped both ways;
 * any other request (the absolute form plain http sends) is forwarded to the host it names and
 * piped. It records every request line it gets. A refusing proxy answers every CONNECT with a
 * status of the test's choosing instead.
 */
final class ConnectProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final String refusal;
  private final List<String> lines = new ArrayList<>(); // guarded by this
  private final List<Socket> sockets = new ArrayList<>(); // guarded by this
  private boolean stopped; // guarded by this

  private ConnectProxy(String refusal) throws IOException {
    this.refusal = refusal;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    daemon("proxy-accept", this::accept);
  }

  static ConnectProxy start() throws IOException {
    return new ConnectProxy(null);
  }

  /** A proxy answering every CONNECT with {@code statusLine} and its headers (no body). */
  static ConnectProxy refusing(String statusAndHeaders) throws IOException {
    return new ConnectProxy(statusAndHeaders);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
  }

  synchronized List<String> requestLines() {
    return List.copyOf(lines);
  }

  private void accept() {
    while (true) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return;
      }
      if (track(client)) {
        daemon("proxy-client", () -> serve(client));
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = new BufferedInputStream(client.getInputStream());
      String head = head(in);
      String line = head.substring(0, head.indexOf("\r\n"));
      synchronized (this) {
        lines.add(line);
      }
      String[] parts = line.split(" ");
      OutputStream out = client.getOutputStream();
      if (parts[0].equals("CONNECT")) {
        if (refusal != null) {
          out.write(refusal.getBytes(StandardCharsets.ISO_8859_1));
          out.flush();
          client.close();
          return;
        }
        int colon = parts[1].lastIndexOf(':');
        Socket target = new Socket(parts[1].substring(0, colon), Integer.parseInt(parts[1].substring(colon + 1)));
        track(target);
        out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        pipe(in, client, target, new byte[0]);
      } else {
        URI uri = URI.create(parts[1]);
        Socket target = new Socket(uri.getHost(), uri.getPort());
        track(target);
        pipe(in, client, target, head.getBytes(StandardCharsets.ISO_8859_1));
      }
    } catch (IOException | RuntimeException e) {
      ScriptedServer.closeQuietly(client);
    }
  }

  /** Sends {@code first} and what follows from the client to the target, and the target's bytes back. */
  private void pipe(InputStream fromClient, Socket client, Socket target, byte[] first) throws IOException {
    OutputStream toTarget = target.getOutputStream();
    toTarget.write(first);
    toTarget.flush();
    daemon("proxy-back", () -> copy(target, client));
    copy(fromClient, toTarget, client, target);
  }

  private static void copy(Socket from, Socket to) {
    try {
      copy(from.getInputStream(), to.getOutputStream(), from, to);
    } catch (IOException e) {
      ScriptedServer.closeQuietly(from);
      ScriptedServer.closeQuietly(to);
    }
  }

  private static void copy(InputStream in, OutputStream out, Socket from, Socket to) {
    byte[] buf = new byte[16 << 10];
    try {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      ScriptedServer.closeQuietly(from);
      ScriptedServer.closeQuietly(to);
    }
  }

  private static String head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the client went away");
      }
      head.write(b);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private synchronized boolean track(Socket socket) {
    if (stopped) {
      ScriptedServer.closeQuietly(socket);
      return false;
    }
    sockets.add(socket);
    return true;
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void close() {
    stopped = true;
    ScriptedServer.closeQuietly(listener);
    sockets.forEach(ScriptedServer::closeQuietly);
  }
}

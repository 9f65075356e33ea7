package io.github.alertrouter.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One open connection: the TCP channel, the socket requests go through (TLS over the channel, or
 * the channel's own), and the reader of its answers. Used by one request at a time.
 */
final class Connection {
  // below this a request is copied into one write: one TLS record, one segment on the wire
  private static final int ONE_WRITE = 16 << 10;

  private final SocketChannel channel;
  private final OutputStream out;
  private final AnswerReader in;
  private final boolean absoluteForm;
  private final ByteBuffer peek = ByteBuffer.allocate(1); // for reusable(): nothing is ever kept in it
  private long idleSince;

  /**
   * @param channel the TCP connection
   * @param socket what requests are written to: TLS over {@code channel}, or its own socket
   * @param absoluteForm the connection goes to a proxy in plain HTTP: requests name the whole URL
   */
  Connection(SocketChannel channel, Socket socket, boolean absoluteForm) throws IOException {
    this.channel = channel;
    this.out = socket.getOutputStream();
    this.in = new AnswerReader(socket);
    this.absoluteForm = absoluteForm;
  }

  /** Writes the request and reads its answer by {@code deadline} ({@link System#nanoTime()}). */
  AnswerReader.Answer exchange(RequestHead head, byte[] body, long deadline) throws IOException {
    byte[] start = head.encode(absoluteForm);
    if (start.length + body.length <= ONE_WRITE) {
      byte[] all = new byte[start.length + body.length];
      System.arraycopy(start, 0, all, 0, start.length);
      System.arraycopy(body, 0, all, start.length, body.length);
      out.write(all);
    } else {
      out.write(start);
      out.write(body);
    }
    out.flush();
    return in.read(deadline);
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  long idleSince() {
    return idleSince;
  }

  /**
   * Whether a kept connection can carry another request: the server has neither closed it nor sent
   * anything unasked. Checked without waiting, by one non-blocking read of the TCP channel (a byte
   * there, even a TLS close alert, means the connection is not one to reuse).
   */
  boolean reusable() {
    if (in.buffered() > 0 || !channel.isOpen()) {
      return false;
    }
    try {
      channel.configureBlocking(false);
      int n = channel.read(peek.clear());
      channel.configureBlocking(true);
      return n == 0;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Closes the TCP connection at once (no TLS close alert: it could wait on a server that reads nothing). */
  void close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closed either way
    }
  }
}

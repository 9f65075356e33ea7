package io.github.alertrouter.internal.http;

import io.github.alertrouter.spi.Transport.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads HTTP/1.1 answers from one connection: status line, headers, and a body framed by
 * {@code Content-Length}, chunks, or the end of the connection; interim {@code 1xx} answers are
 * skipped. Every read waits at most until the request's deadline, so a server that trickles its
 * answer cannot hold a request past it. Answers are bounded (16 KiB per header line, 64 KiB of
 * headers, {@link #MAX_BODY} of body): a platform answers with a few hundred bytes. Not
 * thread-safe: one per connection.
 */
final class AnswerReader {
  /** The largest body read; a bigger one fails the request. */
  static final int MAX_BODY = 4 << 20;
  private static final int MAX_HEAD = 64 << 10;
  private static final byte[] NONE = new byte[0];

  /** An answer and whether the connection can carry the next request. */
  record Answer(Response response, boolean reusable) {}

  private final Socket socket;
  private final InputStream in;
  private final byte[] buf = new byte[16 << 10];
  private int pos;
  private int end;

  AnswerReader(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  /** Bytes received and not read yet: after a whole answer, something the server sent unasked. */
  int buffered() {
    return end - pos;
  }

  /** A status line and headers (names in lower case). */
  record Head(String statusLine, int status, Map<String, List<String>> headers) {}

  /** The next final answer, read by {@code deadline} ({@link System#nanoTime()}). */
  Answer read(long deadline) throws IOException {
    Head head = head(deadline);
    while (head.status() < 200) {
      if (head.status() == 101) {
        throw new IOException("unexpected 101 Switching Protocols");
      }
      head = head(deadline); // 100 Continue, 103 Early Hints: the final answer follows
    }
    int status = head.status();
    Map<String, List<String>> headers = head.headers();
    boolean keep = keepAlive(head.statusLine(), headers);
    byte[] body;
    String coding = last(headers, "transfer-encoding");
    if (status == 204 || status == 304) {
      body = NONE;
    } else if (coding != null) {
      if (!coding.toLowerCase(Locale.ROOT).endsWith("chunked")) {
        body = toEnd(deadline); // a coding without chunks ends with the connection
        keep = false;
      } else {
        body = chunked(deadline);
      }
    } else if (headers.containsKey("content-length")) {
      body = fixed(length(headers.get("content-length")), deadline);
    } else {
      body = toEnd(deadline);
      keep = false;
    }
    return new Answer(new Response(status, new String(body, StandardCharsets.UTF_8), headers), keep && buffered() == 0);
  }

  /** The status line and headers of the next answer, interim or final; the body is not read. */
  Head head(long deadline) throws IOException {
    String statusLine = line(deadline, 0);
    int status = status(statusLine);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    int size = statusLine.length();
    for (String line = line(deadline, size); !line.isEmpty(); line = line(deadline, size)) {
      size += line.length();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new IOException("malformed header line in the answer");
      }
      headers.computeIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
          .add(line.substring(colon + 1).strip());
    }
    return new Head(statusLine, status, headers);
  }

  private static int status(String line) throws IOException {
    // "HTTP/1.1 200 OK"; the reason may be empty or missing
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("the server did not answer in HTTP/1.x");
    }
    try {
      int status = Integer.parseInt(line.substring(9, 12));
      if (status < 100 || (line.length() > 12 && line.charAt(12) != ' ')) {
        throw new NumberFormatException();
      }
      return status;
    } catch (NumberFormatException e) {
      throw new IOException("malformed status line in the answer");
    }
  }

  private static boolean keepAlive(String statusLine, Map<String, List<String>> headers) {
    boolean close = false;
    boolean keep = false;
    for (String value : headers.getOrDefault("connection", List.of())) {
      for (String token : value.split(",")) {
        close |= token.strip().equalsIgnoreCase("close");
        keep |= token.strip().equalsIgnoreCase("keep-alive");
      }
    }
    return !close && (statusLine.startsWith("HTTP/1.1") || keep);
  }

  private static String last(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : String.join(",", values).strip();
  }

  private static int length(List<String> values) throws IOException {
    long length = -1;
    for (String value : values) {
      for (String part : value.split(",")) {
        long n;
        try {
          n = Long.parseLong(part.strip());
        } catch (NumberFormatException e) {
          throw new IOException("malformed Content-Length in the answer");
        }
        if (n < 0 || (length >= 0 && n != length)) {
          throw new IOException("malformed Content-Length in the answer");
        }
        length = n;
      }
    }
    if (length > MAX_BODY) {
      throw new IOException("answer body of " + length + " bytes is over the " + MAX_BODY + " this client reads");
    }
    return (int) length;
  }

  private byte[] fixed(int length, long deadline) throws IOException {
    byte[] body = new byte[length];
    int got = 0;
    while (got < length) {
      if (pos == end && !fill(deadline)) {
        throw new IOException("the server closed the connection in the middle of the answer");
      }
      int n = Math.min(length - got, end - pos);
      System.arraycopy(buf, pos, body, got, n);
      pos += n;
      got += n;
    }
    return body;
  }

  private byte[] chunked(long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(deadline, 0);
      int semicolon = sizeLine.indexOf(';');
      long size;
      try {
        size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size in the answer");
      }
      if (size < 0 || body.size() + size > MAX_BODY) {
        throw new IOException("answer body is over the " + MAX_BODY + " bytes this client reads");
      }
      if (size == 0) {
        for (int trailers = 0; !line(deadline, trailers).isEmpty(); trailers++) {
          // trailers carry nothing a webhook answer needs
        }
        return body.toByteArray();
      }
      body.writeBytes(fixed((int) size, deadline));
      if (!line(deadline, 0).isEmpty()) {
        throw new IOException("malformed chunk in the answer");
      }
    }
  }

  private byte[] toEnd(long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    do {
      if (body.size() + (end - pos) > MAX_BODY) {
        throw new IOException("answer body is over the " + MAX_BODY + " bytes this client reads");
      }
      body.write(buf, pos, end - pos);
      pos = end;
    } while (fill(deadline));
    return body.toByteArray();
  }

  /** One line without its CRLF (a bare LF is accepted), as ISO-8859-1 text. */
  private String line(long deadline, int headSoFar) throws IOException {
    while (true) {
      for (int i = pos; i < end; i++) {
        if (buf[i] == '\n') {
          int stop = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
          String line = new String(buf, pos, stop - pos, StandardCharsets.ISO_8859_1);
          pos = i + 1;
          return line;
        }
      }
      if (end - pos == buf.length || headSoFar + (end - pos) > MAX_HEAD) {
        throw new IOException("answer header is too long");
      }
      if (!fill(deadline)) {
        throw new IOException(end == 0 && pos == 0
            ? "the server closed the connection without answering"
            : "the server closed the connection in the middle of the answer");
      }
    }
  }

  /** Reads more, waiting until {@code deadline} at most; false at the end of the connection. */
  private boolean fill(long deadline) throws IOException {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      throw new HttpTimeoutException("request timed out");
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
    int n;
    try {
      n = in.read(buf, end, buf.length - end);
    } catch (SocketTimeoutException e) {
      throw new HttpTimeoutException("request timed out");
    }
    if (n < 0) {
      return false;
    }
    end += n;
    return true;
  }
}

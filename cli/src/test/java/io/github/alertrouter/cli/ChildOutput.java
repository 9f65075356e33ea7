package io.github.alertrouter.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** A child process's output stream, drained on its own thread (a full pipe would block the child). */
final class ChildOutput {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Thread reader;

  private ChildOutput(InputStream in) {
    reader = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          synchronized (bytes) {
            bytes.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }, "child-output");
    reader.setDaemon(true);
  }

  static ChildOutput of(InputStream in) {
    ChildOutput output = new ChildOutput(in);
    output.reader.start();
    return output;
  }

  String text() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Waits (at most 10 s) until the child closed the stream: everything it wrote is here. */
  void await() throws InterruptedException {
    reader.join(TimeUnit.SECONDS.toMillis(10));
  }
}

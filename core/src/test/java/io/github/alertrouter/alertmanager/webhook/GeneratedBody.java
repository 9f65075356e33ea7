package io.github.alertrouter.alertmanager.webhook;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body {@code prefix + unit (+ separator + unit)* + suffix} made up on the fly, so a test can
 * offer a 50 MB body without holding it; counts the bytes actually pulled from it.
 */
final class GeneratedBody extends InputStream {
  private final byte[][] parts;
  private final long repeats;
  private long emittedUnits;
  private int part; // 0 prefix, 1 unit, 2 separator, 3 suffix, 4 end
  private int pos;
  private long served;

  GeneratedBody(String prefix, String unit, String separator, long repeats, String suffix) {
    this.parts = new byte[][] {bytes(prefix), bytes(unit), bytes(separator), bytes(suffix)};
    this.repeats = repeats;
  }

  /** Total length of the body if read to the end. */
  long length() {
    return parts[0].length + repeats * parts[1].length
        + Math.max(0, repeats - 1) * parts[2].length + parts[3].length;
  }

  long served() {
    return served;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    if (len == 0) {
      return 0;
    }
    while (part < 4 && pos == parts[part].length) {
      advance();
    }
    if (part == 4) {
      return -1;
    }
    int n = Math.min(len, parts[part].length - pos);
    System.arraycopy(parts[part], pos, b, off, n);
    pos += n;
    served += n;
    return n;
  }

  /** Claims far more than it has, so a reader that trusted it would be misled. */
  @Override
  public int available() {
    return Integer.MAX_VALUE;
  }

  private void advance() {
    pos = 0;
    switch (part) {
      case 0 -> part = repeats == 0 ? 3 : 1;
      case 1 -> {
        emittedUnits++;
        part = emittedUnits < repeats ? 2 : 3;
      }
      case 2 -> part = 1;
      default -> part = 4;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}

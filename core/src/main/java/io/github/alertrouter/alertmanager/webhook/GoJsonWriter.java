package io.github.alertrouter.alertmanager.webhook;

import io.github.alertrouter.internal.text.GoStrings;
import java.util.Arrays;
import java.util.Map;

/**
 * Appends JSON to a growing byte array exactly as Go's {@code encoding/json} (Go 1.19, the Go that
 * built Alertmanager 0.25) writes it: compact, map keys in byte order, {@code <>&} and U+2028/U+2029
 * escaped, other control characters as six-character escapes with lower-case hex (backspace and
 * form feed included: only Go 1.22 started writing those as two-character escapes), and non-ASCII as raw UTF-8. Not
 * thread-safe; one instance per write.
 */
final class GoJsonWriter {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private byte[] buf;
  private int len;

  GoJsonWriter(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }

  GoJsonWriter raw(char ascii) {
    ensure(1);
    buf[len++] = (byte) ascii;
    return this;
  }

  GoJsonWriter raw(String ascii) {
    ensure(ascii.length());
    for (int i = 0; i < ascii.length(); i++) {
      buf[len++] = (byte) ascii.charAt(i);
    }
    return this;
  }

  /** {@code "name":} for a member whose name needs no escaping. */
  GoJsonWriter name(String asciiName) {
    return raw('"').raw(asciiName).raw("\":");
  }

  GoJsonWriter string(String s) {
    ensure(s.length() + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        ascii(c);
      } else if (c == '\u2028' || c == '\u2029') {
        // Go escapes these because JavaScript treats them as line ends inside string literals.
        raw("\\u202").raw(c == '\u2028' ? '8' : '9');
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        utf8(Character.toCodePoint(c, s.charAt(++i)));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate came from an escaped lone surrogate in JSON; Go decodes that to U+FFFD, so Go
        // writer would emit U+FFFD (and Fingerprint hashes it as U+FFFD too).
        utf8(0xfffd);
      } else {
        utf8(c);
      }
    }
    ensure(1);
    buf[len++] = '"';
    return this;
  }

  /** A JSON object of string values, keys in UTF-8 byte order as Go sorts map keys. */
  GoJsonWriter stringMap(Map<String, String> map) {
    raw('{');
    String[] keys = map.keySet().toArray(new String[0]);
    // Maps may iterate in String.compareTo (UTF-16) order, which differs from Go's byte order only
    // for supplementary characters against U+E000..U+FFFF; re-sorting a handful of keys is cheap.
    Arrays.sort(keys, GoStrings.ORDER);
    for (int k = 0; k < keys.length; k++) {
      if (k > 0) {
        raw(',');
      }
      string(keys[k]).raw(':').string(map.get(keys[k]));
    }
    return raw('}');
  }

  private void ascii(char c) {
    ensure(6);
    switch (c) {
      case '"', '\\' -> {
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      }
      case '\n' -> escape('n');
      case '\r' -> escape('r');
      case '\t' -> escape('t');
      case '<', '>', '&' -> unicodeEscape(c);
      default -> {
        if (c < 0x20) {
          unicodeEscape(c);
        } else {
          buf[len++] = (byte) c;
        }
      }
    }
  }

  private void escape(char letter) {
    buf[len++] = '\\';
    buf[len++] = (byte) letter;
  }

  private void unicodeEscape(char c) {
    buf[len++] = '\\';
    buf[len++] = 'u';
    buf[len++] = '0';
    buf[len++] = '0';
    buf[len++] = HEX[c >> 4];
    buf[len++] = HEX[c & 0xf];
  }

  private void utf8(int cp) {
    ensure(4);
    if (cp < 0x800) {
      buf[len++] = (byte) (0xc0 | (cp >> 6));
    } else if (cp < 0x10000) {
      buf[len++] = (byte) (0xe0 | (cp >> 12));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    } else {
      buf[len++] = (byte) (0xf0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
    }
    buf[len++] = (byte) (0x80 | (cp & 0x3f));
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
    }
  }
}

package io.github.alertrouter.store.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The journal's bytes. The first line is a header naming the format and its version:
 *
 * <pre>{@code {"format":"alert-router-journal","version":2}}</pre>
 *
 * then one record per line: the CRC32C of the JSON (8 hex digits), a space, the JSON, a newline:
 *
 * <pre>{@code 1c2f09a4 {"t":"alerts.receive","p":{"now":"…","alerts":[…]}}}</pre>
 *
 * JSON lines, so that {@code cut -c10- state.journal | jq} reads it; the checksum, because JSON
 * alone would take a flipped bit inside a string for a good record. A newline ends a record (JSON
 * escapes the ones inside strings), so a record cut short by a crash is the one without it.
 *
 * <p>{@link #VERSION} goes up whenever a record type is added or changed: an older build then
 * refuses the file instead of skipping records it does not know and losing them. Version 1 had the
 * first eight seams; 2 added the outbox's records ({@code outbox.offer}, {@code outbox.end}). A
 * build reads every version up to its own (the records of an older one are a subset), and opening
 * rewrites the file as its own. Stateless and thread-safe.
 */
final class JournalFormat {
  static final String FORMAT = "alert-router-journal";
  /** The version this build writes, and the newest it reads. */
  static final int VERSION = 2;

  static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private JournalFormat() {}

  /** The header line, newline included. */
  static byte[] header() {
    ObjectNode header = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
    return (header.toString() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The version a header line (without its newline) declares.
   *
   * @throws IllegalArgumentException when it is not a journal header
   */
  static int version(byte[] line) {
    JsonNode header;
    try {
      header = JSON.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("the first line is not a journal header");
    }
    if (header == null || !FORMAT.equals(header.path("format").asText()) || !header.path("version").canConvertToInt()) {
      throw new IllegalArgumentException("the first line is not a journal header");
    }
    return header.get("version").intValue();
  }

  /** One record as a line: its checksum, its JSON {@code {"t": type, "p": payload}}, a newline. */
  static byte[] line(String type, JsonNode payload) {
    return line(type, out -> out.writeTree(payload));
  }

  /** A payload written straight to a generator: the hot path (a webhook's alerts) builds no tree. */
  @FunctionalInterface
  interface Payload {
    void write(JsonGenerator out) throws IOException;
  }

  /** {@link #line(String, JsonNode)} with the payload written by {@code payload}. */
  static byte[] line(String type, Payload payload) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    bytes.write(HEX, 0, 9); // room for the checksum and its space
    try (JsonGenerator out = JSON.getFactory().createGenerator(bytes)) {
      out.writeStartObject();
      out.writeStringField("t", type);
      out.writeFieldName("p");
      payload.write(out);
      out.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory cannot fail", e);
    }
    bytes.write('\n');
    byte[] line = bytes.toByteArray();
    int crc = crc(line, 9, line.length - 10);
    for (int i = 0; i < 8; i++) {
      line[i] = HEX[(crc >>> (28 - 4 * i)) & 0xf];
    }
    line[8] = ' ';
    return line;
  }

  /** A record read back: its type and payload. */
  record Record(String type, JsonNode payload) {}

  /**
   * Decodes one line (without its newline).
   *
   * @throws IllegalArgumentException saying what is wrong: a checksum that does not match, JSON
   *     that does not parse, a record without a type
   */
  static Record decode(byte[] line, int length) {
    if (length < 11 || line[8] != ' ') {
      throw new IllegalArgumentException("not a record line");
    }
    int expected;
    try {
      expected = Integer.parseUnsignedInt(new String(line, 0, 8, StandardCharsets.US_ASCII), 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a record line");
    }
    if (crc(line, 9, length - 9) != expected) {
      throw new IllegalArgumentException("its checksum does not match");
    }
    JsonNode record;
    try {
      record = JSON.readTree(Arrays.copyOfRange(line, 9, length));
    } catch (IOException e) {
      throw new IllegalArgumentException("its JSON does not parse");
    }
    if (record == null || !record.path("t").isTextual() || !record.path("p").isObject()) {
      throw new IllegalArgumentException("it has no type or payload");
    }
    return new Record(record.get("t").asText(), record.get("p"));
  }

  private static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Reads a journal line by line, keeping the byte offset at which each starts. Not thread-safe.
   */
  static final class Lines {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    private long offset;
    private long number;
    private boolean ended;

    Lines(InputStream in) {
      this.in = in;
    }

    /**
     * The next line without its newline, or {@code null} at the end. {@link #complete()} says
     * whether it ended with a newline (a line cut short by a crash does not).
     */
    byte[] next() throws IOException {
      if (ended) {
        return null;
      }
      line.reset();
      while (true) {
        if (position == limit) {
          limit = in.read(buffer);
          position = 0;
          if (limit < 0) {
            limit = 0;
            ended = true;
            if (line.size() == 0) {
              return null;
            }
            number++;
            offset += line.size();
            return line.toByteArray();
          }
        }
        int start = position;
        while (position < limit && buffer[position] != '\n') {
          position++;
        }
        line.write(buffer, start, position - start);
        if (position < limit) {
          position++; // the newline
          number++;
          offset += line.size() + 1;
          return line.toByteArray();
        }
      }
    }

    /** Whether the line {@link #next()} returned ended with a newline. */
    boolean complete() {
      return !ended;
    }

    /** The number of the line {@link #next()} returned, from 1. */
    long number() {
      return number;
    }

    /** The byte offset just past the line {@link #next()} returned. */
    long end() {
      return offset;
    }
  }
}

package io.github.alertrouter.store.journal;

import io.github.alertrouter.store.StoreException;
import io.github.alertrouter.store.journal.JournalFormat.Lines;
import io.github.alertrouter.store.journal.JournalFormat.Record;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a journal into its seams at open. Forgives one thing, the damage a crash does: a last
 * record cut short (dropped, with a warning; its change was never acknowledged). Anything else
 * (damage before good records, a newer format, a record type this version does not know) is
 * refused with a {@link StoreException} naming the file, the line and byte offset, and what to do:
 * a start never runs on part of the state without someone deciding so. Not thread-safe: one
 * replay per open.
 */
final class Replay {
  private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

  private final Path file;
  private final Path dir;
  private final Map<String, Seam> seams;

  Replay(Path file, Map<String, Seam> seams) {
    this.file = file;
    this.dir = file.getParent();
    this.seams = seams;
  }

  /** Applies the journal's records to the seams; returns how many it applied. */
  long run() throws IOException {
    long records = 0;
    try (InputStream in = Files.newInputStream(file)) {
      Lines lines = new Lines(in);
      header(lines);
      long good = lines.end();
      for (byte[] line; (line = lines.next()) != null; ) {
        Record record = null;
        String problem;
        if (!lines.complete()) {
          problem = "it ends without a newline";
        } else {
          try {
            record = JournalFormat.decode(line, line.length);
            problem = null;
          } catch (IllegalArgumentException e) {
            problem = e.getMessage();
          }
        }
        if (record == null) {
          dropTornTail(lines, lines.number(), good, problem);
          break;
        }
        apply(record, lines.number(), good);
        records++;
        good = lines.end();
      }
    }
    return records;
  }

  private void header(Lines lines) throws IOException {
    byte[] header = lines.next();
    int version;
    try {
      if (header == null || !lines.complete()) {
        throw new IllegalArgumentException("it has no header line");
      }
      version = JournalFormat.version(header);
    } catch (IllegalArgumentException e) {
      throw damaged(1, 0, e.getMessage());
    }
    if (version > JournalFormat.VERSION) {
      throw new StoreException("journal " + file + " was written by a newer alert-router (journal format " + version
          + "; this one reads up to " + JournalFormat.VERSION + "): run that version or a newer one, or move "
          + file + " aside to start empty", null);
    }
    if (version < 1) {
      throw damaged(1, 0, "its format version " + version + " was never written");
    }
  }

  /**
   * A bad record is a crash's torn write only when nothing good follows it (a crash cuts the last
   * one short); damage before good records is not a crash, and the state after it is unknown.
   */
  private void dropTornTail(Lines lines, long number, long offset, String problem) throws IOException {
    for (byte[] rest; (rest = lines.next()) != null; ) {
      if (lines.complete() && decodes(rest)) {
        throw damaged(number, offset, problem + ", and good records follow it, so a crash did not cut it short");
      }
    }
    LOG.warn("journal {}: dropped its last record (line {}, byte offset {}): {}. A crash cut it short while it was "
        + "written; its change had not been acknowledged", file, number, offset, problem);
  }

  private static boolean decodes(byte[] line) {
    try {
      JournalFormat.decode(line, line.length);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void apply(Record record, long number, long offset) {
    String type = record.type();
    int dot = type.indexOf('.');
    Seam seam = dot > 0 ? seams.get(type.substring(0, dot)) : null;
    if (seam == null) {
      throw damaged(number, offset, "its record type \"" + type + "\" is unknown to this version");
    }
    try {
      seam.replay(type, record.payload());
    } catch (RuntimeException e) {
      throw damaged(number, offset, "its " + type + " record cannot be applied (" + e.getMessage() + ")");
    }
  }

  private StoreException damaged(long line, long offset, String problem) {
    return new StoreException("journal " + file + " is damaged at line " + line + " (byte offset " + offset + "): "
        + problem + ". Not starting on part of the state: to start from the records before it, cut the file there "
        + "(truncate -s " + offset + " " + file + "; the records after it are lost), or move " + dir
        + " aside to start empty", null);
  }
}

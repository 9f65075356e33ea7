package io.github.alertrouter.cli;

import io.github.alertrouter.RouterSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DIR/snapshot.json}: where {@code serve --storage.path DIR} kept the router's state before
 * the journal (written whole every 30 s and at a clean stop). Read once, to import it into the
 * journal; then renamed {@code snapshot.json.imported}, kept for whoever wants to look. A snapshot
 * that cannot be read is moved aside ({@code snapshot.json.bad-<time>}) with a warning and the
 * server starts without it, as that version did: an alert router that refuses to start because of
 * an old cache would page nobody. Not thread-safe: {@code serve} reads it once, at start.
 */
final class SnapshotFile {
  static final String NAME = "snapshot.json";
  static final String IMPORTED = NAME + ".imported";
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotFile.class);

  private final Path dir;

  SnapshotFile(Path dir) {
    this.dir = dir;
  }

  Path path() {
    return dir.resolve(NAME);
  }

  /** The stored snapshot, or empty when there is none or it was unreadable (then moved aside). */
  Optional<RouterSnapshot> load(Instant now) {
    Path file = path();
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(RouterSnapshot.fromJson(Files.readAllBytes(file)));
    } catch (IOException | IllegalArgumentException e) {
      Path aside = dir.resolve(NAME + ".bad-" + now.toString().replace(':', '-'));
      try {
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        throw new UncheckedIOException("cannot move the unreadable " + file + " aside", moveFailed);
      }
      LOG.warn("state in {} is unreadable ({}); moved it to {} and starting without it", file, e.getMessage(), aside);
      return Optional.empty();
    }
  }

  /** Renames the snapshot once its state is in the journal, so that it is not imported again; returns the new name. */
  Path markImported() {
    Path imported = dir.resolve(IMPORTED);
    try {
      Files.move(path(), imported, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rename the imported " + path() + " to " + imported, e);
    }
    return imported;
  }
}

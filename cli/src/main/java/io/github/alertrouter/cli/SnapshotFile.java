package io.github.alertrouter.cli;

import io.github.alertrouter.RouterSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve --storage.path DIR}: the router's state in {@code DIR/snapshot.json}, so that a
 * restart neither repeats nor forgets a notice (Alertmanager's {@code --storage.path} keeps its
 * notification log and silences the same way). Written whole to a temporary file and moved over
 * the old one, so a crash mid-write leaves the previous snapshot. A snapshot that cannot be read
 * is moved aside ({@code snapshot.json.bad-<time>}) and the server starts empty: an alert router
 * that refuses to start because of its cache would page nobody. Thread-safe (writes are
 * serialised).
 */
final class SnapshotFile {
  static final String NAME = "snapshot.json";
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

  /** Replaces the stored snapshot with {@code snapshot}. */
  synchronized void save(RouterSnapshot snapshot) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, NAME, ".tmp");
      try {
        Files.write(tmp, snapshot.toJson());
        try {
          Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, path(), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the router's state to " + path(), e);
    }
  }
}

package io.github.alertrouter.store.journal;

import io.github.alertrouter.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code DIR/lock}, so that one process at a time keeps its state in a
 * directory. The file holds the holder's pid, for the message the next one gets. The operating
 * system lets go of the lock when the process dies, {@code kill -9} included: nothing is left to
 * clean up. Not thread-safe: taken at open, released at close.
 */
final class DirectoryLock {
  static final String FILE = "lock";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dir}.
   *
   * @throws StoreException when another process (or another opener in this one) holds it
   */
  static DirectoryLock take(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // this process holds it already
      }
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        channel.close();
        throw new StoreException(dir + " is in use by another alert-router" + (holder.isEmpty() ? "" : " (" + holder + ")")
            + ", which holds the lock on " + file + ": stop it first, or give this one another directory", null);
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      return new DirectoryLock(channel, lock);
    } catch (IOException e) {
      throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /** Lets go of the directory. */
  void release() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}

package io.github.alertrouter.store.journal;

import io.github.alertrouter.store.StoreException;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write-ahead journal in a storage directory ({@link JournalFormat}): the changes of the seams
 * it is {@link Replay replayed} into, its compaction, and the directory's {@link DirectoryLock}.
 *
 * <p>A change runs under one lock: the seam decides from memory, appends its record (written, not
 * yet synced), then applies it to memory, so the journal's order is memory's order and a failed
 * write leaves memory as it was. The caller then waits, outside the lock, until an fsync covers its
 * record: whoever finds none running does one for every record appended so far, so concurrent
 * callers share one fsync (group commit). Reads go to memory and may see a change whose fsync is
 * still running; its caller has not been answered yet.
 *
 * <p>The file is written with {@link RandomAccessFile}, not a {@code FileChannel}: an interrupted
 * thread closes an interruptible channel for every other thread, and a request thread may well be
 * interrupted when {@code serve} stops.
 *
 * <p>Failures: a write that fails (a full disk) is rolled back by truncating to the last record
 * and the change throws {@link StoreException}; the next change tries again. An fsync that fails
 * is not retried (the kernel may have dropped the pages it could not write, as PostgreSQL learned):
 * every later change throws until the process restarts and replays what is on disk. Thread-safe.
 */
final class Journal implements AutoCloseable {
  static final String FILE = "state.journal";
  /** The journal is compacted when it grows past this, or past {@link #GROWTH} times its last compacted size. */
  static final long COMPACT_AT = 64L * 1024 * 1024;
  static final int GROWTH = 4;
  private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

  private final Path dir;
  private final Path file;
  private final Map<String, Seam> seams = new LinkedHashMap<>();
  private final long compactAt;
  private final ReentrantLock lock = new ReentrantLock();
  private final Object syncLock = new Object();
  private final Tx tx = new Tx();
  private DirectoryLock directoryLock;
  private RandomAccessFile out; // guarded by lock for writes, by syncLock for fsync and replacement
  private long size; // guarded by lock
  private long nextCompaction; // guarded by lock
  private volatile long appended; // records written; changed under lock, after their bytes are in the file
  private volatile long synced; // records an fsync (or a compaction) made durable
  private volatile StoreException broken;
  private volatile IOException writeFailure;
  private volatile boolean closed;
  private volatile long syncs; // fsyncs done by changes, for tests
  // tests make writes or fsyncs fail with these, and hold an fsync back with this
  volatile IOException failWrites;
  volatile IOException failSyncs;
  volatile Runnable beforeSync = () -> { };

  Journal(Path dir, long compactAt) {
    this.dir = dir;
    this.file = dir.resolve(FILE);
    this.compactAt = compactAt;
  }

  Path file() {
    return file;
  }

  /** How many fsyncs changes have done since open. */
  long syncs() {
    return syncs;
  }

  /** One change's access to the journal, valid inside {@link #change}. */
  final class Tx {
    /** Writes one record (from {@link JournalFormat#line}); apply it to memory only after this returned. */
    void append(byte[] line) {
      if (!lock.isHeldByCurrentThread()) {
        throw new IllegalStateException("append outside a change");
      }
      try {
        if (failWrites != null) {
          throw failWrites;
        }
        out.seek(size);
        out.write(line);
      } catch (IOException e) {
        rollBack(e);
        throw new StoreException("journal " + file + ": cannot append (" + e.getMessage() + "); the change was not made", e);
      }
      size += line.length;
      appended++; // only under the lock: a plain increment of the volatile is safe
      writeFailure = null;
    }
  }

  /**
   * Runs {@code body} under the journal's lock and returns once every record it appended is on
   * disk. The body decides from memory, {@link Tx#append appends}, then applies to memory.
   *
   * @throws StoreException when the journal cannot take the change (the body's own, or an fsync's)
   */
  <T> T change(Function<Tx, T> body) {
    T result;
    long seq;
    lock.lock();
    try {
      usable();
      long before = appended;
      result = body.apply(tx);
      seq = appended;
      if (seq == before) {
        return result;
      }
      if (size >= nextCompaction) {
        compactQuietly();
      }
    } finally {
      lock.unlock();
    }
    awaitDurable(seq);
    return result;
  }

  /** Throws while the journal cannot take changes: closed, broken, or its last append failed (readiness). */
  void checkWritable() {
    usable();
    IOException failure = writeFailure;
    if (failure != null) {
      throw new StoreException("journal " + file + ": the last append failed (" + failure.getMessage() + ")", failure);
    }
  }

  private void usable() {
    if (closed) {
      throw new StoreException("journal " + file + " is closed", null);
    }
    StoreException b = broken;
    if (b != null) {
      throw new StoreException(b.getMessage(), b.getCause());
    }
  }

  private void rollBack(IOException cause) {
    writeFailure = cause;
    try {
      out.setLength(size);
    } catch (IOException e) {
      broken = new StoreException("journal " + file + ": a failed append (" + cause.getMessage()
          + ") could not be cut off (" + e.getMessage() + "); no more changes are taken until the process restarts", e);
    }
  }

  private void awaitDurable(long seq) {
    if (synced >= seq) {
      return;
    }
    synchronized (syncLock) {
      while (synced < seq) {
        usable();
        beforeSync.run();
        long target = appended; // every record up to it is in the file
        try {
          if (failSyncs != null) {
            throw failSyncs;
          }
          out.getFD().sync();
        } catch (IOException e) {
          broken = new StoreException("journal " + file + ": fsync failed (" + e.getMessage() + "); what it held may "
              + "not be on disk, so no more changes are taken until the process restarts and replays the journal", e);
          usable();
        }
        syncs++; // only under syncLock
        synced = target;
      }
    }
  }

  // ---- open: lock, replay, compact

  /**
   * Locks the directory, replays the journal into {@code seams} and compacts it. Once.
   *
   * @throws StoreException when another process holds the directory, the journal is damaged or
   *     newer than this build, or the directory cannot be written
   */
  void open(List<Seam> seams) {
    for (Seam seam : seams) {
      this.seams.put(seam.name(), seam);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create the storage directory " + dir + ": " + e.getMessage(), e);
    }
    directoryLock = DirectoryLock.take(dir);
    lock.lock();
    try {
      Files.deleteIfExists(dir.resolve(FILE + ".tmp")); // a compaction a crash cut short: the journal holds it all
      long records = Files.exists(file) ? new Replay(file, this.seams).run() : 0;
      compact();
      LOG.info("state in {}: {} records replayed, compacted to {} bytes", file, records, size);
    } catch (IOException e) {
      closeQuietly();
      throw new StoreException("cannot write the journal in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    } finally {
      lock.unlock();
    }
  }

  // ---- compaction

  private void compactQuietly() {
    try {
      long before = size;
      compact();
      LOG.info("journal {}: compacted from {} to {} bytes", file, before, size);
    } catch (IOException | RuntimeException e) {
      nextCompaction = size * 2; // the journal is intact: it grows on, and is tried again
      LOG.warn("journal {}: could not compact it ({}); tried again at {} bytes", file, e.getMessage(), nextCompaction);
    }
  }

  /**
   * Writes the seams' state as a fresh journal beside the old one, syncs it and moves it over the
   * old one, then syncs the directory. Called with the lock held: changes wait, and everything they
   * applied is in the new file, so it also makes every record appended so far durable.
   */
  private void compact() throws IOException {
    Path tmp = dir.resolve(FILE + ".tmp");
    try (FileOutputStream stream = new FileOutputStream(tmp.toFile());
        OutputStream buffered = new BufferedOutputStream(stream, 64 * 1024)) {
      buffered.write(JournalFormat.header());
      for (Seam seam : seams.values()) {
        seam.writeState((type, payload) -> buffered.write(JournalFormat.line(type, payload)));
      }
      buffered.flush();
      stream.getFD().sync();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    synchronized (syncLock) {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      RandomAccessFile old = out;
      try {
        syncDirectory();
        out = new RandomAccessFile(file.toFile(), "rw");
      } catch (IOException e) {
        // the new file's name may not survive a power loss: appending to it would acknowledge what could vanish
        broken = new StoreException("journal " + file + ": compacted, but could not make it durable (" + e.getMessage()
            + "); no more changes are taken until the process restarts", e);
        throw e;
      } finally {
        if (old != null) {
          old.close();
        }
      }
      size = out.length();
      synced = appended;
    }
    nextCompaction = Math.max(compactAt, size * GROWTH);
  }

  private void syncDirectory() throws IOException {
    boolean interrupted = Thread.interrupted(); // an interrupted thread's channel closes at once
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  // ---- close

  /** Syncs what was appended, closes the file and gives the directory up. Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      synchronized (syncLock) {
        if (broken == null && out != null) {
          try {
            out.getFD().sync();
            synced = appended;
          } catch (IOException e) {
            LOG.warn("journal {}: the last fsync at close failed: {}", file, e.getMessage());
          }
        }
        closed = true;
      }
      closeQuietly();
    } finally {
      lock.unlock();
    }
  }

  /** A crash, for tests: the file and the directory's lock let go of as a killed process would, nothing synced. */
  void crash() {
    lock.lock();
    try {
      closed = true;
      closeQuietly();
    } finally {
      lock.unlock();
    }
  }

  private void closeQuietly() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      LOG.warn("journal {}: closing it failed: {}", file, e.getMessage());
    }
    try {
      if (directoryLock != null) {
        directoryLock.release();
      }
    } catch (IOException e) {
      LOG.warn("{}: giving up its lock failed: {}", dir, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return "Journal[" + file + "]";
  }
}

package io.github.alertrouter.cli;

/** Stops what an end-to-end test started, in the order given, each even when one before failed. */
final class StopAll {
  private StopAll() {}

  /** Closes each non-null resource in order; the first failure is thrown after all were tried. */
  static void stop(AutoCloseable... resources) throws Exception {
    Exception first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}

package io.github.alertrouter.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM and SIGINT into an orderly stop that ends with exit code 0. With the JVM's own
 * handling the shutdown hooks run but the exit code is 143 (130 for Ctrl-C), which systemd and
 * Kubernetes read as a failure although {@code serve} stopped as asked. {@code sun.misc.Signal}
 * is the JDK's supported-but-unofficial way (module {@code jdk.unsupported}); where it is missing,
 * the JVM's default handling (and the shutdown hook) stays.
 */
final class StopSignals {
  private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

  private StopSignals() {}

  /** Runs {@code stop} on its own thread when SIGTERM or SIGINT arrives. */
  @SuppressWarnings("removal")
  static void onTermOrInt(Runnable stop) {
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          LOG.info("SIG{} received: stopping", name);
          new Thread(stop, "alert-router-stop").start();
        });
      } catch (IllegalArgumentException | UnsupportedOperationException e) {
        LOG.debug("cannot handle SIG{} ({}); the JVM's default stop applies", name, e.getMessage());
      }
    }
  }
}

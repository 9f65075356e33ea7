package io.github.alertrouter.cli;

import io.github.alertrouter.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGHUP into a config reload, as Alertmanager and prometheus-webhook-dingtalk do, so that
 * {@code systemctl reload} (a unit's {@code ExecReload=/bin/kill -HUP $MAINPID}) works the same for
 * {@code serve}. Without a handler the JVM treats SIGHUP as a stop. Like {@link StopSignals} it
 * uses {@code sun.misc.Signal}; where that is missing the JVM's default stays (and is logged at
 * debug).
 */
final class ReloadSignal {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

  private ReloadSignal() {}

  /** Runs {@code reload} on its own thread each time SIGHUP arrives; false when it cannot be handled here. */
  @SuppressWarnings("removal")
  static boolean onHangup(Runnable reload) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> new Thread(reload, "alert-router-reload").start());
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      // e.g. started under nohup, which ignores the signal: the JVM will not take it over
      LOG.debug("cannot handle SIGHUP ({}); reload with POST /-/reload", e.getMessage());
      return false;
    }
  }

  /**
   * What SIGHUP does: the same reload as {@code POST /-/reload}, counted in the same reload
   * metrics. A refused config leaves the running one serving; {@link ReceiverServer#reload()}
   * logs its problems (paths and messages, never a secret).
   */
  static void reload(ReceiverServer server) {
    LOG.info("SIGHUP received: reloading the config");
    try {
      server.reload(); // counts the attempt in the reload metrics, accepted or not
    } catch (ConfigException e) {
      // logged with its problems by reload()
    } catch (RuntimeException e) {
      // not a config problem (the file unreadable midway, the store failing): still no reason to stop serving
      LOG.error("reload failed, the running config is kept: {}", e.toString());
    }
  }
}

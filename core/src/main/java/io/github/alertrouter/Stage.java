package io.github.alertrouter;

import java.time.Instant;

/**
 * One step of a group's flush (Alertmanager's notify stages): takes the flush as the stages
 * before it left it and either passes it on or ends the flush. Implementations do one thing.
 */
interface Stage {
  Verdict apply(Flush flush);

  /** What a stage decided. */
  sealed interface Verdict {}

  /** Carry on with this flush. */
  record Next(Flush flush) implements Verdict {}

  /**
   * The flush ends here; the group ticks again at {@code at} ({@code null}: one group interval
   * from now, as after any flush).
   */
  record Halt(Instant at) implements Verdict {}
}

package io.github.alertrouter.route;

/**
 * Counts the work of one routing decision; lets tests prove the index is used without timing
 * anything. Not thread-safe; one per decision.
 */
final class MatchStats {
  /** Candidates the index handed out, including those it proved to match. */
  int policiesEvaluated;
  /** Rules actually evaluated (a candidate the index proved costs none). */
  int rulesEvaluated;
}

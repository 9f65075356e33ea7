package io.github.alertrouter.route;

/**
 * Counts the work of one routing decision; lets tests prove the index is used without timing
 * anything. Not thread-safe; one per decision.
 */
final class MatchStats {
  int policiesEvaluated;
  int rulesEvaluated;
}

package io.github.alertrouter.store;

/**
 * What was asked needs the fleet's active member, and this one is a standby ({@link Fleet}): the
 * groups live there. Like any store failure it means "not done, try again"; {@code serve} answers
 * it with 503.
 */
public class StandbyException extends StoreException {
  private static final long serialVersionUID = 1L;

  /** A refusal whose {@code message} says what needed the active member. */
  public StandbyException(String message) {
    super(message, null);
  }
}

package io.github.alertrouter.store;

/**
 * A store could not read or write the router's state (its database is unreachable, a statement
 * failed). Unchecked, as the seams' methods are; the message names the operation and the cause
 * but never a credential. What a router cannot keep it must not acknowledge: callers answer with
 * an error rather than pretend the state was written.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message the operation that failed and why, without credentials
   * @param cause the store's own failure, or {@code null}
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

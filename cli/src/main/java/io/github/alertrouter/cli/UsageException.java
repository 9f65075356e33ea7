package io.github.alertrouter.cli;

/** Bad command-line usage: printed as one line on stderr, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}

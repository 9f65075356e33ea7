package io.github.alertrouter.cli;

/** Entry point of the {@code alert-router} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(2);
  }
}

package io.github.alertrouter;

import io.github.alertrouter.config.NotifyWindow;
import io.github.alertrouter.config.OutsideWindow;

/**
 * Outside the policy's notify window a {@code HOLD} policy waits for the window to open (and
 * notifies then, with what is true then); a {@code DROP} policy goes on, records its notices and
 * sends nothing.
 */
final class HoldOutsideWindow implements Stage {
  @Override
  public Verdict apply(Flush flush) {
    NotifyWindow window = flush.settings().window();
    boolean in = window.contains(flush.now());
    if (!in && window.outsideWindow() == OutsideWindow.HOLD) {
      return new Halt(window.nextOpening(flush.now()));
    }
    return new Next(flush.inWindow(in));
  }
}

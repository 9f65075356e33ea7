package io.github.alertrouter.dingtalk.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;

/** Writes the markdown text of one message. Implementations are immutable and thread-safe. */
interface Layout {
  /** The text for {@code page}; mentions included when the page carries them. */
  String text(Page<AlertFacts> page);
}

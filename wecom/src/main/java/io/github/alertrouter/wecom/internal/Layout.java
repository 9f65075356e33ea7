package io.github.alertrouter.wecom.internal;

import io.github.alertrouter.spi.render.AlertFacts;
import io.github.alertrouter.spi.render.Page;

/** Writes the {@code content} of one message. Implementations are immutable and thread-safe. */
interface Layout {
  /** The content for {@code page}; mention tokens and unresolved names included when the page carries them. */
  String text(Page<AlertFacts> page);
}

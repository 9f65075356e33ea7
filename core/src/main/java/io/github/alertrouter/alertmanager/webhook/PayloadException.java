package io.github.alertrouter.alertmanager.webhook;

import java.util.Objects;

/**
 * A webhook body that cannot be accepted: not JSON, not the shape of an Alertmanager payload, a value
 * out of range, or over a {@link WebhookLimits} limit.
 *
 * <p>{@link #pointer()} is the RFC 6901 JSON pointer of the offending node ({@code ""} for the
 * document as a whole, e.g. {@code /alerts/3/startsAt}); for a missing member it points where the
 * member should have been. {@link #getMessage()} reads {@code <pointer>: <detail>} and quotes the
 * bad value (cut to a short prefix, so a huge value cannot flood a log). Unchecked; immutable.
 */
public final class PayloadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The JSON pointer of the offending node; {@code ""} for the whole document. */
  private final String pointer;
  /** What is wrong, without the pointer. */
  private final String detail;

  /**
   * A problem at {@code pointer}.
   *
   * @param pointer JSON pointer of the offending node, {@code ""} for the whole document
   * @param detail what is wrong, naming the bad value
   */
  public PayloadException(String pointer, String detail) {
    this(pointer, detail, null);
  }

  /** As {@link #PayloadException(String, String)}, keeping the low-level cause. */
  public PayloadException(String pointer, String detail, Throwable cause) {
    super(format(pointer, detail), cause);
    this.pointer = Objects.requireNonNull(pointer, "pointer");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** The JSON pointer of the offending node; {@code ""} means the whole document. */
  public String pointer() {
    return pointer;
  }

  /** The message without the pointer prefix. */
  public String detail() {
    return detail;
  }

  private static String format(String pointer, String detail) {
    return (pointer == null || pointer.isEmpty() ? "(document)" : pointer) + ": " + detail;
  }
}

package io.github.alertrouter.spi;

/** Why a platform refused or failed a message, independent of its error codes. */
public enum FailureKind {
  /** Too many messages: the platform throttles the robot. Retryable after a wait. */
  RATE_LIMITED,
  /** The body is over the platform's size limit. Permanent: render smaller. */
  TOO_LONG,
  /** Signature wrong or its timestamp outside the platform's window. */
  SIGNATURE_REJECTED,
  /** The message lacks the robot's keyword. */
  KEYWORD_REJECTED,
  /** The sender's IP is not on the robot's allowlist. */
  IP_REJECTED,
  /** The robot or its token does not exist, is disabled, or its group is gone. */
  INVALID_ROBOT,
  /** The platform's content moderation refused the text, a link or an image. */
  CONTENT_REJECTED,
  /** The request itself was malformed (unsupported type, bad JSON, wrong method). A bug. */
  BAD_REQUEST,
  /** A daily or monthly quota is used up. */
  QUOTA_EXCEEDED,
  /** The platform said it is busy or failed (5xx, "system busy"). Retryable. */
  SERVER_ERROR,
  /** No answer: connection refused, reset, timed out. Retryable. */
  NETWORK_ERROR,
  /** An answer the platform module does not know. Treated as permanent. */
  UNKNOWN
}

package io.github.alertrouter.spi;

/**
 * The identity a platform @s a person by: a {@code type} the platform names ({@code mobile},
 * {@code userId}, {@code openId}, ...) and its value, already normalised as the platform expects.
 * Immutable.
 *
 * @param type the kind of identity, as the platform names it
 * @param value the identity itself
 */
public record Identity(String type, String value) {
  /** Everyone in the chat (DingTalk {@code isAtAll}, Lark {@code all}, WeCom {@code @all}). */
  public static final Identity ALL = new Identity("all", "all");

  /** @throws IllegalArgumentException if {@code type} or {@code value} is null or empty */
  public Identity {
    if (type == null || type.isEmpty() || value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an identity needs a type and a value");
    }
  }
}

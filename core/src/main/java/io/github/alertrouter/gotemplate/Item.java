package io.github.alertrouter.gotemplate;

/**
 * One lexical item of a template, as Go's {@code text/template/parse} lexer produces it.
 *
 * @param type what the item is
 * @param pos offset of its first char in the template text
 * @param val the text of the item (the message for {@link Type#ERROR})
 * @param line the 1-based line it starts on
 */
record Item(Item.Type type, int pos, String val, int line) {

  enum Type {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
    LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING,
    TEXT, VARIABLE, DOT, NIL,
    // keywords
    BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, RANGE, TEMPLATE, WITH;

    boolean isKeyword() {
      return ordinal() >= BLOCK.ordinal();
    }
  }

  /** As Go's item.String(), which parse errors quote. */
  @Override
  public String toString() {
    return switch (type) {
      case EOF -> "EOF";
      case ERROR -> val;
      default -> type.isKeyword() ? "<" + val + ">"
          : val.length() > 10 ? GoFmt.quote(val.substring(0, 10)) + "..." : GoFmt.quote(val);
    };
  }
}

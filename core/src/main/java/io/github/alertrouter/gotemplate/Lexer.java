package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.Item.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into {@link Item}s with the rules of Go's {@code text/template/parse} lexer
 * (delimiters {@code {{ }}}, trim markers, comments, quoting, numbers). Runs to completion in one
 * pass (Go's runs as a state machine the parser pulls from; the items are the same). Stops at the
 * first error, which becomes the last item.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
  private static final Map<String, Type> KEYWORDS = Map.ofEntries(
      Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
      Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE),
      Map.entry("else", Type.ELSE), Map.entry("end", Type.END), Map.entry("if", Type.IF),
      Map.entry("range", Type.RANGE), Map.entry("nil", Type.NIL),
      Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));

  private final String in;
  private final List<Item> items = new ArrayList<>();
  private int pos;
  private int start;
  private int startLine = 1;
  private int parenDepth;
  /** How far lineAt has counted newlines, and how many it found. */
  private int scanned;
  private int newlines;
  private boolean failed;

  private Lexer(String in) {
    this.in = in;
  }

  static List<Item> lex(String text) {
    Lexer l = new Lexer(text);
    l.run();
    return l.items;
  }

  private void run() {
    while (!failed) {
      if (!lexText()) {
        return;
      }
      lexAction();
    }
  }

  /** Text up to the next left delimiter; false at the end of input. */
  private boolean lexText() {
    int x = in.indexOf(LEFT, pos);
    if (x < 0) {
      pos = in.length();
      if (pos > start) {
        emit(Type.TEXT);
      }
      emit(Type.EOF);
      return false;
    }
    int textEnd = x;
    boolean trim = hasLeftTrimMarker(x + LEFT.length());
    if (trim) {
      while (textEnd > start && isSpace(in.charAt(textEnd - 1))) {
        textEnd--;
      }
    }
    pos = textEnd;
    if (pos > start) {
      emit(Type.TEXT);
    }
    pos = x;
    ignore();
    return true;
  }

  private void lexAction() {
    pos += LEFT.length();
    if (hasLeftTrimMarker(pos)) {
      pos += 2;
    }
    if (in.startsWith("/*", pos)) {
      lexComment();
      return;
    }
    emit(Type.LEFT_DELIM);
    parenDepth = 0;
    while (!failed) {
      int delim = atRightDelim();
      if (delim > 0) {
        if (parenDepth == 0) {
          lexRightDelim(delim == 2);
          return;
        }
        error("unclosed left paren");
        return;
      }
      if (pos >= in.length()) {
        error("unclosed action");
        return;
      }
      char r = next();
      if (isSpace(r)) {
        pos--;
        lexSpace();
      } else if (r == '=') {
        emit(Type.ASSIGN);
      } else if (r == ':') {
        if (pos >= in.length() || next() != '=') {
          error("expected :=");
          return;
        }
        emit(Type.DECLARE);
      } else if (r == '|') {
        emit(Type.PIPE);
      } else if (r == '"') {
        lexQuote();
      } else if (r == '`') {
        lexRawQuote();
      } else if (r == '$') {
        lexFieldOrVariable(Type.VARIABLE);
      } else if (r == '\'') {
        lexChar();
      } else if (r == '.' && !(pos < in.length() && isDigit(in.charAt(pos)))) {
        lexFieldOrVariable(Type.FIELD);
      } else if (r == '.' || r == '+' || r == '-' || isDigit(r)) {
        pos--;
        lexNumber();
      } else if (isAlphaNumeric(r)) {
        pos--;
        lexIdentifier();
      } else if (r == '(') {
        emit(Type.LEFT_PAREN);
        parenDepth++;
      } else if (r == ')') {
        // Emitted before the depth check, so the parser reports it in context, as Go 1.19's does.
        emit(Type.RIGHT_PAREN);
        parenDepth--;
        if (parenDepth < 0) {
          error("unexpected right paren " + GoFmt.unicodeU(')'));
          return;
        }
      } else if (r < 0x7f && r >= 0x20) {
        emit(Type.CHAR);
      } else {
        error("unrecognized character in action: " + GoFmt.unicodeU(in.codePointAt(pos - 1)));
      }
    }
  }

  private void lexComment() {
    pos += 2;
    int x = in.indexOf("*/", pos);
    if (x < 0) {
      error("unclosed comment");
      return;
    }
    pos = x + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      error("comment ends before closing delimiter");
      return;
    }
    if (delim == 2) {
      pos += 2;
    }
    pos += RIGHT.length();
    if (delim == 2) {
      skipSpaces();
    }
    ignore();
  }

  private void lexRightDelim(boolean trim) {
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    emit(Type.RIGHT_DELIM);
    if (trim) {
      skipSpaces();
      ignore();
    }
  }

  private void skipSpaces() {
    while (pos < in.length() && isSpace(in.charAt(pos))) {
      pos++;
    }
  }

  /** 0: not at a right delimiter; 1: at one; 2: at one with a trim marker. */
  private int atRightDelim() {
    if (pos + 1 < in.length() && isSpace(in.charAt(pos)) && in.charAt(pos + 1) == '-'
        && in.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return in.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < in.length() && in.charAt(at) == '-' && isSpace(in.charAt(at + 1));
  }

  private void lexSpace() {
    int n = 0;
    while (pos < in.length() && isSpace(in.charAt(pos))) {
      pos++;
      n++;
    }
    // A space followed by "-}}" is the trim marker, not a separator.
    if (in.startsWith("-" + RIGHT, pos)) {
      pos--;
      if (n == 1) {
        return;
      }
    }
    emit(Type.SPACE);
  }

  private void lexIdentifier() {
    while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      error("bad character " + GoFmt.unicodeU(in.codePointAt(pos)));
      return;
    }
    String word = in.substring(start, pos);
    Type key = KEYWORDS.get(word);
    if (key != null) {
      emit(key);
    } else if (word.equals("true") || word.equals("false")) {
      emit(Type.BOOL);
    } else {
      emit(Type.IDENTIFIER);
    }
  }

  private void lexFieldOrVariable(Type type) {
    if (atTerminator()) {
      emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return;
    }
    while (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
      pos++;
    }
    if (!atTerminator()) {
      error("bad character " + GoFmt.unicodeU(in.codePointAt(pos)));
      return;
    }
    emit(type);
  }

  private boolean atTerminator() {
    if (pos >= in.length()) {
      return true;
    }
    char r = in.charAt(pos);
    if (isSpace(r)) {
      return true;
    }
    return switch (r) {
      case '.', ',', '|', ':', ')', '(' -> true;
      default -> in.startsWith(RIGHT, pos);
    };
  }

  private void lexChar() {
    while (true) {
      if (pos >= in.length() || in.charAt(pos) == '\n') {
        error("unterminated character constant");
        return;
      }
      char r = next();
      if (r == '\\') {
        if (pos >= in.length() || in.charAt(pos) == '\n') {
          error("unterminated character constant");
          return;
        }
        next();
      } else if (r == '\'') {
        break;
      }
    }
    emit(Type.CHAR_CONSTANT);
  }

  private void lexQuote() {
    while (true) {
      if (pos >= in.length() || in.charAt(pos) == '\n') {
        error("unterminated quoted string");
        return;
      }
      char r = next();
      if (r == '\\') {
        if (pos >= in.length() || in.charAt(pos) == '\n') {
          error("unterminated quoted string");
          return;
        }
        next();
      } else if (r == '"') {
        break;
      }
    }
    emit(Type.STRING);
  }

  private void lexRawQuote() {
    while (true) {
      if (pos >= in.length()) {
        error("unterminated raw quoted string");
        return;
      }
      if (next() == '`') {
        break;
      }
    }
    emit(Type.RAW_STRING);
  }

  private void lexNumber() {
    if (!scanNumber()) {
      error("bad number syntax: " + GoFmt.quote(in.substring(start, pos)));
      return;
    }
    if (pos < in.length() && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
      // Go's complex constant 1+2i: no spaces, must end in 'i'.
      if (!scanNumber() || in.charAt(pos - 1) != 'i') {
        error("bad number syntax: " + GoFmt.quote(in.substring(start, pos)));
        return;
      }
    }
    emit(Type.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (pos < in.length() && isAlphaNumeric(in.charAt(pos))) {
      pos++;
      return false;
    }
    return true;
  }

  private boolean accept(String valid) {
    if (pos < in.length() && valid.indexOf(in.charAt(pos)) >= 0) {
      pos++;
      return true;
    }
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // consumed
    }
  }

  private char next() {
    return in.charAt(pos++);
  }

  private void emit(Type type) {
    items.add(new Item(type, start, in.substring(start, pos), startLine));
    start = pos;
    startLine = lineAt(start);
  }

  private void ignore() {
    start = pos;
    startLine = lineAt(start);
  }

  /** The 1-based line of {@code at}; items are emitted in order, so one forward scan suffices. */
  private int lineAt(int at) {
    while (scanned < at) {
      if (in.charAt(scanned++) == '\n') {
        newlines++;
      }
    }
    return newlines + 1;
  }

  private void error(String message) {
    items.add(new Item(Type.ERROR, start, message, startLine));
    failed = true;
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlphaNumeric(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }
}

package io.github.alertrouter.gotemplate;

/** Go's {@code strconv.Unquote} for the string and character literals templates contain. */
final class GoStrconv {
  private GoStrconv() {}

  /** The value of a {@code "..."} or {@code `...`} literal, or {@code null} if malformed. */
  static String unquote(String q) {
    if (q.length() < 2) {
      return null;
    }
    char quote = q.charAt(0);
    if (quote != q.charAt(q.length() - 1)) {
      return null;
    }
    String body = q.substring(1, q.length() - 1);
    if (quote == '`') {
      return body.indexOf('`') >= 0 ? null : body.replace("\r", "");
    }
    if (quote != '"') {
      return null;
    }
    StringBuilder b = new StringBuilder(body.length());
    java.io.ByteArrayOutputStream bytes = null;
    for (int i = 0; i < body.length(); ) {
      char c = body.charAt(i);
      if (c == '"' || c == '\n') {
        return null;
      }
      if (c != '\\') {
        b.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        return null;
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> b.append('\u0007');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'v' -> b.append('\u000b');
        case '\\' -> b.append('\\');
        case '"' -> b.append('"');
        case 'x', 'u', 'U' -> {
          int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + n > body.length()) {
            return null;
          }
          int v;
          try {
            v = Integer.parseUnsignedInt(body.substring(i, i + n), 16);
          } catch (NumberFormatException ex) {
            return null;
          }
          i += n;
          // \x is a byte; bytes >= 0x80 cannot be kept in a Java string exactly (see docs).
          b.appendCodePoint(e == 'x' && v >= 0x80 ? 0xFFFD : v);
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          if (i + 2 > body.length()) {
            return null;
          }
          int v;
          try {
            v = Integer.parseInt(body.substring(i - 1, i + 2), 8);
          } catch (NumberFormatException ex) {
            return null;
          }
          i += 2;
          b.appendCodePoint(v >= 0x80 ? 0xFFFD : v);
        }
        default -> {
          return null;
        }
      }
    }
    return b.toString();
  }

  /** The code point of a {@code '...'} literal, or -1 if malformed. */
  static int unquoteChar(String q) {
    if (q.length() < 3 || q.charAt(0) != '\'' || q.charAt(q.length() - 1) != '\'') {
      return -1;
    }
    String body = q.substring(1, q.length() - 1);
    if (body.equals("\\'")) {
      return '\'';
    }
    if (body.startsWith("\\")) {
      String s = unquote("\"" + body + "\"");
      return s == null || s.codePointCount(0, s.length()) != 1 ? -1 : s.codePointAt(0);
    }
    return body.codePointCount(0, body.length()) == 1 ? body.codePointAt(0) : -1;
  }
}

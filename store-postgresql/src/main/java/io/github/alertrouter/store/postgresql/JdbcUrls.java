package io.github.alertrouter.store.postgresql;

import java.util.regex.Pattern;

/** What may be shown of a JDBC URL: everything but its credentials. */
final class JdbcUrls {
  // password=... in the query, and user:password@ in an authority (which pgjdbc also accepts)
  private static final Pattern PASSWORD = Pattern.compile("(?i)([?&;]password=)[^&;]*");
  private static final Pattern USERINFO = Pattern.compile("(//)[^/@?]*@");

  private JdbcUrls() {}

  static String redact(String url) {
    String s = PASSWORD.matcher(url).replaceAll("$1***");
    return USERINFO.matcher(s).replaceAll("$1***@");
  }

  static boolean hasParameter(String url, String name) {
    return Pattern.compile("(?i)[?&;]" + Pattern.quote(name) + "=").matcher(url).find();
  }
}

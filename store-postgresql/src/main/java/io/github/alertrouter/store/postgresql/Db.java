package io.github.alertrouter.store.postgresql;

import io.github.alertrouter.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Runs one unit of work on a pooled connection, in autocommit or as one transaction. */
final class Db {
  /** Work on a connection. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection c) throws SQLException;
  }

  private final DataSource dataSource;

  Db(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** {@code work} with autocommit: each statement commits on its own. */
  <T> T run(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.on(c);
    } catch (SQLException e) {
      throw failed(operation, e);
    }
  }

  /** {@code work} as one transaction: committed when it returns, rolled back when it throws. */
  <T> T tx(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.on(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw failed(operation, e);
    }
  }

  private static StoreException failed(String operation, SQLException e) {
    // the driver's messages name the server and the statement, never the password
    return new StoreException("PostgreSQL store: " + operation + " failed (SQL state " + e.getSQLState() + "): "
        + e.getMessage(), e);
  }

  /**
   * A key as a text column holds it: PostgreSQL's text cannot hold NUL, which the router's group
   * keys use as a separator, so NUL is written {@code \0} and a backslash {@code \\}.
   */
  static String key(String key) {
    if (key.indexOf('\0') < 0 && key.indexOf('\\') < 0) {
      return key;
    }
    return key.replace("\\", "\\\\").replace("\0", "\\0");
  }

  /** The key {@link #key} wrote. */
  static String unkey(String stored) {
    if (stored.indexOf('\\') < 0) {
      return stored;
    }
    StringBuilder out = new StringBuilder(stored.length());
    for (int i = 0; i < stored.length(); i++) {
      char ch = stored.charAt(i);
      if (ch == '\\' && i + 1 < stored.length()) {
        char next = stored.charAt(++i);
        out.append(next == '0' ? '\0' : next);
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }

  static OffsetDateTime ts(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}

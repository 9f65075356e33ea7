package io.github.alertrouter.testkit;

import io.github.alertrouter.config.Robot;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asserts that secrets (webhook URLs, their tokens, signing secrets) appear nowhere a person could
 * read them: in what was logged ({@link RecordedLogs}: messages and stack traces), in exceptions
 * (message, causes and suppressed exceptions, as a stack trace prints them) and in any value's
 * {@code toString()}. A secret is found case-insensitively and in its URL-encoded form too. A
 * failure lists every leak with where it was, the secret itself masked as {@code <secret #N>}.
 *
 * <pre>{@code
 * SecretLeaks leaks = SecretLeaks.of(SecretLeaks.credentials(robot));
 * leaks.assertAbsentFromLogs();
 * leaks.assertAbsentFrom(result, event, thrown);
 * }</pre>
 *
 * Immutable and thread-safe.
 */
public final class SecretLeaks {
  /** Secrets shorter than this would be found by chance; {@link #of} refuses them. */
  public static final int MIN_LENGTH = 8;

  private static final Pattern TOKEN_PARAM =
      Pattern.compile("(?i)[?&](?:access_token|key|token|secret|sign)=([^&#]+)");
  private static final Pattern HOOK_TOKEN = Pattern.compile("(?i)/hook/([^/?#]+)");
  private static final int CONTEXT_CHARS = 160;

  private final List<String> secrets;

  private SecretLeaks(List<String> secrets) {
    this.secrets = secrets;
  }

  /**
   * Watches these secrets.
   *
   * @throws IllegalArgumentException when one is shorter than {@value #MIN_LENGTH} characters
   */
  public static SecretLeaks of(Collection<String> secrets) {
    Set<String> distinct = new LinkedHashSet<>();
    for (String secret : secrets) {
      Objects.requireNonNull(secret, "secret");
      if (secret.length() < MIN_LENGTH) {
        throw new IllegalArgumentException("a secret must have at least " + MIN_LENGTH
            + " characters to be told apart from ordinary text, but one had " + secret.length());
      }
      distinct.add(secret);
    }
    return new SecretLeaks(List.copyOf(distinct));
  }

  /** Watches these secrets; see {@link #of(Collection)}. */
  public static SecretLeaks of(String... secrets) {
    return of(List.of(secrets));
  }

  /**
   * What {@code robot} holds that must not leak: its webhook URL, each credential in it (the
   * {@code access_token}, {@code key}, {@code token} query values, the segment after {@code
   * /hook/}) and its signing secret. Read from the URL independently of the code under test.
   */
  public static List<String> credentials(Robot robot) {
    Set<String> found = new LinkedHashSet<>();
    String webhook = robot.webhook().reveal();
    found.add(webhook);
    for (Pattern p : List.of(TOKEN_PARAM, HOOK_TOKEN)) {
      Matcher m = p.matcher(webhook);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    if (robot.secret() != null && !robot.secret().isEmpty()) {
      found.add(robot.secret().reveal());
    }
    found.removeIf(s -> s.length() < MIN_LENGTH);
    return List.copyOf(found);
  }

  /** The watched secrets. */
  public List<String> secrets() {
    return secrets;
  }

  /**
   * Checks every event {@link RecordedLogs} holds: message and stack trace.
   *
   * @throws IllegalStateException when logs are not being recorded (see {@link RecordedLogs#requireInstalled()})
   * @throws AssertionError listing every leak
   */
  public void assertAbsentFromLogs() {
    List<LogEvent> events = RecordedLogs.events();
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      find("log event " + (i + 1) + " of " + events.size(), events.get(i).text(), leaks);
    }
    fail(leaks);
  }

  /**
   * Checks each value as a person would see it: a throwable's whole stack trace, each element of
   * a collection, array or map (and the container's own {@code toString()}), any other object's
   * {@code toString()}.
   *
   * @throws AssertionError listing every leak
   */
  public void assertAbsentFrom(Object... values) {
    List<String> leaks = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      inspect("value " + (i + 1) + " of " + values.length, values[i], leaks);
    }
    fail(leaks);
  }

  /** {@link #assertAbsentFromLogs()} and {@link #assertAbsentFrom}, reporting every leak of both at once. */
  public void assertAbsentEverywhere(Object... values) {
    List<String> leaks = new ArrayList<>();
    try {
      assertAbsentFromLogs();
    } catch (AssertionError e) {
      leaks.add(e.getMessage());
    }
    try {
      assertAbsentFrom(values);
    } catch (AssertionError e) {
      leaks.add(e.getMessage());
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(String.join("\n", leaks));
    }
  }

  /** {@code SecretLeaks.of(secrets).assertAbsentEverywhere(values)}: logs and values. */
  public static void assertAbsent(Collection<String> secrets, Object... values) {
    of(secrets).assertAbsentEverywhere(values);
  }

  private void inspect(String where, Object value, List<String> leaks) {
    if (value instanceof Throwable t) {
      find(where + " (" + t.getClass().getName() + ")", RecordingLogger.stackTrace(t), leaks);
      return;
    }
    find(where, String.valueOf(value), leaks);
    if (value instanceof Iterable<?> items) {
      int n = 0;
      for (Object item : items) {
        inspect(where + "[" + n++ + "]", item, leaks);
      }
    } else if (value instanceof Object[] items) {
      for (int n = 0; n < items.length; n++) {
        inspect(where + "[" + n + "]", items[n], leaks);
      }
    } else if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        inspect(where + " key", k, leaks);
        inspect(where + "[" + k + "]", v, leaks);
      });
    }
  }

  private void find(String where, String text, List<String> leaks) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (int i = 0; i < secrets.size(); i++) {
      for (String form : forms(secrets.get(i))) {
        int at = lower.indexOf(form.toLowerCase(Locale.ROOT));
        if (at >= 0) {
          leaks.add("secret #" + (i + 1) + " (" + secrets.get(i).length() + " characters) in " + where + ": "
              + excerpt(text, at, form.length()));
          break;
        }
      }
    }
  }

  private static List<String> forms(String secret) {
    String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    return encoded.equals(secret) ? List.of(secret) : List.of(secret, encoded);
  }

  /** The text around {@code at}, every watched secret masked, so the failure message leaks nothing itself. */
  private String excerpt(String text, int at, int length) {
    int from = Math.max(0, at - CONTEXT_CHARS);
    int to = Math.min(text.length(), at + length + CONTEXT_CHARS);
    String cut = (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    for (int i = 0; i < secrets.size(); i++) {
      for (String form : forms(secrets.get(i))) {
        cut = Pattern.compile(Pattern.quote(form), Pattern.CASE_INSENSITIVE).matcher(cut)
            .replaceAll(Matcher.quoteReplacement("<secret #" + (i + 1) + ">"));
      }
    }
    return cut;
  }

  private static void fail(List<String> leaks) {
    if (!leaks.isEmpty()) {
      throw new AssertionError(leaks.size() + (leaks.size() == 1 ? " secret leak:\n  " : " secret leaks:\n  ")
          + String.join("\n  ", leaks));
    }
  }
}

package io.github.alertrouter.cli;

import io.github.alertrouter.Alert;
import io.github.alertrouter.alertmanager.webhook.PayloadException;
import io.github.alertrouter.alertmanager.webhook.WebhookAlert;
import io.github.alertrouter.alertmanager.webhook.WebhookCodec;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.preview.RoutingPreview;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code alert-router preview}: what the router would do with some alerts, as the stable preview
 * JSON document. Reads the wall clock only when {@code --at} is not given: this is the edge of
 * the program, where "now" comes from.
 */
final class PreviewCommand implements Command {
  private final Clock clock;

  PreviewCommand() {
    this(Clock.systemUTC());
  }

  PreviewCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "preview";
  }

  @Override
  public String summary() {
    return "Show how alerts would be routed (JSON), without sending";
  }

  @Override
  public String help() {
    return """
        usage: alert-router preview --config=FILE --alerts=FILE [--at=RFC3339]

        Reads alerts and prints the preview document (JSON): for each alert its fingerprint,
        status, labels, and the policies it matches with their route keys, group keys and group
        labels; then the first notification of each group for each of its robots: who is @-ed
        (with the identity used, or why not) and each message's exact body and byte size.
        Nothing is sent. Fields are only ever added to this document, never renamed.

        Flags:
          --config=FILE   the alert-router config (YAML or JSON)
          --alerts=FILE   an Alertmanager webhook payload (JSON object, version 4 or 3), or a JSON
                          array of alerts as posted to Alertmanager's /api/v2/alerts
          --at=RFC3339    the instant to preview at (default: now), e.g. 2026-03-08T02:00:00Z

        Exit codes: 0 ok; 2 bad input (config problems, malformed alerts, bad flags).
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of("config", "alerts", "at"), Set.of());
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument \"" + args.positionals().get(0) + "\"");
    }
    Instant at = at(args.flag("at"));
    RouterConfig config = RouterConfig.load(Path.of(args.required("config")));
    List<Alert> alerts = readAlerts(args.required("alerts"));
    out.print(RoutingPreview.of(config, alerts, at).toJson());
    return Main.EXIT_OK;
  }

  private Instant at(String text) {
    if (text == null) {
      return clock.instant();
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--at must be an RFC 3339 time such as 2026-03-08T02:00:00Z, but was \"" + text + "\"");
    }
  }

  private static List<Alert> readAlerts(String file) {
    byte[] body;
    try {
      body = Files.readAllBytes(Path.of(file));
    } catch (IOException e) {
      throw new UsageException("cannot read --alerts file " + file + ": " + e.getMessage());
    }
    WebhookCodec codec = WebhookCodec.create();
    try {
      if (startsWithArray(body)) {
        List<Alert> alerts = new ArrayList<>();
        for (WebhookAlert alert : codec.parseAlertList(body)) {
          alerts.add(alert.alert());
        }
        return alerts;
      }
      return codec.parse(body).toAlerts();
    } catch (PayloadException e) {
      throw new UsageException(file + (e.pointer().isEmpty() ? "" : " at " + e.pointer()) + ": " + e.detail());
    }
  }

  private static boolean startsWithArray(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return b == '[';
      }
    }
    return false;
  }
}

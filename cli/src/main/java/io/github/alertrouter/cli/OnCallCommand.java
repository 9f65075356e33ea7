package io.github.alertrouter.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.config.Schedule;
import io.github.alertrouter.internal.text.Suggestions;
import io.github.alertrouter.oncall.Gap;
import io.github.alertrouter.oncall.ICalendar;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import io.github.alertrouter.oncall.Shift;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code alert-router oncall}: who is on call in a schedule at an instant, or the final schedule
 * over a range as text, JSON or iCalendar. Reads the wall clock only for the default of
 * {@code --at} and for the iCalendar {@code DTSTAMP}: this is the edge of the program, where "now"
 * comes from.
 */
final class OnCallCommand implements Command {
  /** The longest range {@code --from}/{@code --to} may span. */
  static final Duration MAX_RANGE = Duration.ofDays(366);

  /**
   * Jackson, set up when JSON is first asked for: Main builds every command at start, and an
   * ObjectMapper built here cost every command about 0.1 s of class loading (--help included).
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
    // the same layout as the preview document: "key": value, arrays one element per line
    static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""))
        .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
  }

  private final Clock clock;

  OnCallCommand() {
    this(Clock.systemUTC());
  }

  OnCallCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "oncall";
  }

  @Override
  public String summary() {
    return "Show who is on call in a schedule, or its shifts (text, JSON, iCalendar)";
  }

  @Override
  public String help() {
    return """
        usage: alert-router oncall --config=FILE --schedule=ID [--at=RFC3339 | --from=RFC3339 --to=RFC3339]
                                   [--format=text|json|ical]

        Evaluates an on-call schedule of the config (layers, restrictions and overrides together).

        At an instant (--at, default now): who is on call, from which layer or override, until when,
        and who comes next. JSON:
          {"schedule": ID, "at": T, "onCall": [{"contact": ID, "name": NAME, "source": SOURCE}],
           "until": T or null, "next": [{"contact": ID, "name": NAME, "source": SOURCE}]}
        where SOURCE is "layer:NAME" or "override", "until" is the next change (null when there is
        none within 400 days) and "next" who is on call from then.

        Over a range (--from and --to, at most 366 days): the final schedule, one line per shift,
        with the times nobody is on duty. JSON:
          {"schedule": ID, "from": T, "to": T,
           "shifts": [{"start": T, "end": T, "contact": ID, "name": NAME, "source": SOURCE}],
           "gaps": [{"start": T, "end": T}]}
        or an iCalendar (RFC 5545) file with one event per shift, times in UTC, to import into or
        serve to a calendar app. Times printed are RFC 3339 in UTC.

        Flags:
          --config=FILE     the alert-router config (YAML or JSON)
          --schedule=ID     the schedule's id
          --at=RFC3339      the instant to look at (default: now), e.g. 2026-03-08T02:00:00Z
          --from=RFC3339    start of the range, inclusive
          --to=RFC3339      end of the range, exclusive; after --from
          --format=FORMAT   text (default), json, or ical (ical needs --from and --to)

        Exit codes: 0 ok; 2 bad input (config problems, unknown schedule, bad flags).
        """;
  }

  @Override
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    Args args = Args.parse(argv, Set.of("config", "schedule", "at", "from", "to", "format"), Set.of());
    if (!args.positionals().isEmpty()) {
      throw new UsageException("unexpected argument \"" + args.positionals().get(0) + "\"");
    }
    String format = args.flag("format") == null ? "text" : args.flag("format");
    if (!List.of("text", "json", "ical").contains(format)) {
      throw new UsageException("--format must be text, json or ical, but was \"" + format + "\"");
    }
    boolean range = args.flag("from") != null || args.flag("to") != null;
    if (range && args.flag("at") != null) {
      throw new UsageException("--at cannot be combined with --from/--to");
    }
    if (!range && format.equals("ical")) {
      throw new UsageException("--format=ical needs a range: --from and --to");
    }
    String scheduleId = args.required("schedule");
    Instant from = range ? time("from", args.required("from")) : null;
    Instant to = range ? time("to", args.required("to")) : null;
    Instant at = range ? null : args.flag("at") == null ? clock.instant() : time("at", args.flag("at"));
    if (range) {
      checkRange(from, to);
    }
    RouterConfig config = RouterConfig.load(Path.of(args.required("config")));
    Schedule schedule = config.schedules().stream().filter(s -> s.id().equals(scheduleId)).findFirst().orElse(null);
    if (schedule == null) {
      List<String> known = config.schedules().stream().map(Schedule::id).toList();
      err.println("alert-router oncall: error: unknown schedule \"" + scheduleId + "\""
          + Suggestions.didYouMean(scheduleId, known)
          + (known.isEmpty() ? " (the config defines no schedules)" : " (known: " + String.join(", ", known) + ")"));
      return Main.EXIT_BAD_INPUT;
    }
    OnCallSchedule onCall = OnCallSchedule.of(schedule);
    Map<String, Contact> contacts = new LinkedHashMap<>();
    config.contacts().forEach(c -> contacts.put(c.id(), c));
    Names names = new Names(contacts);
    if (!range) {
      out.print(format.equals("json") ? atJson(onCall, at, names) : atText(onCall, at, names));
    } else if (format.equals("ical")) {
      out.print(ICalendar.write(onCall, contacts, from, to, clock.instant()));
    } else {
      out.print(format.equals("json") ? rangeJson(onCall, from, to, names) : rangeText(onCall, from, to, names));
    }
    return Main.EXIT_OK;
  }

  private static Instant time(String flag, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + flag + " must be an RFC 3339 time such as 2026-03-08T02:00:00Z, but was \"" + text + "\"");
    }
  }

  private static void checkRange(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new UsageException("--to must be after --from, but was " + format(from) + " – " + format(to));
    }
    Duration span = Duration.between(from, to);
    if (span.compareTo(MAX_RANGE) > 0) {
      String days = (span.equals(Duration.ofDays(span.toDays())) ? "" : "more than ") + span.toDays() + " days";
      throw new UsageException("--from/--to may span at most " + MAX_RANGE.toDays() + " days, but "
          + format(from) + " – " + format(to) + " is " + days + "; split the range");
    }
  }

  private static String atText(OnCallSchedule onCall, Instant at, Names names) {
    Instant until = onCall.nextChange(at);
    StringBuilder s = new StringBuilder(format(at)).append(' ').append(onCall.schedule().id()).append(": ");
    List<OnDuty> now = onCall.onCall(at);
    s.append(now.isEmpty() ? "nobody on duty" : now.stream()
        .map(d -> names.of(d.contactId()) + " (" + d.source() + ")").collect(Collectors.joining(", ")));
    if (until == null) {
      s.append(", no change within 400 days");
    } else {
      List<OnDuty> next = onCall.onCall(until);
      s.append(" until ").append(format(until)).append(", then ").append(next.isEmpty() ? "nobody"
          : next.stream().map(d -> names.of(d.contactId())).collect(Collectors.joining(", ")));
    }
    return s.append('\n').toString();
  }

  private static String atJson(OnCallSchedule onCall, Instant at, Names names) {
    Instant until = onCall.nextChange(at);
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schedule", onCall.schedule().id());
    root.put("at", format(at));
    duties(root.putArray("onCall"), onCall.onCall(at), names);
    if (until == null) {
      root.putNull("until");
    } else {
      root.put("until", format(until));
    }
    duties(root.putArray("next"), until == null ? List.of() : onCall.onCall(until), names);
    return json(root);
  }

  private static void duties(ArrayNode array, List<OnDuty> duties, Names names) {
    for (OnDuty duty : duties) {
      ObjectNode o = array.addObject();
      o.put("contact", duty.contactId());
      o.put("name", names.of(duty.contactId()));
      o.put("source", duty.source());
    }
  }

  private static String rangeText(OnCallSchedule onCall, Instant from, Instant to, Names names) {
    record Line(Instant start, String text) {}
    List<Line> lines = new ArrayList<>();
    for (Shift shift : onCall.render(from, to)) {
      lines.add(new Line(shift.start(), format(shift.start()) + " – " + format(shift.end()) + "  "
          + names.of(shift.contactId()) + " (" + shift.source() + ")"));
    }
    for (Gap gap : onCall.gaps(from, to)) {
      lines.add(new Line(gap.start(), format(gap.start()) + " – " + format(gap.end()) + "  nobody on duty"));
    }
    lines.sort(Comparator.comparing(Line::start)); // stable: shifts before a gap starting with them
    StringBuilder s = new StringBuilder();
    lines.forEach(line -> s.append(line.text()).append('\n'));
    return s.toString();
  }

  private static String rangeJson(OnCallSchedule onCall, Instant from, Instant to, Names names) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("schedule", onCall.schedule().id());
    root.put("from", format(from));
    root.put("to", format(to));
    ArrayNode shifts = root.putArray("shifts");
    for (Shift shift : onCall.render(from, to)) {
      ObjectNode o = shifts.addObject();
      o.put("start", format(shift.start()));
      o.put("end", format(shift.end()));
      o.put("contact", shift.contactId());
      o.put("name", names.of(shift.contactId()));
      o.put("source", shift.source());
    }
    ArrayNode gaps = root.putArray("gaps");
    for (Gap gap : onCall.gaps(from, to)) {
      gaps.addObject().put("start", format(gap.start())).put("end", format(gap.end()));
    }
    return json(root);
  }

  private static String json(ObjectNode root) {
    try {
      return Json.MAPPER.writer(Json.PRETTY).writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** Display names by contact id; an id the config does not know is shown as itself. */
  private record Names(Map<String, Contact> contacts) {
    String of(String contactId) {
      Contact contact = contacts.get(contactId);
      return contact == null ? contactId : contact.name();
    }
  }
}

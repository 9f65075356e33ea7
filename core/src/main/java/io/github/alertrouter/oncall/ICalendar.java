package io.github.alertrouter.oncall;

import io.github.alertrouter.config.Contact;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Exports the final schedule of an {@link OnCallSchedule} over a range as an iCalendar document
 * (RFC 5545), for subscribing to on-call shifts from a calendar app.
 *
 * <p>The document is one {@code VCALENDAR} ({@code VERSION:2.0}, {@code PRODID},
 * {@code CALSCALE:GREGORIAN}, {@code X-WR-CALNAME:On call: ID}) with one {@code VEVENT} per shift
 * of {@link OnCallSchedule#render}, in that order:
 *
 * <pre>
 * BEGIN:VEVENT
 * UID:primary-20260308T010000Z-alice@alert-router
 * DTSTAMP:20260301T000000Z
 * DTSTART:20260308T010000Z
 * DTEND:20260309T010000Z
 * SUMMARY:On call: Alice Zhang
 * DESCRIPTION:Source: layer:weekly\nSchedule: primary\nContact: alice
 * TRANSP:TRANSPARENT
 * END:VEVENT
 * </pre>
 *
 * <ul>
 *   <li>Times are UTC ({@code ...Z}), whole seconds: unambiguous with no {@code VTIMEZONE}; the
 *       calendar app shows them in its own zone.
 *   <li>{@code UID} is the schedule id, the shift's start and the contact id, so exporting the same
 *       shift again gives the same UID and a subscribed calendar updates it instead of adding a
 *       copy. A shift cut by {@code from} starts there, so its UID is that of the cut piece.
 *   <li>{@code DTSTAMP} is the {@code stamp} passed in: this class never reads the clock, so the
 *       same input gives the same bytes.
 *   <li>{@code SUMMARY} names the contact ({@link Contact#name()}, or the id when {@code contacts}
 *       does not know it); {@code DESCRIPTION} says where the shift comes from ({@code layer:NAME}
 *       or {@code override}).
 *   <li>{@code TRANSP:TRANSPARENT}: being on call does not make someone busy for meetings.
 *   <li>Gaps (nobody on duty) are not events: each is a calendar property
 *       {@code X-ALERT-ROUTER-GAP;VALUE=PERIOD:START/END} before the events, which calendar apps
 *       ignore and tools can read.
 *   <li>An empty range gives a calendar with no component. RFC 5545's grammar asks for at least
 *       one, but calendar apps read an empty one as an empty calendar, which is what it is.
 * </ul>
 *
 * <p>Every line ends with CRLF and is folded at 75 UTF-8 octets, never inside a character; TEXT
 * values are escaped (backslash, semicolon, comma, line breaks as {@code \n}).
 *
 * <p>Stateless and thread-safe.
 */
public final class ICalendar {
  /** The {@code PRODID} of every document. */
  public static final String PRODID = "-//alert-router//On-call schedule//EN";

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ICalendar() {}

  /**
   * Writes the shifts of {@code schedule} in [{@code from}, {@code to}).
   *
   * @param schedule the evaluated schedule
   * @param contacts contacts by id, for names; one not in it is shown by its id
   * @param from start of the range, inclusive
   * @param to end of the range, exclusive; equal to {@code from} for an empty calendar
   * @param stamp the {@code DTSTAMP} of every event: when the document was made
   * @return the document, lines ending in CRLF
   * @throws IllegalArgumentException when {@code to} is before {@code from}
   * @throws NullPointerException when an argument is {@code null}
   */
  public static String write(
      OnCallSchedule schedule, Map<String, Contact> contacts, Instant from, Instant to, Instant stamp) {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(stamp, "stamp");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to must not be before from, but was " + from + " – " + to);
    }
    String scheduleId = schedule.schedule().id();
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:" + escape(PRODID));
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + escape("On call: " + scheduleId));
    if (from.isBefore(to)) {
      for (Gap gap : schedule.gaps(from, to)) {
        line(out, "X-ALERT-ROUTER-GAP;VALUE=PERIOD:" + time(gap.start()) + "/" + time(gap.end()));
      }
      for (Shift shift : schedule.render(from, to)) {
        event(out, scheduleId, shift, contacts, stamp);
      }
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static void event(StringBuilder out, String scheduleId, Shift shift, Map<String, Contact> contacts, Instant stamp) {
    String start = time(shift.start());
    String end = time(shift.end());
    if (start.compareTo(end) >= 0) {
      return; // shorter than the second the format can say: nothing a calendar could show
    }
    Contact contact = contacts.get(shift.contactId());
    String name = contact == null ? shift.contactId() : contact.name();
    line(out, "BEGIN:VEVENT");
    line(out, "UID:" + escape(scheduleId + "-" + start + "-" + shift.contactId() + "@alert-router"));
    line(out, "DTSTAMP:" + time(stamp));
    line(out, "DTSTART:" + start);
    line(out, "DTEND:" + end);
    line(out, "SUMMARY:" + escape("On call: " + name));
    line(out, "DESCRIPTION:" + escape(
        "Source: " + shift.source() + "\nSchedule: " + scheduleId + "\nContact: " + shift.contactId()));
    line(out, "TRANSP:TRANSPARENT");
    line(out, "END:VEVENT");
  }

  private static String time(Instant instant) {
    return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static String escape(String text) {
    return ICalText.escape(text);
  }

  private static void line(StringBuilder out, String contentLine) {
    out.append(ICalText.fold(contentLine));
  }
}

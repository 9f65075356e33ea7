package io.github.alertrouter.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.RouterConfig;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The iCalendar export, read back by {@link ICalParser}. Expectations are derived from
 * {@code render}/{@code gaps} where they can be; the few that need the rotation itself use one
 * plain DAILY layer with ranges on handoff boundaries, which any correct rotation agrees on.
 */
class ICalendarTest {
  private static final Instant STAMP = Instant.parse("2026-03-01T00:00:00Z");
  private static final Map<String, Contact> CONTACTS = Map.of(
      "alice", Contact.of("alice", "Alice Zhang"),
      "bob", Contact.of("bob", "Bob Li"));

  /**
   * The members take turns daily at 09:00 Shanghai (01:00 UTC), the first on 2026-03-01. Read from
   * YAML rather than built with the records' constructors, which may gain components.
   */
  private static OnCallSchedule daily(String... members) {
    RouterConfig config = RouterConfig.parse("""
        contacts:
          - { id: alice, name: Alice Zhang }
          - { id: bob, name: Bob Li }
          - { id: carol, name: Carol Wang }
        schedules:
          - id: primary
            timeZone: Asia/Shanghai
            layers:
              - { name: daily, members: [%s], rotation: DAILY, handoff: "2026-03-01T09:00" }
        """.formatted(String.join(", ", members)), "test.yaml", Map.of());
    return OnCallSchedule.of(config.schedules().get(0));
  }

  @Test
  void writesTheDocumentExactly() {
    String ics = ICalendar.write(daily("alice", "bob"), CONTACTS,
        Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-04T01:00:00Z"), STAMP);
    assertThat(ics).isEqualTo(String.join("\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//alert-router//On-call schedule//EN",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:On call: primary",
        "BEGIN:VEVENT",
        "UID:primary-20260302T010000Z-bob@alert-router",
        "DTSTAMP:20260301T000000Z",
        "DTSTART:20260302T010000Z",
        "DTEND:20260303T010000Z",
        "SUMMARY:On call: Bob Li",
        "DESCRIPTION:Source: layer:daily\\nSchedule: primary\\nContact: bob",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:primary-20260303T010000Z-alice@alert-router",
        "DTSTAMP:20260301T000000Z",
        "DTSTART:20260303T010000Z",
        "DTEND:20260304T010000Z",
        "SUMMARY:On call: Alice Zhang",
        "DESCRIPTION:Source: layer:daily\\nSchedule: primary\\nContact: alice",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
        ""));
  }

  @Test
  void oneEventPerShiftInOrder() {
    OnCallSchedule schedule = daily("alice", "bob");
    Instant from = Instant.parse("2026-03-05T10:30:00Z");
    Instant to = Instant.parse("2026-03-19T04:15:00Z");
    ICalParser.Component calendar = ICalParser.parse(ICalendar.write(schedule, CONTACTS, from, to, STAMP));
    List<Shift> shifts = schedule.render(from, to);
    assertThat(shifts).isNotEmpty();
    assertThat(calendar.events()).hasSize(shifts.size());
    for (int i = 0; i < shifts.size(); i++) {
      ICalParser.Component event = calendar.events().get(i);
      Shift shift = shifts.get(i);
      assertThat(event.one("DTSTART").value()).isEqualTo(basic(shift.start()));
      assertThat(event.one("DTEND").value()).isEqualTo(basic(shift.end()));
      assertThat(event.one("SUMMARY").text()).isEqualTo("On call: " + CONTACTS.get(shift.contactId()).name());
      assertThat(event.one("DESCRIPTION").text()).startsWith("Source: " + shift.source() + "\n");
      assertThat(event.one("DTSTAMP").value()).isEqualTo("20260301T000000Z");
    }
  }

  @Test
  void uidsAreUniqueAndStableAcrossStampsAndOverlappingRanges() {
    OnCallSchedule schedule = daily("alice", "bob");
    Instant day = Instant.parse("2026-03-02T01:00:00Z");
    ICalParser.Component first = ICalParser.parse(
        ICalendar.write(schedule, CONTACTS, day, day.plus(10, ChronoUnit.DAYS), STAMP));
    ICalParser.Component later = ICalParser.parse(ICalendar.write(schedule, CONTACTS,
        day.plus(5, ChronoUnit.DAYS), day.plus(20, ChronoUnit.DAYS), STAMP.plus(3, ChronoUnit.DAYS)));
    List<String> firstUids = uids(first);
    assertThat(firstUids).doesNotHaveDuplicates().hasSize(10);
    assertThat(uids(later)).doesNotHaveDuplicates().containsAll(firstUids.subList(5, 10));
    assertThat(firstUids.get(0)).isEqualTo("primary-20260302T010000Z-bob@alert-router");
  }

  @Test
  void emptyRangeIsACalendarWithoutEvents() {
    Instant at = Instant.parse("2026-03-02T01:00:00Z");
    String ics = ICalendar.write(daily("alice"), CONTACTS, at, at, STAMP);
    ICalParser.Component calendar = ICalParser.parse(ics);
    assertThat(calendar.components()).isEmpty();
    assertThat(calendar.properties()).extracting(ICalParser.Property::name)
        .containsExactly("VERSION", "PRODID", "CALSCALE", "X-WR-CALNAME");
    assertThat(ics).endsWith("END:VCALENDAR\r\n");
  }

  @Test
  void refusesARangeThatEndsBeforeItStarts() {
    Instant at = Instant.parse("2026-03-02T01:00:00Z");
    assertThatThrownBy(() -> ICalendar.write(daily("alice"), CONTACTS, at, at.minusSeconds(1), STAMP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-03-02T01:00:00Z");
  }

  @Test
  void namesAreEscapedAndLongCjkAndEmojiNamesFoldCleanly() {
    String name = "张伟（支付平台值班负责人）; SRE, 备份\\主 \uD83D\uDE80\uD83D\uDD25 第二行\n"
        + "\uD83D\uDC68\u200D\uD83D\uDCBB".repeat(12) + "值班".repeat(20);
    Map<String, Contact> contacts = Map.of("alice", Contact.of("alice", name));
    Instant from = Instant.parse("2026-03-02T01:00:00Z");
    String ics = ICalendar.write(daily("alice"), contacts, from, from.plus(2, ChronoUnit.DAYS), STAMP);
    ICalParser.Component calendar = ICalParser.parse(ics); // checks CRLF, 75 octets, UTF-8 per line
    assertThat(calendar.events()).isNotEmpty().allSatisfy(event ->
        assertThat(event.one("SUMMARY").text()).isEqualTo("On call: " + name));
    assertThat(calendar.events().get(0).one("SUMMARY").value()) // unfolded, still escaped
        .contains("\\; SRE\\, 备份\\\\主").contains("第二行\\n");
    assertThat(ics.split("\r\n")).filteredOn(line -> line.startsWith(" ")).isNotEmpty()
        .allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
  }

  @Test
  void anUnknownContactIsShownByItsId() {
    Instant from = Instant.parse("2026-03-02T01:00:00Z");
    ICalParser.Component calendar = ICalParser.parse(
        ICalendar.write(daily("carol"), CONTACTS, from, from.plus(1, ChronoUnit.DAYS), STAMP));
    assertThat(calendar.events()).singleElement()
        .satisfies(event -> assertThat(event.one("SUMMARY").text()).isEqualTo("On call: carol"));
  }

  @Test
  void gapsAreCalendarPropertiesNotEvents() {
    // office hours only, from before the first handoff: gaps whichever rule a model applies first
    RouterConfig config = RouterConfig.parse("""
        contacts: [ { id: alice, name: Alice Zhang } ]
        schedules:
          - id: primary
            timeZone: Asia/Shanghai
            layers:
              - name: office
                members: [alice]
                rotation: DAILY
                handoff: "2026-03-02T09:00"
                restrictions: [ { days: [MON, TUE, WED, THU, FRI], from: "09:00", to: "18:00" } ]
        """, "test.yaml", Map.of());
    OnCallSchedule schedule = OnCallSchedule.of(config.schedules().get(0));
    Instant from = Instant.parse("2026-02-27T00:00:00Z");
    Instant to = Instant.parse("2026-03-05T00:00:00Z");
    List<Gap> gaps = schedule.gaps(from, to);
    assertThat(gaps).isNotEmpty();
    ICalParser.Component calendar = ICalParser.parse(ICalendar.write(schedule, CONTACTS, from, to, STAMP));
    assertThat(calendar.all("X-ALERT-ROUTER-GAP")).extracting(ICalParser.Property::value)
        .containsExactlyElementsOf(gaps.stream().map(g -> basic(g.start()) + "/" + basic(g.end())).toList());
    assertThat(calendar.all("X-ALERT-ROUTER-GAP")).allSatisfy(p -> assertThat(p.params()).containsEntry("VALUE", "PERIOD"));
    assertThat(calendar.events()).hasSize(schedule.render(from, to).size());
  }

  @Test
  void stampIsWholeSecondsUtc() {
    Instant from = Instant.parse("2026-03-02T01:00:00Z");
    ICalParser.Component calendar = ICalParser.parse(ICalendar.write(daily("alice"), CONTACTS, from,
        from.plus(1, ChronoUnit.DAYS), Instant.parse("2026-03-01T08:09:10.987654Z")));
    assertThat(calendar.events().get(0).one("DTSTAMP").value()).isEqualTo("20260301T080910Z");
  }

  private static List<String> uids(ICalParser.Component calendar) {
    return calendar.events().stream().map(e -> e.one("UID").text()).toList();
  }

  private static String basic(Instant instant) {
    return instant.toString().replace("-", "").replace(":", "");
  }
}

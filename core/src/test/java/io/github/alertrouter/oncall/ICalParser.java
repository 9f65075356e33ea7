package io.github.alertrouter.oncall;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An independent reader for tests: checks an iCalendar document line by line against the rules of
 * RFC 5545 that {@link ICalendar} must keep, then unfolds and parses it. It works on the octets,
 * not on Java strings, so a fold inside a UTF-8 character is caught. Throws
 * {@link AssertionError} naming the line for any violation. Written from the RFC, sharing no code
 * with the writer.
 */
final class ICalParser {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern UTC_TIME = Pattern.compile("\\d{8}T\\d{6}Z");

  /** A property: name upper-cased, parameters, and the raw (still escaped) value. */
  record Property(String name, Map<String, String> params, String value) {
    /** The value read as TEXT (§3.3.11). */
    String text() {
      return unescape(value);
    }
  }

  /** A component with its properties and sub-components, in document order. */
  record Component(String name, List<Property> properties, List<Component> components) {
    List<Property> all(String propertyName) {
      return properties.stream().filter(p -> p.name().equals(propertyName)).toList();
    }

    Property one(String propertyName) {
      List<Property> found = all(propertyName);
      if (found.size() != 1) {
        throw new AssertionError(name + " must have exactly one " + propertyName + ", has " + found.size());
      }
      return found.get(0);
    }

    List<Component> events() {
      return components.stream().filter(c -> c.name().equals("VEVENT")).toList();
    }
  }

  private ICalParser() {}

  /** Checks and parses a document that must be exactly one VCALENDAR. */
  static Component parse(String document) {
    return parse(document.getBytes(StandardCharsets.UTF_8));
  }

  /** Checks and parses a document, as octets, that must be exactly one VCALENDAR. */
  static Component parse(byte[] document) {
    List<String> contentLines = unfold(physicalLines(document));
    Deque<Component> open = new ArrayDeque<>();
    Component root = null;
    for (String line : contentLines) {
      Property p = property(line);
      if (p.name().equals("BEGIN")) {
        if (root != null) {
          throw new AssertionError("content after END:VCALENDAR: " + line);
        }
        if (open.isEmpty() && !p.value().equals("VCALENDAR")) {
          throw new AssertionError("must begin with BEGIN:VCALENDAR, but was " + line);
        }
        Component c = new Component(p.value(), new ArrayList<>(), new ArrayList<>());
        if (!open.isEmpty()) {
          open.peek().components().add(c);
        }
        open.push(c);
      } else if (p.name().equals("END")) {
        if (open.isEmpty() || !open.peek().name().equals(p.value())) {
          throw new AssertionError("unbalanced " + line);
        }
        Component done = open.pop();
        if (open.isEmpty()) {
          root = done;
        }
      } else {
        if (open.isEmpty()) {
          throw new AssertionError("property outside any component: " + line);
        }
        open.peek().properties().add(p);
      }
    }
    if (root == null || !open.isEmpty()) {
      throw new AssertionError("no complete VCALENDAR");
    }
    checkRequired(root);
    return root;
  }

  /** Splits on CRLF: no bare CR or LF, a final CRLF, each line at most 75 octets of valid UTF-8. */
  static List<String> physicalLines(byte[] document) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < document.length; i++) {
      if (document[i] == '\r') {
        if (i + 1 >= document.length || document[i + 1] != '\n') {
          throw new AssertionError("bare CR in line " + (lines.size() + 1));
        }
        int length = i - start;
        if (length > 75) {
          throw new AssertionError("line " + (lines.size() + 1) + " has " + length + " octets, more than 75");
        }
        lines.add(decode(document, start, length, lines.size() + 1));
        start = i + 2;
        i++;
      } else if (document[i] == '\n') {
        throw new AssertionError("bare LF in line " + (lines.size() + 1));
      }
    }
    if (start != document.length) {
      throw new AssertionError("the last line does not end with CRLF");
    }
    return lines;
  }

  /** Joins each line starting with one space or tab to the one before, dropping that whitespace. */
  static List<String> unfold(List<String> physical) {
    List<String> lines = new ArrayList<>();
    for (String line : physical) {
      if (line.startsWith(" ") || line.startsWith("\t")) {
        if (lines.isEmpty()) {
          throw new AssertionError("continuation line first: " + line);
        }
        lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
      } else {
        if (line.isEmpty()) {
          throw new AssertionError("empty content line after line " + lines.size());
        }
        lines.add(line);
      }
    }
    return lines;
  }

  /** Reads a TEXT value: only \\ \; \, \n \N may follow a backslash. */
  static String unescape(String value) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        if (c < 0x20 && c != '\t') {
          throw new AssertionError("control character U+" + Integer.toHexString(c) + " in TEXT " + value);
        }
        if (c == ';' || c == ',') {
          throw new AssertionError("unescaped " + c + " in TEXT " + value);
        }
        s.append(c);
        continue;
      }
      if (++i >= value.length()) {
        throw new AssertionError("TEXT ends in a lone backslash: " + value);
      }
      char e = value.charAt(i);
      switch (e) {
        case '\\', ';', ',' -> s.append(e);
        case 'n', 'N' -> s.append('\n');
        default -> throw new AssertionError("bad escape \\" + e + " in TEXT " + value);
      }
    }
    return s.toString();
  }

  private static Property property(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) != ';' && line.charAt(i) != ':') {
      i++;
    }
    String name = line.substring(0, i);
    if (!NAME.matcher(name).matches()) {
      throw new AssertionError("bad property name in " + line);
    }
    Map<String, String> params = new LinkedHashMap<>();
    while (i < line.length() && line.charAt(i) == ';') {
      int eq = line.indexOf('=', i);
      if (eq < 0) {
        throw new AssertionError("parameter without = in " + line);
      }
      int end = eq + 1;
      boolean quoted = false;
      while (end < line.length() && (quoted || (line.charAt(end) != ';' && line.charAt(end) != ':'))) {
        if (line.charAt(end) == '"') {
          quoted = !quoted;
        }
        end++;
      }
      params.put(line.substring(i + 1, eq).toUpperCase(), line.substring(eq + 1, end));
      i = end;
    }
    if (i >= line.length() || line.charAt(i) != ':') {
      throw new AssertionError("no ':' after the name in " + line);
    }
    return new Property(name.toUpperCase(), params, line.substring(i + 1));
  }

  private static void checkRequired(Component calendar) {
    if (!calendar.one("VERSION").value().equals("2.0")) {
      throw new AssertionError("VERSION must be 2.0");
    }
    calendar.one("PRODID");
    for (Component event : calendar.events()) {
      for (String name : Set.of("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")) {
        event.one(name);
      }
      for (String name : List.of("DTSTAMP", "DTSTART", "DTEND")) {
        if (!UTC_TIME.matcher(event.one(name).value()).matches()) {
          throw new AssertionError(name + " must be a UTC DATE-TIME, but was " + event.one(name).value());
        }
      }
      if (event.one("DTEND").value().compareTo(event.one("DTSTART").value()) <= 0) {
        throw new AssertionError("DTEND must be after DTSTART in " + event.one("UID").value());
      }
      event.one("SUMMARY").text();
      event.all("DESCRIPTION").forEach(Property::text);
    }
  }

  private static String decode(byte[] bytes, int offset, int length, int lineNumber) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes, offset, length)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("line " + lineNumber + " is not valid UTF-8 on its own (a character split by folding?)", e);
    }
  }
}

package io.github.alertrouter.delivery;

import io.github.alertrouter.Alert;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.MentionTarget;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.RouterConfig;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.oncall.OnCallSchedule;
import io.github.alertrouter.oncall.OnDuty;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.PlatformProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Turns a policy's mention targets into the people to @ for one notification, then, per robot,
 * into the identities its platform @s them by.
 *
 * <ul>
 *   <li>{@code contact:ID} is that contact; {@code group:ID} every member, in member order;
 *   <li>{@code label:NAME} / {@code annotation:NAME}: each alert's value (firing alerts first,
 *       then resolved ones, in order), split on commas, names a contact by id, mobile number or
 *       email; a value that names nobody is kept, shown by name and reported, never @-ed: only
 *       a configured contact is (ARMS: a number is @-ed once its owner is a bound contact);
 *   <li>{@code all} is everyone, and only when the policy lists it;
 *   <li>{@code schedule:ID} is whoever is on duty in that schedule at the notice's time (overrides
 *       first, then the top layer on duty); when nobody is, the schedule is named with "nobody
 *       on duty", so the message still goes out and says so.
 * </ul>
 *
 * Duplicates are dropped, keeping the first target that named a person, so the order is stable:
 * the order of the targets, then members, then alerts. Immutable and thread-safe.
 */
public final class MentionPlanner {
  private final ContactDirectory contacts;
  private final Map<String, OnCallSchedule> schedules = new HashMap<>();

  public MentionPlanner(RouterConfig config) {
    this.contacts = new ContactDirectory(config);
    config.schedules().forEach(s -> schedules.put(s.id(), OnCallSchedule.of(s)));
  }

  /** The people {@code targets} name for a notification about {@code alerts} made at {@code at}. */
  public List<PlannedMention> plan(List<MentionTarget> targets, List<Alert> alerts, Instant at) {
    Map<String, PlannedMention> planned = new LinkedHashMap<>();
    for (MentionTarget target : targets) {
      switch (target.kind()) {
        case ALL -> planned.putIfAbsent("*all", PlannedMention.all(target));
        case CONTACT -> add(planned, target, target.ref());
        case GROUP -> contacts.groupMembers(target.ref()).ifPresentOrElse(
            members -> members.forEach(id -> add(planned, target, id)),
            () -> planned.putIfAbsent("?group:" + target.ref(),
                PlannedMention.nobody(target, target.ref(), "unknown contact group \"" + target.ref() + "\"")));
        case SCHEDULE -> onDuty(planned, target, at);
        case LABEL, ANNOTATION -> {
          for (String value : values(target, alerts)) {
            Optional<Contact> contact = contacts.named(value);
            if (contact.isPresent()) {
              planned.putIfAbsent(contact.get().id(), PlannedMention.of(target, contact.get()));
            } else {
              planned.putIfAbsent("?value:" + value, PlannedMention.nobody(
                  target, value, "no contact with id, mobile or email \"" + value + "\""));
            }
          }
        }
      }
    }
    return List.copyOf(planned.values());
  }

  /**
   * The mentions as one platform @s them, without a particular robot in mind (each contact
   * resolved by {@link PlatformProvider#resolve(Contact)}).
   */
  public static List<Mention> resolve(List<PlannedMention> planned, PlatformProvider platform) {
    return resolve(planned, platform, null);
  }

  /**
   * The mentions as {@code robot}'s chat @s them: each contact resolved by {@code platform} for
   * that robot, deduplicated again by identity (two contacts sharing a number are @-ed once).
   *
   * @param robot the robot, or {@code null} for the platform's robot-independent answer
   */
  public static List<Mention> resolve(List<PlannedMention> planned, PlatformProvider platform, Robot robot) {
    return resolve(planned, platform, robot, null);
  }

  /** Reason given to a contact @-ed by mobile number who has not bound it, under {@code requireBinding}. */
  public static final String NOT_BOUND = "mobile number not bound yet (this policy requires binding)";

  /**
   * As {@link #resolve(List, PlatformProvider, Robot)}, and with {@code bound} (the policy's
   * {@code requireBinding}) a contact the platform would @ by mobile number is only @-ed when
   * {@code bound.test(contactId, platformId)}; otherwise it is named and reported as not bound.
   *
   * @param bound the binding check, or {@code null} when the policy does not require binding
   */
  public static List<Mention> resolve(
      List<PlannedMention> planned, PlatformProvider platform, Robot robot, BiPredicate<String, String> bound) {
    List<Mention> out = new ArrayList<>(planned.size());
    Set<Object> seen = new LinkedHashSet<>();
    for (PlannedMention p : planned) {
      if (p.isAll()) {
        if (seen.add("*all")) {
          out.add(Mention.all(p.target()));
        }
      } else if (p.contact() == null) {
        out.add(Mention.unresolved(p.target(), null, p.name(), p.reason()));
      } else {
        IdentityResolution r = robot == null ? platform.resolve(p.contact()) : platform.resolve(p.contact(), robot);
        if (!r.isResolved()) {
          out.add(Mention.unresolved(p.target(), p.contact().id(), p.name(), r.reason()));
        } else if (bound != null && "mobile".equals(r.identity().type()) && !bound.test(p.contact().id(), platform.id())) {
          out.add(Mention.unresolved(p.target(), p.contact().id(), p.name(), NOT_BOUND));
        } else if (seen.add(r.identity())) {
          out.add(Mention.resolved(p.target(), p.contact().id(), p.name(), r.identity()));
        }
      }
    }
    return out;
  }

  private void onDuty(Map<String, PlannedMention> planned, MentionTarget target, Instant at) {
    OnCallSchedule schedule = schedules.get(target.ref());
    if (schedule == null) {
      planned.putIfAbsent("?schedule:" + target.ref(),
          PlannedMention.nobody(target, target.ref(), "unknown schedule \"" + target.ref() + "\""));
      return;
    }
    List<OnDuty> onDuty = schedule.onCall(at);
    if (onDuty.isEmpty()) {
      String name = schedule.schedule().name() == null ? target.ref() : schedule.schedule().name();
      planned.putIfAbsent("?schedule:" + target.ref(),
          PlannedMention.nobody(target, name, "nobody is on duty in schedule " + target.ref()));
    }
    onDuty.forEach(d -> add(planned, target, d.contactId()));
  }

  private void add(Map<String, PlannedMention> planned, MentionTarget target, String contactId) {
    Optional<Contact> contact = contacts.byId(contactId);
    if (contact.isPresent()) {
      planned.putIfAbsent(contactId, PlannedMention.of(target, contact.get()));
    } else {
      planned.putIfAbsent("?contact:" + contactId,
          PlannedMention.nobody(target, contactId, "unknown contact \"" + contactId + "\""));
    }
  }

  private static Set<String> values(MentionTarget target, List<Alert> alerts) {
    Set<String> values = new LinkedHashSet<>();
    for (Alert alert : alerts) {
      String raw = target.kind() == MentionTarget.Kind.LABEL
          ? alert.labels().get(target.ref())
          : alert.annotations().get(target.ref());
      if (raw != null) {
        for (String part : raw.split(",")) {
          String value = part.trim();
          if (!value.isEmpty()) {
            values.add(value);
          }
        }
      }
    }
    return values;
  }
}

package io.github.alertrouter.gotemplate;

import io.github.alertrouter.alertmanager.webhook.WebhookAlert;

/**
 * Alertmanager's {@code template.Alert}: one alert as templates see it.
 *
 * @param status {@code firing} or {@code resolved}
 * @param labels the labels
 * @param annotations the annotations
 * @param startsAt when it started
 * @param endsAt when it ended, Go's zero time while firing without an end
 * @param generatorURL the link to its source
 * @param fingerprint the fingerprint as sent, {@code ""} when none was
 */
public record AmAlert(String status, Kv labels, Kv annotations, TimeValue startsAt,
    TimeValue endsAt, String generatorURL, String fingerprint) implements GoValue {

  /** The alert of one webhook entry. */
  public static AmAlert from(WebhookAlert a) {
    return new AmAlert(a.status().wireName(), new Kv(a.alert().labels()),
        new Kv(a.alert().annotations()), time(a.alert().startsAt()), time(a.alert().endsAt()),
        a.alert().generatorURL(), a.fingerprint() == null ? "" : a.fingerprint());
  }

  static TimeValue time(java.time.Instant i) {
    return i == null ? TimeValue.ZERO : new TimeValue(i);
  }

  @Override
  public String goType() {
    return "template.Alert";
  }

  @Override
  public Object field(String name) {
    return switch (name) {
      case "Status" -> status;
      case "Labels" -> labels;
      case "Annotations" -> annotations;
      case "StartsAt" -> startsAt;
      case "EndsAt" -> endsAt;
      case "GeneratorURL" -> generatorURL;
      case "Fingerprint" -> fingerprint;
      default -> NO_FIELD;
    };
  }

  @Override
  public void formatV(StringBuilder b) {
    b.append('{').append(status).append(' ');
    labels.formatV(b);
    b.append(' ');
    annotations.formatV(b);
    b.append(' ');
    startsAt.formatV(b);
    b.append(' ');
    endsAt.formatV(b);
    b.append(' ').append(generatorURL).append(' ').append(fingerprint).append('}');
  }
}

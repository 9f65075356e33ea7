package io.github.alertrouter.testkit;

import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import io.github.alertrouter.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link DeliveryListener} that keeps every event a dispatcher or router reports, for tests to
 * assert on: what was sent, each retry with its delay, what failed for good, what could not be
 * rendered. The lists are live and may be cleared between steps. Not thread-safe: meant for
 * dispatchers that run on the test's thread ({@link ManualScheduler}).
 */
public final class DeliveryRecorder implements DeliveryListener {
  /** One retried attempt and how long the dispatcher waits before the next. */
  public record Retry(DeliveryEvent event, Duration delay) {
    /** The failure kind of the attempt. */
    public FailureKind kind() {
      return DeliveryRecorder.kind(event.result());
    }

    /** The platform's error code of the attempt. */
    public String code() {
      return ((SendResult.Retryable) event.result()).code();
    }

    /** The platform's message (or the I/O error) of the attempt. */
    public String detail() {
      return ((SendResult.Retryable) event.result()).detail();
    }
  }

  private final List<DeliveryEvent> sent = new ArrayList<>();
  private final List<Retry> retries = new ArrayList<>();
  private final List<DeliveryEvent> failed = new ArrayList<>();
  private final List<String> renderProblems = new ArrayList<>();

  @Override
  public void sent(DeliveryEvent event) {
    sent.add(event);
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    retries.add(new Retry(event, delay));
  }

  @Override
  public void failed(DeliveryEvent event) {
    failed.add(event);
  }

  @Override
  public void renderFailed(String robotId, Notification notification, String problem) {
    renderProblems.add(robotId + ": " + problem);
  }

  /** Messages the platform accepted, in order. */
  public List<DeliveryEvent> sent() {
    return sent;
  }

  /** Retryable failures that were retried, in order. */
  public List<Retry> retries() {
    return retries;
  }

  /** Messages given up on, in order. */
  public List<DeliveryEvent> failed() {
    return failed;
  }

  /** {@code robotId: problem} for each notification that could not be rendered. */
  public List<String> renderProblems() {
    return renderProblems;
  }

  /** Everything recorded, e.g. to search for secrets. */
  public List<Object> all() {
    List<Object> all = new ArrayList<>(sent);
    retries.forEach(r -> all.add(r.event()));
    all.addAll(failed);
    all.addAll(renderProblems);
    return all;
  }

  /** The failure kind of a failed result; {@code null} for a sent one, or for none yet. */
  public static FailureKind kind(SendResult result) {
    return result == null ? null : result.failureKind().orElse(null);
  }
}

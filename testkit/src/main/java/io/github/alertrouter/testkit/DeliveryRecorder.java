package io.github.alertrouter.testkit;

import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.FailureKind;
import io.github.alertrouter.spi.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every delivery event a dispatcher or router reports, for {@link SecretLeakContractTest}:
 * the failures and retries to assert on, and all of it to search for secrets. Not thread-safe:
 * the tests' dispatchers run on the test's thread ({@link ManualScheduler}).
 */
final class DeliveryRecorder implements DeliveryListener {
  final List<DeliveryEvent> sent = new ArrayList<>();
  final List<DeliveryEvent> retried = new ArrayList<>();
  final List<DeliveryEvent> failed = new ArrayList<>();
  final List<String> renderProblems = new ArrayList<>();

  @Override
  public void sent(DeliveryEvent event) {
    sent.add(event);
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    retried.add(event);
  }

  @Override
  public void failed(DeliveryEvent event) {
    failed.add(event);
  }

  @Override
  public void renderFailed(String robotId, Notification notification, String problem) {
    renderProblems.add(robotId + ": " + problem);
  }

  /** Everything recorded, for the leak checks. */
  List<Object> all() {
    List<Object> all = new ArrayList<>(sent);
    all.addAll(retried);
    all.addAll(failed);
    all.addAll(renderProblems);
    return all;
  }

  /** The failure kind of a failed result; {@code null} for a sent one. */
  static FailureKind kind(SendResult result) {
    if (result instanceof SendResult.Retryable r) {
      return r.kind();
    }
    return result instanceof SendResult.Permanent p ? p.kind() : null;
  }
}

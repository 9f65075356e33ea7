package io.github.alertrouter.notify;

import io.github.alertrouter.notify.DeliveryEvent;
import io.github.alertrouter.notify.DeliveryListener;
import io.github.alertrouter.notify.Mention;
import io.github.alertrouter.notify.Notification;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Several listeners as one; each call is isolated, so one listener's bug cannot silence others. */
final class Listeners implements DeliveryListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<DeliveryListener> listeners;

  Listeners(List<DeliveryListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void sent(DeliveryEvent event) {
    each(l -> l.sent(event));
  }

  @Override
  public void retrying(DeliveryEvent event, Duration delay) {
    each(l -> l.retrying(event, delay));
  }

  @Override
  public void failed(DeliveryEvent event) {
    each(l -> l.failed(event));
  }

  @Override
  public void merged(String robotId, int notifications) {
    each(l -> l.merged(robotId, notifications));
  }

  @Override
  public void omitted(String robotId, Notification notification, int alerts) {
    each(l -> l.omitted(robotId, notification, alerts));
  }

  @Override
  public void unresolvedMentions(String robotId, Notification notification, List<Mention> unresolved) {
    each(l -> l.unresolvedMentions(robotId, notification, unresolved));
  }

  @Override
  public void renderFailed(String robotId, Notification notification, String problem) {
    each(l -> l.renderFailed(robotId, notification, problem));
  }

  private void each(Consumer<DeliveryListener> call) {
    for (DeliveryListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("delivery listener {} threw; ignored", l.getClass().getName(), e);
      }
    }
  }
}

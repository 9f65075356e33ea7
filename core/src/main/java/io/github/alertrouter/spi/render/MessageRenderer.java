package io.github.alertrouter.spi.render;

import io.github.alertrouter.notify.Notification;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RenderRequest;
import java.util.List;
import java.util.Map;

/**
 * What a platform's layouts do for its provider, as one part ({@link AssembledPlatform.Parts#renderer}):
 * render a notification and a notice into messages, and name the values its templates see. The
 * kit reads the robot's options for it, and owns the policies' templates: it compiles and caches
 * them ({@link Templates}, errors named for the platform) and checks them against
 * {@link #templateContext}. Implementations must be thread-safe.
 *
 * @param <O> the platform's robot options
 */
public interface MessageRenderer<O> {
  /**
   * {@link PlatformProvider#render}.
   *
   * @param options the robot's options, already read
   * @param template the policy's template for this platform, compiled, or {@code null} for the
   *     built-in look
   */
  List<OutboundMessage> render(RenderRequest request, O options, Template template);

  /**
   * Whether the platform's messages show a Go template's {@code title} ({@link Template#title});
   * a template with a title for a platform without one is a config problem. By default, no.
   */
  default boolean usesTitles() {
    return false;
  }

  /** {@link PlatformProvider#renderNotice}. */
  List<OutboundMessage> renderNotice(NoticeRequest request);

  /**
   * The values a template sees for {@code sample} ({@link TemplateContext#sampleNotification}),
   * shown whole with its mentions: a template that renders with them uses no name the platform
   * does not have.
   */
  Map<String, ?> templateContext(Notification sample);
}

package io.github.alertrouter.spi.render;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.GoTemplateText;
import io.github.alertrouter.config.NotifyRule;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.spi.ClientContext;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.NoticeRequest;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import io.github.alertrouter.spi.RenderRequest;
import io.github.alertrouter.spi.RobotClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link PlatformProvider} assembled from the parts that are a platform's own, so a platform's
 * provider only names them: id and display name, identities, renderer, notices, client, limits,
 * template and robot checks. {@link java.util.ServiceLoader} needs one class per platform with a
 * public no-argument constructor, so a platform subclasses this one:
 *
 * <pre>{@code
 * public final class DingTalkProvider extends AssembledPlatform {
 *   public DingTalkProvider() {
 *     super(parts(ID, "DingTalk").identities(DingTalkIdentities::resolve)
 *         .renderer(DingTalkOptions::of, new DingTalkLayouts())
 *         .webhook(DingTalkErrors.PROTOCOL).rateLimits(RATE_LIMIT).robotCheck(DingTalkOptions.OPTIONS::check));
 *   }
 * }
 * }</pre>
 *
 * <p>Identities, render and client are required; the rest default as {@link PlatformProvider}
 * does (no notices, no limits, no problems). Immutable once constructed; thread-safe when its parts
 * are, which {@link PlatformProvider} asks of them anyway.
 */
public abstract class AssembledPlatform implements PlatformProvider {
  private final String id;
  private final String displayName;
  private final Function<Contact, IdentityResolution> identities;
  private final BiFunction<Contact, Robot, IdentityResolution> identitiesInChat;
  private final Function<RenderRequest, List<OutboundMessage>> render;
  private final Function<NoticeRequest, List<OutboundMessage>> notices;
  private final BiFunction<Robot, ClientContext, RobotClient> client;
  private final List<RateLimit> rateLimits;
  private final Function<String, List<String>> templateCheck;
  private final List<Function<Robot, List<ConfigProblem>>> robotChecks;

  /**
   * A provider of {@code parts} (copied: later changes to the builder do not reach it).
   *
   * @throws IllegalStateException naming the part when a required one is missing
   */
  protected AssembledPlatform(Parts parts) {
    this.id = parts.id;
    this.displayName = parts.displayName;
    this.identities = required(parts.identities, "identities");
    this.identitiesInChat = parts.identitiesInChat;
    this.render = required(parts.render, "render");
    this.notices = parts.notices;
    this.client = required(parts.client, "client");
    this.rateLimits = List.copyOf(parts.rateLimits);
    this.templateCheck = parts.templateCheck;
    this.robotChecks = List.copyOf(parts.robotChecks);
  }

  /** The start of a platform's parts: its id robots name and its name for people. */
  public static Parts parts(String id, String displayName) {
    return new Parts(id, displayName);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public IdentityResolution resolve(Contact contact) {
    return identities.apply(contact);
  }

  @Override
  public IdentityResolution resolve(Contact contact, Robot robot) {
    return identitiesInChat == null ? resolve(contact) : identitiesInChat.apply(contact, robot);
  }

  @Override
  public List<OutboundMessage> render(RenderRequest request) {
    return render.apply(request);
  }

  @Override
  public List<OutboundMessage> renderNotice(NoticeRequest request) {
    return notices == null ? PlatformProvider.super.renderNotice(request) : notices.apply(request);
  }

  @Override
  public RobotClient client(Robot robot, ClientContext context) {
    return client.apply(robot, context);
  }

  @Override
  public List<RateLimit> rateLimits() {
    return rateLimits;
  }

  @Override
  public List<String> checkTemplate(String template) {
    return templateCheck == null ? List.of() : templateCheck.apply(template);
  }

  /** Every robot check's problems, in the order the checks were given. */
  @Override
  public List<ConfigProblem> checkRobot(Robot robot) {
    if (robotChecks.size() == 1) {
      return robotChecks.get(0).apply(robot);
    }
    List<ConfigProblem> problems = new ArrayList<>();
    robotChecks.forEach(check -> problems.addAll(check.apply(robot)));
    return List.copyOf(problems);
  }

  private <T> T required(T part, String name) {
    if (part == null) {
      throw new IllegalStateException("platform " + id + " has no " + name + " part (AssembledPlatform.Parts." + name + ")");
    }
    return part;
  }

  /**
   * The parts of a platform, named one by one. Each method sets one part and returns this builder.
   * Not thread-safe; a provider copies it in its constructor.
   */
  public static final class Parts {
    private final String id;
    private final String displayName;
    private Function<Contact, IdentityResolution> identities;
    private BiFunction<Contact, Robot, IdentityResolution> identitiesInChat;
    private Function<RenderRequest, List<OutboundMessage>> render;
    private Function<NoticeRequest, List<OutboundMessage>> notices;
    private BiFunction<Robot, ClientContext, RobotClient> client;
    private List<RateLimit> rateLimits = List.of();
    private Function<String, List<String>> templateCheck;
    private final List<Function<Robot, List<ConfigProblem>>> robotChecks = new ArrayList<>();

    private Parts(String id, String displayName) {
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException("a platform id must not be blank, but was \"" + id + "\"");
      }
      this.id = id;
      this.displayName = Objects.requireNonNull(displayName, "displayName");
    }

    /** The identity a contact is @-ed by ({@link PlatformProvider#resolve(Contact)}). Required. */
    public Parts identities(Function<Contact, IdentityResolution> identities) {
      this.identities = Objects.requireNonNull(identities, "identities");
      return this;
    }

    /**
     * The identity a contact is @-ed by in a robot's chat, for a platform whose choice depends on
     * the robot ({@link PlatformProvider#resolve(Contact, Robot)}). By default, {@link #identities}.
     */
    public Parts identitiesInChat(BiFunction<Contact, Robot, IdentityResolution> identitiesInChat) {
      this.identitiesInChat = Objects.requireNonNull(identitiesInChat, "identitiesInChat");
      return this;
    }

    /** Renders a notification ({@link PlatformProvider#render}). Required. */
    public Parts render(Function<RenderRequest, List<OutboundMessage>> render) {
      this.render = Objects.requireNonNull(render, "render");
      return this;
    }

    /**
     * Renders notifications and notices ({@link #render}, {@link #notices}) with the robot's
     * {@code options} read and the policies' templates compiled and cached for the platform, and
     * checks templates against the renderer's values for the sample notification
     * ({@link #templateCheck}).
     *
     * @param options reads a robot's options, throwing {@link IllegalArgumentException} for invalid ones
     */
    public <O> Parts renderer(Function<Robot, O> options, MessageRenderer<O> renderer) {
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(renderer, "renderer");
      Templates templates = new Templates(displayName, id);
      return render(r -> renderer.render(r, options.apply(r.robot()),
              r.template() == null ? null : templates.compile(r.template())))
          .notices(renderer::renderNotice)
          .templateCheck(t -> {
            List<String> problems = new ArrayList<>(templates.check(t, renderer.templateContext(
                TemplateContext.sampleNotification())));
            if (!renderer.usesTitles() && NotifyRule.isGoTemplate(t) && GoTemplateText.decode(t).title() != null) {
              problems.add("title: " + displayName + " messages have no title; leave it out");
            }
            return problems;
          });
    }

    /** Renders a notice ({@link PlatformProvider#renderNotice}). By default, notices are refused. */
    public Parts notices(Function<NoticeRequest, List<OutboundMessage>> notices) {
      this.notices = Objects.requireNonNull(notices, "notices");
      return this;
    }

    /** Makes a robot's client ({@link PlatformProvider#client}). Required. */
    public Parts client(BiFunction<Robot, ClientContext, RobotClient> client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** Sends with core's {@link WebhookClient}, driven by the platform's {@code protocol}: {@link #client}. */
    public Parts webhook(WebhookProtocol protocol) {
      Objects.requireNonNull(protocol, "protocol");
      return client((robot, context) -> new WebhookClient(robot, context, protocol));
    }

    /** The per-robot send limits ({@link PlatformProvider#rateLimits}). By default, none. */
    public Parts rateLimits(RateLimit... rateLimits) {
      this.rateLimits = List.of(rateLimits);
      return this;
    }

    /** Problems with a policy's template ({@link PlatformProvider#checkTemplate}). By default, none. */
    public Parts templateCheck(Function<String, List<String>> templateCheck) {
      this.templateCheck = Objects.requireNonNull(templateCheck, "templateCheck");
      return this;
    }

    /**
     * Adds a check of a robot's settings ({@link PlatformProvider#checkRobot}); the problems of
     * several checks are reported together, in the order they were added. By default, none.
     */
    public Parts robotCheck(Function<Robot, List<ConfigProblem>> robotCheck) {
      this.robotChecks.add(Objects.requireNonNull(robotCheck, "robotCheck"));
      return this;
    }
  }
}

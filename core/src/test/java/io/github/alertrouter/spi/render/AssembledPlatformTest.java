package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.alertrouter.config.ConfigProblem;
import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import io.github.alertrouter.spi.OutboundMessage;
import io.github.alertrouter.spi.PlatformProvider;
import io.github.alertrouter.spi.RateLimit;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AssembledPlatformTest {
  private static final Robot ROBOT = new Robot("r1", "acme", Secret.of("https://acme.example/hook"), null, null);
  private static final Contact ANN = Contact.of("ann", "Ann");
  private static final List<OutboundMessage> RENDERED = List.of(new OutboundMessage("text", "{}", List.of(), 0));
  private static final RateLimit PER_MINUTE = new RateLimit(20, Duration.ofMinutes(1));

  /** A platform of the given parts, as a platform module declares one. */
  private static final class Acme extends AssembledPlatform {
    Acme(UnaryOperator<Parts> more) {
      super(more.apply(parts("acme", "Acme")
          .identities(c -> IdentityResolution.resolved(new Identity("userId", c.id())))
          .render(request -> RENDERED)
          .client((robot, context) -> null)));
    }
  }

  static Stream<Arguments> minimal() {
    PlatformProvider p = new Acme(parts -> parts);
    return Stream.of(
        Arguments.of("id", p.id(), "acme"),
        Arguments.of("display name", p.displayName(), "Acme"),
        Arguments.of("identity", p.resolve(ANN).identity(), new Identity("userId", "ann")),
        Arguments.of("identity in a chat defaults to identity", p.resolve(ANN, ROBOT).identity(), new Identity("userId", "ann")),
        Arguments.of("render", p.render(null), RENDERED),
        Arguments.of("no limits", p.rateLimits(), List.of()),
        Arguments.of("no template problems", p.checkTemplate("{{#x}}"), List.of()),
        Arguments.of("no robot problems", p.checkRobot(ROBOT), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("minimal")
  void minimalPlatformDefaultsAsTheInterfaceDoes(String name, Object actual, Object expected) {
    assertThat(actual).isEqualTo(expected);
  }

  static Stream<Arguments> robotChecks() {
    ConfigProblem a = new ConfigProblem("options.a", "bad a");
    ConfigProblem b = new ConfigProblem("webhook", "bad b");
    Function<Robot, List<ConfigProblem>> none = r -> List.of();
    return Stream.of(
        Arguments.of("none", List.of(), List.of()),
        Arguments.of("one check", List.of(fixed(a)), List.of(a)),
        Arguments.of("two checks, in order", List.of(fixed(b), fixed(a)), List.of(b, a)),
        Arguments.of("a check without problems", List.of(none, fixed(a)), List.of(a)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("robotChecks")
  void robotChecksReportTogether(String name, List<Function<Robot, List<ConfigProblem>>> checks, List<ConfigProblem> expected) {
    PlatformProvider p = new Acme(parts -> {
      checks.forEach(parts::robotCheck);
      return parts;
    });
    assertThat(p.checkRobot(ROBOT)).isEqualTo(expected);
  }

  @Test
  void optionalPartsAreUsed() {
    PlatformProvider p = new Acme(parts -> parts
        .identitiesInChat((c, r) -> IdentityResolution.unresolved("not in " + r.id()))
        .notices(request -> RENDERED)
        .rateLimits(PER_MINUTE)
        .templateCheck(t -> List.of("line 1: " + t)));
    assertThat(p.resolve(ANN).isResolved()).isTrue();
    assertThat(p.resolve(ANN, ROBOT).reason()).isEqualTo("not in r1");
    assertThat(p.renderNotice(null)).isEqualTo(RENDERED);
    assertThat(p.rateLimits()).containsExactly(PER_MINUTE);
    assertThat(p.checkTemplate("x")).containsExactly("line 1: x");
  }

  @Test
  void withoutNoticesANoticeIsRefusedAsByDefault() {
    assertThatThrownBy(() -> new Acme(parts -> parts).renderNotice(null))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("platform acme cannot post notices");
  }

  @Test
  void aMissingRequiredPartIsNamed() {
    class NoClient extends AssembledPlatform {
      NoClient() {
        super(parts("acme", "Acme").identities(c -> null).render(r -> List.of()));
      }
    }
    assertThatThrownBy(NoClient::new)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("platform acme has no client part");
  }

  @Test
  void aBlankIdIsRefused() {
    assertThatThrownBy(() -> AssembledPlatform.parts(" ", "Acme"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("platform id must not be blank");
  }

  private static Function<Robot, List<ConfigProblem>> fixed(ConfigProblem problem) {
    return r -> List.of(problem);
  }
}

package io.github.alertrouter.lark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.config.Robot;
import io.github.alertrouter.config.Secret;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Who a contact is on Lark: user_id and/or open_id, never email, mobile or union_id. */
class LarkIdentityTest {
  private static Robot robot(Map<String, String> options) {
    return new Robot("r", "lark", Secret.of("https://open.feishu.cn/open-apis/bot/v2/hook/T"), null, null, options);
  }

  @ParameterizedTest(name = "mentionBy={0}, ids={1} -> {2}:{3}")
  @MethodSource("preferences")
  void theRobotsMentionByPicksTheId(String mentionBy, Map<String, String> lark, String type, String value) {
    Contact contact = new Contact("c", "Carol", null, null, Map.of("lark", lark));
    IdentityResolution r = new LarkProvider().resolve(contact, robot(Map.of("mentionBy", mentionBy)));
    assertThat(r.identity()).isEqualTo(new Identity(type, value));
  }

  static Stream<Arguments> preferences() {
    Map<String, String> both = Map.of("userId", "zhangsan", "openId", "ou_9");
    return Stream.of(
        Arguments.of("userId", both, "userId", "zhangsan"),
        Arguments.of("openId", both, "openId", "ou_9"),
        Arguments.of("openId", Map.of("userId", "zhangsan"), "userId", "zhangsan"),
        Arguments.of("userId", Map.of("openId", "ou_9"), "openId", "ou_9"));
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("user_id only", Map.of("userId", "3e3cf96b"), "userId", "3e3cf96b"),
        Arguments.of("open_id only", Map.of("openId", "ou_0a1b2c"), "openId", "ou_0a1b2c"),
        Arguments.of("both: user_id preferred", Map.of("userId", "zhangsan", "openId", "ou_9"), "userId", "zhangsan"),
        Arguments.of("blanks stripped", Map.of("userId", "  u1 "), "userId", "u1"),
        Arguments.of("blank user_id falls back", Map.of("userId", " ", "openId", "ou_1"), "openId", "ou_1"),
        Arguments.of("email attribute ignored", Map.of("email", "a@example.com"), null, "no Lark user_id or open_id"),
        Arguments.of("union_id ignored", Map.of("unionId", "on_1"), null, "no Lark user_id or open_id"),
        Arguments.of("nothing", Map.of(), null, "no Lark user_id or open_id"),
        Arguments.of("tag breakout refused", Map.of("userId", "x></at><at id=all"), null, "has characters"),
        Arguments.of("quote refused", Map.of("openId", "ou_\"all"), null, "has characters"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void resolves(String name, Map<String, String> lark, String type, String expected) {
    Contact contact = new Contact("c", "Carol", "+86 138 0000 0001", "carol@example.com", Map.of("lark", lark));

    IdentityResolution r = new LarkProvider().resolve(contact);
    assertThat(new LarkProvider().resolve(contact, robot(Map.of()))).isEqualTo(r);

    if (type == null) {
      assertThat(r.isResolved()).isFalse();
      assertThat(r.reason()).contains(expected);
    } else {
      assertThat(r.identity().type()).isEqualTo(type);
      assertThat(r.identity().value()).isEqualTo(expected);
    }
  }
}

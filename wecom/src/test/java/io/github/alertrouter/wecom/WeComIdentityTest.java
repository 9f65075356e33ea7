package io.github.alertrouter.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.IdentityResolution;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeComIdentityTest {
  static Stream<Arguments> contacts() {
    return Stream.of(
        Arguments.of("userid preferred over mobile", "zhangsan", "13800000001", "userId", "zhangsan"),
        Arguments.of("userid trimmed", "  alice.wang ", null, "userId", "alice.wang"),
        Arguments.of("userid with _ - @ .", "a_b-c@d.e", null, "userId", "a_b-c@d.e"),
        Arguments.of("blank userid falls back to mobile", " ", "13800000001", "mobile", "13800000001"),
        Arguments.of("+86 with spaces", null, "+86 138 0000 0001", "mobile", "13800000001"),
        Arguments.of("+86 with dashes", null, "+86-138-0000-0001", "mobile", "13800000001"),
        Arguments.of("0086 prefix", null, "0086 13800000001", "mobile", "13800000001"),
        Arguments.of("86 prefix without plus", null, "8613800000001", "mobile", "13800000001"),
        Arguments.of("bare mainland", null, "13800000001", "mobile", "13800000001"),
        Arguments.of("dots and parentheses", null, "(138).0000.0001", "mobile", "13800000001"),
        Arguments.of("Hong Kong (form unverified)", null, "+852 6123 4567", "mobile", "+852-61234567"),
        Arguments.of("Hong Kong with 00", null, "00852 6123 4567", "mobile", "+852-61234567"),
        Arguments.of("US", null, "+1 (415) 555-0100", "mobile", "+1-4155550100"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contacts")
  void resolves(String name, String userId, String mobile, String type, String value) {
    Map<String, Map<String, String>> im = userId == null ? Map.of() : Map.of("wecom", Map.of("userId", userId));
    IdentityResolution r = Fixtures.PROVIDER.resolve(new Contact("c1", "Carol", mobile, null, im));

    assertThat(r.isResolved()).as("%s", r).isTrue();
    assertThat(r.identity().type()).isEqualTo(type);
    assertThat(r.identity().value()).isEqualTo(value);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("userid that would break out of <@…>", "bob> <@all", null, "is not valid"),
        Arguments.of("userid with a space", "zhang san", "13800000001", "is not valid"),
        Arguments.of("userid starting with _", "_x", null, "is not valid"),
        Arguments.of("userid over 64 characters", "a".repeat(65), null, "is not valid"),
        Arguments.of("letters in mobile", null, "138-ABCD-0001", "not a phone number"),
        Arguments.of("too few digits", null, "12345", "has 5 digits"),
        Arguments.of("+86 landline", null, "+86 10 1234 5678", "not an 11-digit mainland mobile"),
        Arguments.of("local number without country code", null, "61234567", "has 8 digits"),
        Arguments.of("empty", null, "", "no WeCom userid or mobile"),
        Arguments.of("absent", null, null, "no WeCom userid or mobile"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String name, String userId, String mobile, String reason) {
    Map<String, Map<String, String>> im = userId == null ? Map.of() : Map.of("wecom", Map.of("userId", userId));
    IdentityResolution r = Fixtures.PROVIDER.resolve(new Contact("c1", "Carol", mobile, null, im));

    assertThat(r.isResolved()).isFalse();
    assertThat(r.reason()).contains(reason);
  }

  @Test
  void otherPlatformsIdentitiesAreIgnored() {
    Contact c = new Contact("c1", "Carol", null, null, Map.of("dingtalk", Map.of("userId", "manager7")));
    assertThat(Fixtures.PROVIDER.resolve(c).reason()).isEqualTo("no WeCom userid or mobile");
  }
}

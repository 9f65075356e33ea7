package io.github.alertrouter.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.IdentityResolution;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DingTalkIdentityTest {
  static Stream<Arguments> contacts() {
    return Stream.of(
        Arguments.of("userId preferred over mobile", "manager7675", "13800000001", "userId", "manager7675"),
        Arguments.of("userId trimmed", "  u1 ", null, "userId", "u1"),
        Arguments.of("blank userId falls back to mobile", " ", "13800000001", "mobile", "13800000001"),
        Arguments.of("+86 with spaces", null, "+86 138 0000 0001", "mobile", "13800000001"),
        Arguments.of("+86 with dashes", null, "+86-138-0000-0001", "mobile", "13800000001"),
        Arguments.of("0086 prefix", null, "0086 13800000001", "mobile", "13800000001"),
        Arguments.of("86 prefix without plus", null, "8613800000001", "mobile", "13800000001"),
        Arguments.of("bare mainland", null, "13800000001", "mobile", "13800000001"),
        Arguments.of("dots and parentheses", null, "(138).0000.0001", "mobile", "13800000001"),
        Arguments.of("Hong Kong", null, "+852 6123 4567", "mobile", "+852-61234567"),
        Arguments.of("Hong Kong with 00", null, "00852 6123 4567", "mobile", "+852-61234567"),
        Arguments.of("US", null, "+1 (415) 555-0100", "mobile", "+1-4155550100"),
        Arguments.of("UK", null, "+44 7700 900123", "mobile", "+44-7700900123"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contacts")
  void resolves(String name, String userId, String mobile, String type, String value) {
    Map<String, Map<String, String>> im = userId == null ? Map.of() : Map.of("dingtalk", Map.of("userId", userId));
    IdentityResolution r = Fixtures.PROVIDER.resolve(new Contact("c1", "Carol", mobile, null, im));

    assertThat(r.isResolved()).isTrue();
    assertThat(r.identity().type()).isEqualTo(type);
    assertThat(r.identity().value()).isEqualTo(value);
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("letters", "138-ABCD-0001", "not a phone number"),
        Arguments.of("too few digits", "12345", "has 5 digits"),
        Arguments.of("+86 landline", "+86 10 1234 5678", "not an 11-digit mainland mobile"),
        Arguments.of("local number without country code", "61234567", "has 8 digits"),
        Arguments.of("plus only", "+", "not a phone number"),
        Arguments.of("too long international", "+852 1234 5678 9012 3456", "outside 5 to 15"),
        Arguments.of("empty", "", "no DingTalk userId or mobile"),
        Arguments.of("absent", null, "no DingTalk userId or mobile"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refuses(String name, String mobile, String reason) {
    IdentityResolution r = Fixtures.PROVIDER.resolve(new Contact("c1", "Carol", mobile, null, Map.of()));

    assertThat(r.isResolved()).isFalse();
    assertThat(r.reason()).contains(reason);
  }

  @org.junit.jupiter.api.Test
  void otherPlatformsIdentitiesAreIgnored() {
    Contact c = new Contact("c1", "Carol", null, null, Map.of("lark", Map.of("userId", "ou_1")));
    assertThat(Fixtures.PROVIDER.resolve(c).reason()).isEqualTo("no DingTalk userId or mobile");
  }
}

package io.github.alertrouter.spi.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.alertrouter.config.Contact;
import io.github.alertrouter.spi.Identity;
import io.github.alertrouter.spi.IdentityResolution;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContactIdentitiesTest {
  static Stream<Arguments> imIds() {
    return Stream.of(
        Arguments.of("configured", Map.of("acme", Map.of("userId", "u1")), "u1"),
        Arguments.of("blanks stripped", Map.of("acme", Map.of("userId", "  u1 \t")), "u1"),
        Arguments.of("blank is none", Map.of("acme", Map.of("userId", "  ")), null),
        Arguments.of("another key", Map.of("acme", Map.of("openId", "o1")), null),
        Arguments.of("another platform", Map.of("other", Map.of("userId", "u1")), null),
        Arguments.of("no im at all", Map.of(), null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imIds")
  void imId(String name, Map<String, Map<String, String>> im, String expected) {
    Contact contact = new Contact("c", "C", null, null, im);
    assertThat(ContactIdentities.imId(contact, "acme", "userId")).isEqualTo(expected);
  }

  static Stream<Arguments> mobiles() {
    return Stream.of(
        Arguments.of("mainland", "+86 138 0000 0001", IdentityResolution.resolved(new Identity("mobile", "13800000001"))),
        Arguments.of("blanks around", "  13800000001 ", IdentityResolution.resolved(new Identity("mobile", "13800000001"))),
        Arguments.of("international", "+852 6123 4567", IdentityResolution.resolved(new Identity("mobile", "+852-61234567"))),
        Arguments.of("none", null, IdentityResolution.unresolved("no Acme id or mobile")),
        Arguments.of("blank", "   ", IdentityResolution.unresolved("no Acme id or mobile")),
        Arguments.of("not a number", "call me", IdentityResolution.unresolved("mobile \"call me\" is not a phone number"
            + " (only digits, an optional leading +, spaces, dashes, dots and parentheses are allowed)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mobiles")
  void mobile(String name, String mobile, IdentityResolution expected) {
    Contact contact = new Contact("c", "C", mobile, null, Map.of());
    assertThat(ContactIdentities.mobile(contact, "no Acme id or mobile")).isEqualTo(expected);
  }
}

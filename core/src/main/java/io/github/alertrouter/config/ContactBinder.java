package io.github.alertrouter.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Binds {@code contacts} and {@code contactGroups} entries. */
final class ContactBinder {
  private ContactBinder() {}

  static Contact contact(Node node) {
    if (!node.isMap("id", "name", "mobile", "email", "im")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    String name = node.field("name").text();
    String mobile = node.field("mobile").text();
    String email = node.field("email").text();
    Map<String, Map<String, String>> im = new LinkedHashMap<>();
    node.field("im").entries().forEach((platform, attributes) -> {
      Map<String, String> values = new LinkedHashMap<>();
      attributes.entries().forEach((attribute, value) -> {
        String text = value.requiredText();
        if (text != null) {
          values.put(attribute, text);
        }
      });
      im.put(platform, values);
    });
    return node.build(mark, () -> new Contact(id, name, mobile, email, im));
  }

  static ContactGroup group(Node node) {
    if (!node.isMap("id", "name", "members")) {
      return null;
    }
    int mark = node.mark();
    String id = node.required("id").text();
    String name = node.field("name").text();
    List<String> members = node.field("members").texts();
    return node.build(mark, () -> new ContactGroup(id, name, members));
  }
}

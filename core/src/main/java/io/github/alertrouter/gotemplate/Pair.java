package io.github.alertrouter.gotemplate;

/**
 * Alertmanager's {@code template.Pair}: one label or annotation.
 *
 * @param name the label name
 * @param value the label value
 */
public record Pair(String name, String value) implements GoValue {
  @Override
  public String goType() {
    return "template.Pair";
  }

  @Override
  public Object field(String f) {
    return switch (f) {
      case "Name" -> name;
      case "Value" -> value;
      default -> NO_FIELD;
    };
  }

  @Override
  public void formatV(StringBuilder b) {
    b.append('{').append(name).append(' ').append(value).append('}');
  }
}

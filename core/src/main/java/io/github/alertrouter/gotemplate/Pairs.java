package io.github.alertrouter.gotemplate;

import java.util.List;

/**
 * Alertmanager's {@code template.Pairs} ({@code []Pair}) with {@code Names} and {@code Values}.
 *
 * @param pairs the pairs in order
 */
public record Pairs(List<Pair> pairs) implements GoValue {
  /** Copies the list. */
  public Pairs {
    pairs = List.copyOf(pairs);
  }

  @Override
  public String goType() {
    return "template.Pairs";
  }

  @Override
  public List<?> asList() {
    return pairs;
  }

  @Override
  public void formatV(StringBuilder b) {
    GoFmt.formatV(b, pairs);
  }

  @Override
  public GoFunc method(String name) {
    return switch (name) {
      case "Names" -> GoFunc.of(name, a -> names());
      case "Values" -> GoFunc.of(name, a -> values());
      default -> null;
    };
  }

  /** The names in order, a {@code []string}. */
  public List<String> names() {
    return pairs.stream().map(Pair::name).toList();
  }

  /** The values in order, a {@code []string}. */
  public List<String> values() {
    return pairs.stream().map(Pair::value).toList();
  }
}

package io.github.alertrouter.internal.text;

/**
 * Alertmanager 0.25's rule for label and annotation names: {@code model.LabelName.IsValid} in
 * prometheus/common, which {@code model.Alert.Validate} applies to both maps of every posted alert.
 * Stateless and thread-safe.
 */
public final class LabelNames {
  /** {@code model.LabelNameRE} without its anchors, for messages. */
  public static final String PATTERN = "[a-zA-Z_][a-zA-Z0-9_]*";

  private LabelNames() {}

  /**
   * Whether {@code name} matches {@code ^[a-zA-Z_][a-zA-Z0-9_]*$}. A plain loop, as Go's is: it runs
   * for every label of every alert read.
   */
  public static boolean isValid(String name) {
    int n = name.length();
    if (n == 0) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c >= '0' && c <= '9' && i > 0);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * The refusal of an invalid name, in the project's "must …, but was …" form.
   *
   * @param kind {@code "label"} or {@code "annotation"}
   * @param quotedName the name as the caller quotes values in its messages
   */
  public static String refusal(String kind, String quotedName) {
    return kind + " name must match " + PATTERN + " (as in Alertmanager), but was " + quotedName;
  }
}

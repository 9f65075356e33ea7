package io.github.alertrouter.config;

/**
 * What the validator needs to know about elements that did not come straight from a list index.
 * When a document is loaded, elements that fail to bind are left out of their list, so a later
 * element's index no longer matches the document; its recorded path does. And a reference to an
 * element that failed to bind is not "unknown": its own problem has been reported already.
 */
interface Provenance {
  /** For configs built in code: paths are list indexes, nothing is broken. */
  Provenance NONE = new Provenance() {
    @Override
    public String path(Object element, String fallback) {
      return fallback;
    }

    @Override
    public String brokenPath(String section, String id) {
      return null;
    }
  };

  /** The path {@code element} was read from, or {@code fallback} when it was not read. */
  String path(Object element, String fallback);

  /**
   * The path of an element of {@code section} with this id that was present but failed to bind,
   * or {@code null} when there is none.
   */
  String brokenPath(String section, String id);

  /**
   * Whether {@code element} was built although some of its fields failed to bind (those fields are
   * then unset). Such an element is only checked for what it does say (its references, its ids),
   * never for what it seems to lack, because the lack may be the field whose problem was reported.
   */
  default boolean isPartial(Object element) {
    return false;
  }
}

package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.Node.ListNode;

/**
 * One named template: a {@code define}, a {@code block} or a whole parsed text.
 *
 * @param name the template's name
 * @param parseName the name of the text it was parsed from (errors name it, as Go's do)
 * @param text that whole text (errors compute line and column from it)
 * @param root the body
 */
record Tree(String name, String parseName, String text, ListNode root) {

  /** Go's IsEmptyTree: only whitespace text (and comments); such a tree never replaces another. */
  boolean isEmpty() {
    return isEmpty(root);
  }

  private static boolean isEmpty(Node n) {
    if (n instanceof ListNode l) {
      return l.nodes().stream().allMatch(Tree::isEmpty);
    }
    if (n instanceof Node.TextNode t) {
      return t.text().isBlank();
    }
    return n instanceof Node.CommentNode;
  }

  /** Go's ErrorContext location: {@code NAME:LINE:COL}, the column counted in UTF-8 bytes from 0. */
  String location(int pos) {
    String before = text.substring(0, Math.min(pos, text.length()));
    int nl = before.lastIndexOf('\n');
    int line = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
      }
    }
    int col = GoFmt.utf8Length(before.substring(nl + 1));
    return parseName + ":" + line + ":" + col;
  }
}

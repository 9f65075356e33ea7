package io.github.alertrouter.gotemplate;

import java.util.List;

/**
 * The parse tree, node for node as Go's {@code text/template/parse} builds it. {@link #toString()}
 * prints a node the way Go does, because exec errors quote it ({@code at <.Labels.x>}).
 */
sealed interface Node {
  /** Offset of the node in its template's text, for error positions. */
  int pos();

  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      nodes.forEach(b::append);
      return b.toString();
    }
  }

  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  record CommentNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return "{{" + text + "}}";
    }
  }

  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  record PipeNode(int pos, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
      implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          b.append(i > 0 ? ", " : "").append(decl.get(i));
        }
        b.append(" := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        b.append(i > 0 ? " | " : "").append(cmds.get(i));
      }
      return b.toString();
    }
  }

  record CommandNode(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        Node a = args.get(i);
        b.append(a instanceof PipeNode ? "(" + a + ")" : a.toString());
      }
      return b.toString();
    }
  }

  record IdentifierNode(int pos, String ident) implements Node {
    @Override
    public String toString() {
      return ident;
    }
  }

  /** {@code $x.A.B}: ident holds {@code $x}, {@code A}, {@code B}. */
  record VariableNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      return String.join(".", ident);
    }
  }

  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code .A.B}: ident holds {@code A}, {@code B}. */
  record FieldNode(int pos, List<String> ident) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      ident.forEach(i -> b.append('.').append(i));
      return b.toString();
    }
  }

  /** {@code (pipe).A.B} or {@code "x".A}: a term followed by fields. */
  record ChainNode(int pos, Node node, List<String> field) implements Node {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(node instanceof PipeNode ? "(" + node + ")" : node.toString());
      field.forEach(f -> b.append('.').append(f));
      return b.toString();
    }
  }

  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return Boolean.toString(value);
    }
  }

  /**
   * A number constant; like Go's, it may be usable as an int, a float or both.
   *
   * @param text as written, which is how Go prints it
   */
  record NumberNode(int pos, String text, boolean isInt, long intValue, boolean isFloat,
      double floatValue) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** @param quoted as written, which is how Go prints it */
  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** {@code if}, {@code range} and {@code with}; elseList is null without an else. */
  record BranchNode(int pos, int line, Kind kind, PipeNode pipe, ListNode list, ListNode elseList)
      implements Node {
    enum Kind { IF, RANGE, WITH }

    @Override
    public String toString() {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      return "{{" + name + " " + pipe + "}}" + list
          + (elseList == null ? "" : "{{else}}" + elseList) + "{{end}}";
    }
  }

  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{template " + GoFmt.quote(name) + (pipe == null ? "" : " " + pipe) + "}}";
    }
  }

  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** Internal markers the parser returns for {@code {{end}}} and {@code {{else}}}. */
  record EndNode(int pos) implements Node {}

  record ElseNode(int pos, int line) implements Node {}
}

package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.Item.Type;
import io.github.alertrouter.gotemplate.Node.ActionNode;
import io.github.alertrouter.gotemplate.Node.BranchNode;
import io.github.alertrouter.gotemplate.Node.ChainNode;
import io.github.alertrouter.gotemplate.Node.CommandNode;
import io.github.alertrouter.gotemplate.Node.FieldNode;
import io.github.alertrouter.gotemplate.Node.ListNode;
import io.github.alertrouter.gotemplate.Node.PipeNode;
import io.github.alertrouter.gotemplate.Node.VariableNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Go's {@code text/template/parse} recursive-descent parser, production for production, so the
 * same text yields the same tree and the same error message.
 */
final class Parser {
  private final String parseName;
  private final String text;
  private final List<Item> items;
  private final Set<String> funcs;
  private final Map<String, Tree> treeSet;
  private int next;
  private int fetched = -1;
  private int actionLine;
  private int rangeDepth;
  private List<String> vars = new ArrayList<>(List.of("$"));

  private Parser(String parseName, String text, Set<String> funcs, Map<String, Tree> treeSet) {
    this.parseName = parseName;
    this.text = text;
    this.items = Lexer.lex(text);
    this.funcs = funcs;
    this.treeSet = treeSet;
  }

  /**
   * Parses {@code text} as the template {@code name}; returns it and every template it defines,
   * in definition order (the text itself last, as Go adds it).
   */
  static Map<String, Tree> parse(String name, String text, Set<String> funcs) {
    Map<String, Tree> set = new LinkedHashMap<>();
    Parser p = new Parser(name, text, funcs, set);
    ListNode root = p.parseTop();
    p.add(new Tree(name, name, text, root));
    return set;
  }

  private ListNode parseTop() {
    List<Node> nodes = new ArrayList<>();
    int pos = peek().pos();
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        int mark = next;
        nextItem();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        next = mark;
      }
      Node n = textOrAction();
      if (n instanceof Node.EndNode) {
        throw error("unexpected {{end}}");
      }
      if (n instanceof Node.ElseNode) {
        throw error("unexpected {{else}}");
      }
      nodes.add(n);
    }
    return new ListNode(pos, nodes);
  }

  private void add(Tree tree) {
    Tree old = treeSet.get(tree.name());
    if (old == null || old.isEmpty()) {
      treeSet.remove(tree.name());
      treeSet.put(tree.name(), tree);
    } else if (!tree.isEmpty()) {
      throw error("template: multiple definition of template " + GoFmt.quote(tree.name()));
    }
  }

  private void parseDefinition() {
    String context = "define clause";
    Item name = expectOneOf(context, Type.STRING, Type.RAW_STRING);
    String defName = unquote(name.val());
    expect(Type.RIGHT_DELIM, context);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    Object[] r = itemList();
    vars = saved;
    if (!(r[1] instanceof Node.EndNode)) {
      throw error("unexpected " + markerString((Node) r[1]) + " in " + context);
    }
    add(new Tree(defName, parseName, text, (ListNode) r[0]));
  }

  /** Returns {list, the end or else node that stopped it}. */
  private Object[] itemList() {
    List<Node> nodes = new ArrayList<>();
    int pos = peekNonSpace().pos();
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof Node.EndNode || n instanceof Node.ElseNode) {
        return new Object[] {new ListNode(pos, nodes), n};
      }
      nodes.add(n);
    }
    throw error("unexpected EOF");
  }

  private Node textOrAction() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case TEXT:
        return new Node.TextNode(token.pos(), token.val());
      case LEFT_DELIM:
        int saved = actionLine;
        actionLine = token.line();
        try {
          return action();
        } finally {
          actionLine = saved;
        }
      case COMMENT:
        return new Node.CommentNode(token.pos(), token.val());
      default:
        throw unexpected(token, "input");
    }
  }

  private Node action() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
      case CONTINUE:
        return loopControl(token);
      case ELSE:
        return elseControl();
      case END:
        return new Node.EndNode(expect(Type.RIGHT_DELIM, "end").pos());
      case IF:
        return branch(BranchNode.Kind.IF);
      case RANGE:
        return branch(BranchNode.Kind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return branch(BranchNode.Kind.WITH);
      default:
        break;
    }
    next--;
    Item t = peek();
    return new ActionNode(t.pos(), t.line(), pipeline("command", Type.RIGHT_DELIM));
  }

  private Node loopControl(Item token) {
    String name = token.type() == Type.BREAK ? "{{break}}" : "{{continue}}";
    Item t = nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      throw unexpected(t, name);
    }
    if (rangeDepth == 0) {
      throw error(name + " outside {{range}}");
    }
    return token.type() == Type.BREAK
        ? new Node.BreakNode(token.pos(), token.line())
        : new Node.ContinueNode(token.pos(), token.line());
  }

  private Node elseControl() {
    Item peek = peekNonSpace();
    if (peek.type() == Type.IF || peek.type() == Type.WITH) {
      return new Node.ElseNode(peek.pos(), peek.line());
    }
    Item token = expect(Type.RIGHT_DELIM, "else");
    return new Node.ElseNode(token.pos(), token.line());
  }

  private BranchNode branch(BranchNode.Kind kind) {
    String context = kind.name().toLowerCase(java.util.Locale.ROOT);
    List<String> saved = new ArrayList<>(vars);
    try {
      PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
      if (kind == BranchNode.Kind.RANGE) {
        rangeDepth++;
      }
      Object[] r = itemList();
      if (kind == BranchNode.Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      Node stop = (Node) r[1];
      if (stop instanceof Node.ElseNode) {
        Type follow = peek().type();
        if (kind == BranchNode.Kind.IF && follow == Type.IF
            || kind == BranchNode.Kind.WITH && follow == Type.WITH) {
          nextItem();
          elseList = new ListNode(stop.pos(), List.of(branch(kind)));
        } else {
          Object[] e = itemList();
          if (!(e[1] instanceof Node.EndNode)) {
            throw error("expected end; found " + markerString((Node) e[1]));
          }
          elseList = (ListNode) e[0];
        }
      }
      return new BranchNode(pipe.pos(), 0, kind, pipe, (ListNode) r[0], elseList);
    } finally {
      vars = saved;
    }
  }

  private Node templateControl() {
    String context = "template clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      next--;
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new Node.TemplateNode(token.pos(), token.line(), name, pipe);
  }

  private Node blockControl() {
    String context = "block clause";
    Item token = nextNonSpace();
    String name = templateName(token, context);
    PipeNode pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = vars;
    vars = new ArrayList<>(List.of("$"));
    int savedDepth = rangeDepth;
    rangeDepth = 0;
    Object[] r = itemList();
    vars = saved;
    rangeDepth = savedDepth;
    if (!(r[1] instanceof Node.EndNode)) {
      throw error("unexpected " + markerString((Node) r[1]) + " in " + context);
    }
    add(new Tree(name, parseName, text, (ListNode) r[0]));
    return new Node.TemplateNode(token.pos(), token.line(), name, pipe);
  }

  private String templateName(Item token, String context) {
    if (token.type() == Type.STRING || token.type() == Type.RAW_STRING) {
      return unquote(token.val());
    }
    throw unexpected(token, context);
  }

  private PipeNode pipeline(String context, Type end) {
    Item first = peekNonSpace();
    int pos = first.pos();
    boolean isAssign = false;
    List<VariableNode> decl = new ArrayList<>();
    List<CommandNode> cmds = new ArrayList<>();
    decls:
    while (true) {
      Item v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        break;
      }
      int mark = next;
      nextItem();
      Item afterVar = peek();
      Item nx = peekNonSpace();
      if (nx.type() == Type.ASSIGN || nx.type() == Type.DECLARE) {
        isAssign = nx.type() == Type.ASSIGN;
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        break;
      } else if (nx.type() == Type.CHAR && nx.val().equals(",")) {
        nextNonSpace();
        decl.add(new VariableNode(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Type t = peekNonSpace().type();
          if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
            continue decls;
          }
          throw error("range can only initialize variables");
        }
        throw error("too many declarations in " + context);
      } else {
        next = mark;
        break;
      }
    }
    while (true) {
      Item token = nextNonSpace();
      if (token.type() == end) {
        if (cmds.isEmpty()) {
          throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
          Node a = cmds.get(i).args().get(0);
          if (a instanceof Node.BoolNode || a instanceof Node.DotNode || a instanceof Node.NilNode
              || a instanceof Node.NumberNode || a instanceof Node.StringNode) {
            throw error("non executable command in pipeline stage " + (i + 1));
          }
        }
        return new PipeNode(pos, isAssign, List.copyOf(decl), List.copyOf(cmds));
      }
      switch (token.type()) {
        case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
            VARIABLE, LEFT_PAREN -> {
          next--;
          cmds.add(command());
        }
        default -> throw unexpected(token, context);
      }
    }
  }

  private CommandNode command() {
    int pos = peekNonSpace().pos();
    List<Node> args = new ArrayList<>();
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        args.add(operand);
      }
      Item token = nextItem();
      if (token.type() == Type.SPACE) {
        continue;
      }
      if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
        next--;
      } else if (token.type() != Type.PIPE) {
        throw unexpected(token, "operand");
      }
      break;
    }
    if (args.isEmpty()) {
      throw error("empty command");
    }
    return new CommandNode(pos, List.copyOf(args));
  }

  private Node operand() {
    Node node = term();
    if (node == null) {
      return null;
    }
    if (peek().type() == Type.FIELD) {
      int pos = peek().pos();
      List<String> fields = new ArrayList<>();
      while (peek().type() == Type.FIELD) {
        fields.add(nextItem().val().substring(1));
      }
      if (node instanceof FieldNode f) {
        List<String> all = new ArrayList<>(f.ident());
        all.addAll(fields);
        return new FieldNode(pos, List.copyOf(all));
      }
      if (node instanceof VariableNode v) {
        List<String> all = new ArrayList<>(v.ident());
        all.addAll(fields);
        return new VariableNode(pos, List.copyOf(all));
      }
      if (node instanceof Node.BoolNode || node instanceof Node.StringNode
          || node instanceof Node.NumberNode || node instanceof Node.NilNode
          || node instanceof Node.DotNode) {
        throw error("unexpected . after term " + GoFmt.quote(node.toString()));
      }
      return new ChainNode(pos, node, List.copyOf(fields));
    }
    return node;
  }

  private Node term() {
    Item token = nextNonSpace();
    switch (token.type()) {
      case IDENTIFIER:
        if (!funcs.contains(token.val())) {
          throw error("function " + GoFmt.quote(token.val()) + " not defined");
        }
        return new Node.IdentifierNode(token.pos(), token.val());
      case DOT:
        return new Node.DotNode(token.pos());
      case NIL:
        return new Node.NilNode(token.pos());
      case VARIABLE:
        String name = token.val().split("\\.", 2)[0];
        if (!vars.contains(name)) {
          throw error("undefined variable " + GoFmt.quote(name));
        }
        return new VariableNode(token.pos(), List.of(token.val()));
      case FIELD:
        return new FieldNode(token.pos(), List.of(token.val().substring(1)));
      case BOOL:
        return new Node.BoolNode(token.pos(), token.val().equals("true"));
      case CHAR_CONSTANT:
      case NUMBER:
        return number(token);
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING:
      case RAW_STRING:
        return new Node.StringNode(token.pos(), token.val(), unquote(token.val()));
      default:
        next--;
        return null;
    }
  }

  private Node.NumberNode number(Item token) {
    String t = token.val();
    if (token.type() == Type.CHAR_CONSTANT) {
      int cp = GoStrconv.unquoteChar(t);
      if (cp < 0) {
        throw error("malformed character constant: " + t);
      }
      return new Node.NumberNode(token.pos(), t, true, cp, true, cp);
    }
    String clean = t.replace("_", "");
    boolean isInt = false;
    long iv = 0;
    boolean isFloat = false;
    double fv = 0;
    try {
      iv = parseGoInt(clean);
      isInt = true;
    } catch (NumberFormatException e) {
      // not an int
    }
    if (isInt) {
      isFloat = true;
      fv = iv;
    } else if (!t.matches("(?s).*[.eEpP].*") && !clean.matches("[+-]?0[xX].*")
        && clean.matches("[+-]?[0-9]+")) {
      // A float-parseable integer literal is one too large for int64, which Go rejects.
      throw error("integer overflow: " + GoFmt.quote(t));
    } else {
      try {
        if (clean.startsWith("0x") || clean.startsWith("0X")) {
          throw new NumberFormatException();
        }
        fv = Double.parseDouble(clean);
        if (!Double.isInfinite(fv)) {
          isFloat = true;
          if (fv == Math.rint(fv) && Math.abs(fv) < 9.2e18) {
            isInt = true;
            iv = (long) fv;
          }
        }
      } catch (NumberFormatException e) {
        // not a float
      }
    }
    if (!isInt && !isFloat) {
      throw error("illegal number syntax: " + GoFmt.quote(t));
    }
    return new Node.NumberNode(token.pos(), t, isInt, iv, isFloat, fv);
  }

  private static long parseGoInt(String s) {
    boolean neg = s.startsWith("-");
    String u = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    long v;
    if (u.startsWith("0x") || u.startsWith("0X")) {
      v = Long.parseLong(u.substring(2), 16);
    } else if (u.startsWith("0o") || u.startsWith("0O")) {
      v = Long.parseLong(u.substring(2), 8);
    } else if (u.startsWith("0b") || u.startsWith("0B")) {
      v = Long.parseLong(u.substring(2), 2);
    } else if (u.length() > 1 && u.startsWith("0")) {
      v = Long.parseLong(u.substring(1), 8);
    } else {
      v = Long.parseLong(u);
    }
    return neg ? -v : v;
  }

  private String unquote(String quoted) {
    String s = GoStrconv.unquote(quoted);
    if (s == null) {
      throw error("invalid syntax");
    }
    return s;
  }

  private static String markerString(Node n) {
    return n instanceof Node.EndNode ? "{{end}}" : n instanceof Node.ElseNode ? "{{else}}" : n.toString();
  }

  // Token stream.

  private Item nextItem() {
    Item it = items.get(Math.min(next, items.size() - 1));
    next++;
    fetched = Math.max(fetched, next - 1);
    return it;
  }

  private Item peek() {
    Item it = items.get(Math.min(next, items.size() - 1));
    fetched = Math.max(fetched, next);
    return it;
  }

  private Item nextNonSpace() {
    Item it;
    do {
      it = nextItem();
    } while (it.type() == Type.SPACE);
    return it;
  }

  private Item peekNonSpace() {
    int mark = next;
    Item it = nextNonSpace();
    next = mark;
    while (items.get(Math.min(next, items.size() - 1)).type() == Type.SPACE) {
      next++;
    }
    return it;
  }

  private Item expect(Type type, String context) {
    Item token = nextNonSpace();
    if (token.type() != type) {
      throw unexpected(token, context);
    }
    return token;
  }

  private Item expectOneOf(String context, Type... types) {
    Item token = nextNonSpace();
    if (!Arrays.asList(types).contains(token.type())) {
      throw unexpected(token, context);
    }
    return token;
  }

  private TemplateException lexError(Item token) {
    String extra = "";
    if (actionLine != 0 && actionLine != token.line()) {
      extra = " in action started at " + parseName + ":" + actionLine;
      if (token.val().endsWith(" action")) {
        extra = extra.substring(" in action".length());
      }
    }
    return error(token.val() + extra);
  }

  private TemplateException unexpected(Item token, String context) {
    if (token.type() == Type.ERROR) {
      return lexError(token);
    }
    return error("unexpected " + token + " in " + context);
  }

  private TemplateException error(String message) {
    Item at = items.get(Math.max(0, Math.min(fetched, items.size() - 1)));
    int line = at.line();
    int pos = Math.max(0, Math.min(at.pos(), text.length()));
    int lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    // Go counts columns in bytes; Chinese text is 3 bytes a character
    int column = text.substring(lineStart, pos).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    return new TemplateException("template: " + parseName + ":" + line + ": " + message, line + ":" + column);
  }
}

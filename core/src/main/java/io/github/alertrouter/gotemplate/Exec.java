package io.github.alertrouter.gotemplate;

import io.github.alertrouter.gotemplate.GoFunc.Kind;
import io.github.alertrouter.gotemplate.Node.ActionNode;
import io.github.alertrouter.gotemplate.Node.BranchNode;
import io.github.alertrouter.gotemplate.Node.ChainNode;
import io.github.alertrouter.gotemplate.Node.CommandNode;
import io.github.alertrouter.gotemplate.Node.FieldNode;
import io.github.alertrouter.gotemplate.Node.IdentifierNode;
import io.github.alertrouter.gotemplate.Node.ListNode;
import io.github.alertrouter.gotemplate.Node.NumberNode;
import io.github.alertrouter.gotemplate.Node.PipeNode;
import io.github.alertrouter.gotemplate.Node.VariableNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of a template: Go's {@code text/template} exec state (output, variable stack, the
 * node being evaluated for errors). Not thread-safe; a new one per execution.
 */
final class Exec {
  /** Go's maxExecDepth is 100000; Java's stack holds far fewer nested templates (see docs). */
  static final int MAX_DEPTH = 10000;

  private static final Object MISSING = new Object();

  private static final class LoopSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoopSignal() {
      super(null, null, false, false);
    }
  }

  private static final LoopSignal BREAK = new LoopSignal();
  private static final LoopSignal CONTINUE = new LoopSignal();

  private final GoTemplate tmpl;
  private final StringBuilder out;
  private Tree tree;
  private Node node;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private int depth;

  Exec(GoTemplate tmpl, StringBuilder out) {
    this.tmpl = tmpl;
    this.out = out;
  }

  void run(Tree t, Object data) {
    tree = t;
    push("$", data);
    try {
      walk(data, t.root());
    } catch (StackOverflowError e) {
      throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
  }

  // Variables.

  private void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private int mark() {
    return varNames.size();
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private void setVar(String name, Object value) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        varValues.set(i, value);
        return;
      }
    }
    throw errorf("undefined variable: " + name);
  }

  private void setTopVar(int n, Object value) {
    varValues.set(varValues.size() - n, value);
  }

  private Object varValue(String name) {
    for (int i = varNames.size() - 1; i >= 0; i--) {
      if (varNames.get(i).equals(name)) {
        return varValues.get(i);
      }
    }
    throw errorf("undefined variable: " + name);
  }

  // Errors.

  TemplateException errorf(String message) {
    String name = tree.name();
    if (node == null) {
      return new TemplateException("template: " + name + ": " + message);
    }
    return new TemplateException("template: " + tree.location(node.pos()) + ": executing "
        + GoFmt.quote(name) + " at <" + node + ">: " + message);
  }

  // Walking.

  private void walk(Object dot, Node n) {
    node = n;
    if (n instanceof ActionNode a) {
      Object val = evalPipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) {
        printValue(a, val);
      }
    } else if (n instanceof Node.TextNode t) {
      out.append(t.text());
    } else if (n instanceof ListNode l) {
      for (Node child : l.nodes()) {
        walk(dot, child);
      }
    } else if (n instanceof BranchNode b) {
      if (b.kind() == BranchNode.Kind.RANGE) {
        walkRange(dot, b);
      } else {
        walkIfOrWith(dot, b);
      }
    } else if (n instanceof Node.TemplateNode t) {
      walkTemplate(dot, t);
    } else if (n instanceof Node.BreakNode) {
      throw BREAK;
    } else if (n instanceof Node.ContinueNode) {
      throw CONTINUE;
    } else if (!(n instanceof Node.CommentNode)) {
      throw errorf("unknown node: " + n);
    }
  }

  private void walkIfOrWith(Object dot, BranchNode b) {
    int mark = mark();
    try {
      Object val = evalPipeline(dot, b.pipe());
      Boolean truth = Values.isTrue(val);
      if (truth == null) {
        throw errorf("if/with can't use " + GoFmt.sprint(val));
      }
      if (truth) {
        walk(b.kind() == BranchNode.Kind.WITH ? val : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void walkRange(Object dot, BranchNode r) {
    node = r;
    int outer = mark();
    try {
      Object val = evalPipeline(dot, r.pipe());
      int mark = mark();
      List<?> list = GoFmt.asList(val);
      Map<String, ?> map = list == null ? GoFmt.asMap(val) : null;
      if (list != null && !list.isEmpty()) {
        for (int i = 0; i < list.size(); i++) {
          if (!oneIteration(r, mark, (long) i, list.get(i))) {
            break;
          }
        }
        return;
      }
      if (map != null && !map.isEmpty()) {
        for (Map.Entry<String, ?> e : val instanceof Kv ? List.copyOf(map.entrySet()) : GoFmt.sorted(map)) {
          if (!oneIteration(r, mark, e.getKey(), e.getValue())) {
            break;
          }
        }
        return;
      }
      if (list == null && map == null && val != null) {
        throw errorf("range can't iterate over " + GoFmt.sprint(val));
      }
      if (r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } finally {
      pop(outer);
    }
  }

  /** Runs the body once; false after {{break}}. */
  private boolean oneIteration(BranchNode r, int mark, Object index, Object elem) {
    List<VariableNode> decl = r.pipe().decl();
    if (!decl.isEmpty()) {
      if (r.pipe().isAssign()) {
        setVar(decl.get(0).ident().get(0), decl.size() > 1 ? index : elem);
      } else {
        setTopVar(1, elem);
      }
    }
    if (decl.size() > 1) {
      if (r.pipe().isAssign()) {
        setVar(decl.get(1).ident().get(0), elem);
      } else {
        setTopVar(2, index);
      }
    }
    try {
      walk(elem, r.list());
    } catch (LoopSignal s) {
      if (s == BREAK) {
        return false;
      }
    } finally {
      pop(mark);
    }
    return true;
  }

  private void walkTemplate(Object dot, Node.TemplateNode t) {
    node = t;
    Tree target = tmpl.tree(t.name());
    if (target == null) {
      throw errorf("template " + GoFmt.quote(t.name()) + " not defined");
    }
    if (depth == MAX_DEPTH) {
      throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = evalPipeline(dot, t.pipe());
    Exec inner = new Exec(tmpl, out);
    inner.depth = depth + 1;
    inner.tree = target;
    inner.push("$", newDot);
    inner.walk(newDot, target.root());
  }

  // Evaluation.

  private Object evalPipeline(Object dot, PipeNode pipe) {
    if (pipe == null) {
      return null;
    }
    node = pipe;
    Object value = MISSING;
    for (CommandNode cmd : pipe.cmds()) {
      value = evalCommand(dot, cmd, value);
    }
    for (VariableNode v : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(v.ident().get(0), value);
      } else {
        push(v.ident().get(0), value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof FieldNode f) {
      node = f;
      return evalFieldChain(dot, dot, f, f.ident(), cmd.args(), fin);
    }
    if (first instanceof ChainNode c) {
      return evalChain(dot, c, cmd.args(), fin);
    }
    if (first instanceof IdentifierNode id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    }
    if (first instanceof PipeNode p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    }
    if (first instanceof VariableNode v) {
      return evalVariable(dot, v, cmd.args(), fin);
    }
    node = first;
    notAFunction(cmd.args(), fin);
    if (first instanceof Node.BoolNode b) {
      return b.value();
    }
    if (first instanceof Node.DotNode) {
      return dot;
    }
    if (first instanceof Node.NilNode) {
      throw errorf("nil is not a command");
    }
    if (first instanceof NumberNode num) {
      return idealConstant(num);
    }
    if (first instanceof Node.StringNode s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoFmt.quote(first.toString()));
  }

  private Object idealConstant(NumberNode c) {
    node = c;
    String t = c.text();
    boolean hex = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
        && !t.contains("p") && !t.contains("P");
    boolean rune = t.startsWith("'");
    if (c.isFloat() && !hex && !rune && hasFloatSyntax(t)) {
      return c.floatValue();
    }
    if (c.isInt()) {
      return c.intValue();
    }
    throw errorf(t + " overflows int");
  }

  private static boolean hasFloatSyntax(String t) {
    for (int i = 0; i < t.length(); i++) {
      char ch = t.charAt(i);
      if (ch == '.' || ch == 'e' || ch == 'E' || ch == 'p' || ch == 'P') {
        return true;
      }
    }
    return false;
  }

  private Object evalChain(Object dot, ChainNode c, List<Node> args, Object fin) {
    node = c;
    if (c.node() instanceof Node.NilNode) {
      throw errorf("indirection through explicit nil in " + c);
    }
    // No at(c) after the term: Go reports a failing field of the chain at the term's last node.
    Object pipe = evalArg(dot, Kind.ANY, c.node());
    return evalFieldChain(dot, pipe, c, c.field(), args, fin);
  }

  private Object evalVariable(Object dot, VariableNode v, List<Node> args, Object fin) {
    node = v;
    Object value = varValue(v.ident().get(0));
    if (v.ident().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.ident().subList(1, v.ident().size()), args, fin);
  }

  private Object evalFieldChain(
      Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
    }
    return evalField(dot, ident.get(last), n, args, fin, receiver);
  }

  private Object evalFunction(Object dot, IdentifierNode id, Node cmd, List<Node> args, Object fin) {
    node = id;
    GoFunc f = tmpl.function(id.ident());
    if (f == null) {
      throw errorf(GoFmt.quote(id.ident()) + " is not a defined function");
    }
    return evalCall(dot, f, true, cmd, id.ident(), args, fin);
  }

  private Object evalField(
      Object dot, String name, Node n, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      return null;
    }
    if (receiver instanceof GoValue g) {
      GoFunc m = g.method(name);
      if (m != null) {
        return evalCall(dot, m, false, n, name, args, fin);
      }
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    if (receiver instanceof GoValue g) {
      Object f = g.field(name);
      if (f != GoValue.NO_FIELD) {
        if (hasArgs) {
          throw errorf(name + " has arguments but cannot be invoked as function");
        }
        return f;
      }
    }
    Map<String, ?> map = GoFmt.asMap(receiver);
    if (map != null) {
      if (hasArgs) {
        throw errorf(name + " is not a method but has arguments");
      }
      Object v = map.get(name);
      if (v == null && !map.containsKey(name)) {
        return tmpl.missingKeyZero() && receiver instanceof GoValue g ? g.mapZero() : null;
      }
      return v;
    }
    throw errorf("can't evaluate field " + name + " in type " + GoFmt.typeName(receiver));
  }

  private Object evalCall(Object dot, GoFunc f, boolean builtin, Node n, String name,
      List<Node> args, Object fin) {
    List<Node> argNodes = args == null || args.isEmpty() ? List.of() : args.subList(1, args.size());
    int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
    int numParams = f.params().size() + (f.variadic() != null ? 1 : 0);
    int numFixed = argNodes.size();
    if (f.variadic() != null) {
      numFixed = f.params().size();
      if (numIn < numFixed) {
        throw errorf("wrong number of args for " + name + ": want at least " + numFixed + " got "
            + argNodes.size());
      }
    } else if (numIn != numParams) {
      throw errorf("wrong number of args for " + name + ": want " + numParams + " got " + numIn);
    }
    if (builtin && (name.equals("and") || name.equals("or")) && f.impl() == null) {
      boolean wantTrue = name.equals("or");
      Object v = null;
      for (Node a : argNodes) {
        v = evalArg(dot, Kind.VALUE, a);
        if (Values.truth(v) == wantTrue) {
          return v;
        }
      }
      return fin != MISSING ? fin : v;
    }
    List<Object> argv = new ArrayList<>(numIn);
    int i = 0;
    for (; i < numFixed && i < argNodes.size(); i++) {
      argv.add(evalArg(dot, f.params().get(i), argNodes.get(i)));
    }
    if (f.variadic() != null) {
      for (; i < argNodes.size(); i++) {
        argv.add(evalArg(dot, f.variadic(), argNodes.get(i)));
      }
    }
    if (fin != MISSING) {
      Kind k = f.variadic() != null && numIn - 1 >= numFixed ? f.variadic()
          : f.params().get(numIn - 1);
      argv.add(validateType(fin, k));
    }
    try {
      return f.impl().call(argv);
    } catch (GoFunc.CallError e) {
      node = n;
      throw errorf("error calling " + name + ": " + e.getMessage());
    }
  }

  private Object validateType(Object value, Kind k) {
    if (value == null) {
      if (k == Kind.ANY || k == Kind.VALUE || k == Kind.STRINGS) {
        return null;
      }
      throw errorf("invalid value; expected " + k.goName);
    }
    boolean ok = switch (k) {
      case ANY, VALUE -> true;
      case STRING -> value instanceof String;
      case INT -> value instanceof Long;
      case FLOAT -> value instanceof Double;
      case BOOL -> value instanceof Boolean;
      case STRINGS -> GoFmt.typeName(value).equals("[]string");
    };
    if (!ok) {
      throw errorf("wrong type for value; expected " + k.goName + "; got " + GoFmt.typeName(value));
    }
    return value;
  }

  private Object evalArg(Object dot, Kind k, Node n) {
    node = n;
    if (n instanceof Node.DotNode) {
      return validateType(dot, k);
    }
    if (n instanceof Node.NilNode) {
      if (k == Kind.ANY || k == Kind.VALUE || k == Kind.STRINGS) {
        return null;
      }
      throw errorf("cannot assign nil to " + k.goName);
    }
    if (n instanceof FieldNode f) {
      return validateType(evalFieldChain(dot, dot, f, f.ident(), List.of(n), MISSING), k);
    }
    if (n instanceof VariableNode v) {
      return validateType(evalVariable(dot, v, List.of(), MISSING), k);
    }
    if (n instanceof PipeNode p) {
      return validateType(evalPipeline(dot, p), k);
    }
    if (n instanceof IdentifierNode id) {
      return validateType(evalFunction(dot, id, id, null, MISSING), k);
    }
    if (n instanceof ChainNode c) {
      return validateType(evalChain(dot, c, List.of(), MISSING), k);
    }
    switch (k) {
      case BOOL:
        if (n instanceof Node.BoolNode b) {
          return b.value();
        }
        throw errorf("expected bool; found " + n);
      case STRING:
        if (n instanceof Node.StringNode s) {
          return s.text();
        }
        throw errorf("expected string; found " + n);
      case INT:
        if (n instanceof NumberNode num && num.isInt()) {
          return num.intValue();
        }
        throw errorf("expected integer; found " + n);
      case FLOAT:
        if (n instanceof NumberNode num && num.isFloat()) {
          return num.floatValue();
        }
        throw errorf("expected float; found " + n);
      case ANY:
      case VALUE:
        if (n instanceof Node.BoolNode b) {
          return b.value();
        }
        if (n instanceof NumberNode num) {
          return idealConstant(num);
        }
        if (n instanceof Node.StringNode s) {
          return s.text();
        }
        throw errorf("can't handle assignment of " + n + " to empty interface argument");
      default:
        throw errorf("can't handle " + n + " for arg of type " + k.goName);
    }
  }

  private void printValue(Node n, Object v) {
    node = n;
    if (v == null) {
      out.append("<no value>");
      return;
    }
    if (v instanceof GoFunc) {
      throw errorf("can't print " + n + " of type func");
    }
    GoFmt.formatV(out, v);
  }
}

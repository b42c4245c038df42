package io.github.nixml.nix.eval;

import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Closure;
import io.github.nixml.nix.eval.Value.ListV;
import io.github.nixml.nix.eval.Value.Str;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code builtins.toXML}: Nix 2.8's XML of a value, forced deeply. Sets list their attributes by name, a
 * derivation says its paths once, a lambda shows its pattern, a builtin is {@code <unevaluated />}.
 */
final class XmlBuiltin {
  private static final int MAX_DEPTH = 200;

  private final BuiltinCall call;
  private final StringBuilder out = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
  private final Set<String> derivationsSeen = new HashSet<>();

  private XmlBuiltin(BuiltinCall call) {
    this.call = call;
  }

  static Builtin builtin() {
    return new Builtin("toXML", 1, call -> {
      XmlBuiltin xml = new XmlBuiltin(call);
      xml.value(call.thunk(0).force(), 1);
      return call.str(xml.out.append("</expr>\n").toString());
    });
  }

  private void value(Value raw, int depth) {
    Value value = call.known(raw);
    if (depth > MAX_DEPTH) {
      throw new BuiltinCall.Stop(Value.UNKNOWN);
    }
    if (value instanceof Str str) {
      empty(depth, "string", "value", call.string(str));
    } else if (value instanceof Value.Int number) {
      empty(depth, "int", "value", Long.toString(number.value()));
    } else if (value instanceof Value.Float number) {
      empty(depth, "float", "value", Numbers.general(number.value()));
    } else if (value instanceof Bool bool) {
      empty(depth, "bool", "value", Boolean.toString(bool.value()));
    } else if (value instanceof Value.Null) {
      indent(depth).append("<null />\n");
    } else if (value instanceof Value.Path path) {
      empty(depth, "path", "value", path.path());
    } else if (value instanceof ListV) {
      indent(depth).append("<list>\n");
      for (Value item : call.list(value)) {
        value(item, depth + 1);
      }
      indent(depth).append("</list>\n");
    } else if (value instanceof Attrs attrs) {
      attrs(call.closedAttrs(attrs), depth);
    } else if (value instanceof Closure closure) {
      function(closure.lambda(), depth);
    } else {
      indent(depth).append("<unevaluated />\n");
    }
  }

  private void attrs(Attrs attrs, int depth) {
    if (!(attrs.entries().containsKey("type") && attrs.get("type") instanceof Str type
        && "derivation".equals(type.literal()))) {
      indent(depth).append("<attrs>\n");
      members(attrs, depth + 1);
      indent(depth).append("</attrs>\n");
      return;
    }
    StringBuilder element = new StringBuilder("<derivation");
    String drvPath = null;
    for (String path : List.of("drvPath", "outPath")) {
      // forced, as Nix does; only a string is shown
      if (attrs.entries().containsKey(path) && call.known(attrs.get(path)) instanceof Str str) {
        String text = call.string(str);
        element.append(' ').append(path).append("=\"").append(escape(text)).append('"');
        drvPath = path.equals("drvPath") ? text : drvPath;
      }
    }
    indent(depth).append(element).append(">\n");
    // as in Nix, a derivation without a drvPath counts as already shown
    if (drvPath != null && !drvPath.isEmpty() && derivationsSeen.add(drvPath)) {
      members(attrs, depth + 1);
    } else {
      indent(depth + 1).append("<repeated />\n");
    }
    indent(depth).append("</derivation>\n");
  }

  private void members(Attrs attrs, int depth) {
    for (String name : Comparison.sortedNames(attrs)) {
      indent(depth).append("<attr name=\"").append(escape(name)).append("\">\n");
      value(attrs.get(name), depth + 1);
      indent(depth).append("</attr>\n");
    }
  }

  private void function(Term.Lambda lambda, int depth) {
    indent(depth).append("<function>\n");
    if (lambda.formals() == null) {
      empty(depth + 1, "varpat", "name", lambda.param());
    } else {
      indent(depth + 1).append("<attrspat").append(lambda.ellipsis() ? " ellipsis=\"1\"" : "")
          .append(lambda.param() == null ? "" : " name=\"" + escape(lambda.param()) + "\"").append(">\n");
      Set<String> names = new TreeSet<>(Strings::compare);
      lambda.formals().forEach(formal -> names.add(formal.name()));
      for (String name : names) {
        empty(depth + 2, "attr", "name", name);
      }
      indent(depth + 1).append("</attrspat>\n");
    }
    indent(depth).append("</function>\n");
  }

  private void empty(int depth, String element, String attribute, String text) {
    indent(depth).append('<').append(element).append(' ').append(attribute).append("=\"").append(escape(text))
        .append("\" />\n");
  }

  private StringBuilder indent(int depth) {
    return out.append("  ".repeat(depth));
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> escaped.append("&quot;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '\n' -> escaped.append("&#xA;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}

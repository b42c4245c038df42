package io.github.nixml.model;

import io.github.nixml.model.Domain.LibPath;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Bool;
import io.github.nixml.nix.eval.Value.Str;
import io.github.nixml.nix.syntax.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The value one entry of a numtide devshell's {@code env} list gives its variable, as devshell's {@code env.nix}
 * writes it into the shell's startup: {@code value} exported as it is, {@code eval} expanded by bash,
 * {@code prefix} made absolute and put before the variable's current value, {@code unset} removing it.
 * {@code $DEVSHELL_DIR/lib}, the folder where devshell links the {@code lib} folders of all the shell's packages,
 * is a library path of those packages.
 */
final class DevshellEnv {
  private static final String DEVSHELL_LIB = "$DEVSHELL_DIR/lib";

  private DevshellEnv() {}

  /** The variable's value; empty when the entry unsets it; unknown when devshell would refuse the entry. */
  static Optional<Value> value(String name, Attrs spec, Value packages, SourceSpan at) {
    for (String kind : List.of("eval", "prefix", "unset", "value")) {
      Value given = spec.entries().containsKey(kind) ? spec.get(kind) : new Value.Null();
      if (given instanceof Value.Null || given instanceof Bool bool && !bool.value()) {
        continue;
      }
      return switch (kind) {
        case "unset" -> Optional.empty();
        case "value" -> Optional.of(given instanceof Bool ? Str.of("1", at) : given);
        case "eval" -> Optional.of(expanded(given, packages, at));
        default -> Optional.of(prefixed(name, given, packages, at));
      };
    }
    return Optional.of(Value.UNKNOWN);
  }

  /** {@code eval}: each {@code :}-separated part literal, the devshell's library folder, or unknown when bash expands it. */
  private static Value expanded(Value eval, Value packages, SourceSpan at) {
    String text = eval instanceof Str str ? str.literal() : null;
    if (text == null) {
      return eval;
    }
    List<Value.Piece> pieces = new ArrayList<>();
    String[] parts = text.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        pieces.add(new Value.Text(":"));
      }
      pieces.add(part(parts[i], packages, at));
    }
    return new Str(pieces, ((Str) eval).span());
  }

  /** {@code prefix}: its folder, then {@code ${NAME+:$NAME}}, the value the variable had. */
  private static Value prefixed(String name, Value prefix, Value packages, SourceSpan at) {
    String text = prefix instanceof Str str ? str.literal() : null;
    Value.Piece folder = text == null ? new Value.Interpolation(Value.UNKNOWN, "prefix")
        : text.startsWith("/") || text.startsWith("$") ? part(text, packages, at)
        : new Value.Interpolation(Value.UNKNOWN, "$PWD/" + text);
    return new Str(List.of(folder, new Value.Interpolation(Value.UNKNOWN, "${" + name + "+:$" + name + "}")),
        prefix instanceof Str str ? str.span() : at);
  }

  private static Value.Piece part(String text, Value packages, SourceSpan at) {
    if (text.equals(DEVSHELL_LIB) || text.equals("${DEVSHELL_DIR}/lib")) {
      return new Value.Interpolation(new LibPath(packages, at), DEVSHELL_LIB);
    }
    return text.contains("$") || text.contains("`") ? new Value.Interpolation(Value.UNKNOWN, text)
        : new Value.Text(text);
  }
}

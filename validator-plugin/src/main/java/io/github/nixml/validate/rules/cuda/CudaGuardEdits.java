package io.github.nixml.validate.rules.cuda;

import io.github.nixml.fix.Fix;
import io.github.nixml.fix.NixEdits;
import io.github.nixml.fix.NixShellEdits;
import io.github.nixml.fix.TextEdit;
import io.github.nixml.fix.TextEdits;
import io.github.nixml.model.DevShell;
import io.github.nixml.model.PackageRef;
import io.github.nixml.nix.syntax.SourceSpan;
import io.github.nixml.nix.NixFile;
import io.github.nixml.nix.NixFrontEnd;
import io.github.nixml.nix.ast.BinOp;
import io.github.nixml.nix.ast.BinaryOperator;
import io.github.nixml.nix.ast.Expr;
import io.github.nixml.nix.ast.Ident;
import io.github.nixml.nix.ast.Select;
import io.github.nixml.nix.ast.With;
import io.github.nixml.nix.ast.NixList;
import io.github.nixml.nix.bind.Resolution;
import io.github.nixml.nix.syntax.SyntaxKind;
import io.github.nixml.nix.syntax.SyntaxNode;
import io.github.nixml.nix.syntax.SyntaxToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fix of {@code cuda-not-linux-guarded}: a list whose elements are all CUDA packages is wrapped in
 * {@code lib.optionals stdenv.isLinux}; otherwise its CUDA elements move, lines and comments included, into a
 * guarded list appended with {@code ++}. The guard is spelled with the names the flake has in scope at that place,
 * as the binder resolves them: its own {@code lib} and {@code stdenv} when they are bound, else
 * {@code pkgs.lib}/{@code pkgs.stdenv} through the nixpkgs variable the shell is built from, else the
 * {@code with pkgs;} around the list. No fix when none of these resolve.
 */
public final class CudaGuardEdits {
  private CudaGuardEdits() {}

  public static Optional<Fix> fix(NixFile file, String path, DevShell shell, PackageRef ref) {
    List<PackageRef> cudaRefs = new ArrayList<>(shell.cudaPackages());
    shell.packages().pythonModules().stream().filter(PackageRef::isCuda).forEach(cudaRefs::add);
    String nixpkgs = nixpkgsVariable(file, shell);
    SyntaxNode element = listElement(file, ref.location());
    if (element == null) {
      return Optional.empty();
    }
    NixList list = (NixList) Expr.cast(element.parent());
    List<SyntaxNode> cuda = new ArrayList<>();
    for (Expr item : list.elements()) {
      if (cudaRefs.stream().anyMatch(r -> item.offset() <= r.location().offset()
          && r.location().offset() < item.end())) {
        cuda.add(item.syntax());
      }
    }
    if (cuda.isEmpty()) {
      return Optional.empty(); // the reported package is not an element of this list
    }
    boolean all = cuda.size() == list.elements().size();
    for (String[] guard : guards(nixpkgs)) {
      Optional<List<TextEdit>> edits = all ? wrap(file, path, list, guard) : split(file, path, list, cuda, guard);
      if (edits.isPresent() && resolves(file, edits.get(), guard, nixpkgs)) {
        return Optional.of(new Fix("guard " + (all ? "the list" : String.join(" and ", names(cuda)))
            + " with " + guard[0] + ".optionals " + guard[1] + ".isLinux", edits.get()));
      }
    }
    return Optional.empty();
  }

  /** Spellings of {@code lib} and {@code stdenv}, the flake's own names first. */
  private static List<String[]> guards(String nixpkgs) {
    return List.of(new String[] {"lib", "stdenv"}, new String[] {"lib", nixpkgs + ".stdenv"},
        new String[] {nixpkgs + ".lib", nixpkgs + ".stdenv"});
  }

  private static String guardText(String[] guard) {
    return guard[0] + ".optionals " + guard[1] + ".isLinux";
  }

  private static Optional<List<TextEdit>> wrap(NixFile file, String path, NixList list, String[] guard) {
    boolean parens = needsParentheses(list.syntax());
    return Optional.of(List.of(TextEdit.insert(path, list.offset(), (parens ? "(" : "") + guardText(guard) + " "),
        TextEdit.insert(path, list.end(), parens ? ")" : "")).stream().filter(e -> !e.replacement().isEmpty())
        .toList());
  }

  /** Removes the CUDA elements from the list and appends them as a guarded list. */
  private static Optional<List<TextEdit>> split(NixFile file, String path, NixList list, List<SyntaxNode> cuda,
      String[] guard) {
    String text = file.text();
    boolean multiLine = text.substring(list.offset(), list.end()).indexOf('\n') >= 0;
    List<TextEdit> edits = new ArrayList<>();
    StringBuilder moved = new StringBuilder();
    for (SyntaxNode element : cuda) {
      int start = element.offset();
      int end = element.end();
      if (multiLine && onOwnLine(file, element)) {
        start = text.lastIndexOf('\n', start - 1) + 1;
        end = NixShellEdits.endOfLine(file, element.end()) + 1;
        moved.append(text, start, end);
      } else {
        while (start > 0 && (text.charAt(start - 1) == ' ' || text.charAt(start - 1) == '\t')) {
          start--;
        }
        moved.append(moved.length() == 0 ? "" : " ").append(element.text());
      }
      edits.add(TextEdit.replace(path, start, end - start, ""));
    }
    String appended;
    if (multiLine && moved.toString().endsWith("\n")) {
      SyntaxToken close = list.syntax().firstToken(SyntaxKind.R_BRACK);
      String closeIndent = close == null ? "" : NixEdits.indentationAt(text, close.offset());
      appended = " ++ " + guardText(guard) + " [\n" + moved + closeIndent + "]";
    } else {
      appended = " ++ " + guardText(guard) + " [ " + moved.toString().strip() + " ]";
    }
    boolean parens = needsParentheses(list.syntax());
    if (parens) {
      edits.add(TextEdit.insert(path, list.offset(), "("));
    }
    edits.add(TextEdit.insert(path, list.end(), appended + (parens ? ")" : "")));
    return Optional.of(edits);
  }

  /** Whether only blanks precede the element on its line and only blanks or a comment follow it. */
  private static boolean onOwnLine(NixFile file, SyntaxNode element) {
    String text = file.text();
    int lineStart = text.lastIndexOf('\n', element.offset() - 1) + 1;
    int lineEnd = NixShellEdits.endOfLine(file, element.end());
    return text.substring(lineStart, element.offset()).isBlank() && lineEnd < text.length()
        && text.charAt(lineEnd) == '\n';
  }

  /** Whether a list in this place must be parenthesised once something is applied to it or appended. */
  private static boolean needsParentheses(SyntaxNode list) {
    SyntaxNode parent = list.parent();
    if (parent == null) {
      return false;
    }
    return switch (parent.kind()) {
      case BINDING, WITH, PAREN, LET_IN, LAMBDA, IF_ELSE, ASSERT -> false;
      case BIN_OP -> !(Expr.cast(parent) instanceof BinOp op && op.operator() == BinaryOperator.CONCAT);
      default -> true;
    };
  }

  /** Whether the guard's first names resolve, in the edited text, as the binder sees them. */
  private static boolean resolves(NixFile file, List<TextEdit> edits, String[] guard, String nixpkgs) {
    String edited;
    try {
      edited = TextEdits.apply(file.text(), edits);
    } catch (IllegalArgumentException e) {
      return false;
    }
    NixFile after = NixFrontEnd.analyze(edited);
    if (after.hasErrors()) {
      return false;
    }
    String guardText = guardText(guard);
    int at = edited.indexOf(guardText, edits.get(0).offset());
    if (at < 0) {
      return false;
    }
    int stdenvAt = at + guard[0].length() + ".optionals ".length();
    return isBound(after.bindings().resolveAt(at), guard[0], nixpkgs)
        && isBound(after.bindings().resolveAt(stdenvAt), guard[1], nixpkgs);
  }

  /**
   * A lexical binding counts; a bare {@code lib} or {@code stdenv} found only through an enclosing
   * {@code with} counts when that {@code with} opens the shell's nixpkgs variable, which holds both.
   */
  private static boolean isBound(Resolution resolution, String name, String nixpkgs) {
    if (resolution instanceof Resolution.Local) {
      return true;
    }
    return resolution instanceof Resolution.FromWith from && !name.contains(".")
        && Expr.cast(from.with()) instanceof With with && with.namespace() instanceof Ident scope
        && scope.name().equals(nixpkgs);
  }

  /** The variable the shell's builder is selected from ({@code pkgs} in {@code pkgs.mkShell}), else "pkgs". */
  private static String nixpkgsVariable(NixFile file, DevShell shell) {
    SyntaxNode call = NixEdits.nodeAt(file.root(), shell.location().offset(), shell.location().length());
    if (call != null && Expr.cast(call) instanceof Select select && select.expr() instanceof Ident head) {
      return head.name();
    }
    return "pkgs";
  }

  /** The element of a list literal that holds the span, or null when the span is not inside a list element. */
  private static SyntaxNode listElement(NixFile file, SourceSpan span) {
    SyntaxNode node = NixEdits.nodeAt(file.root(), span.offset(), span.length());
    while (node != null && node.parent() != null && node.parent().kind() != SyntaxKind.LIST) {
      node = node.parent();
    }
    return node == null || node.parent() == null ? null : node;
  }

  private static List<String> names(List<SyntaxNode> elements) {
    return elements.stream().map(SyntaxNode::text).toList();
  }
}

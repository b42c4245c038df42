package io.github.nixml.validate;

import io.github.nixml.model.ShellCommand;
import io.github.nixml.model.ShellPiece;
import io.github.nixml.model.ShellText;
import io.github.nixml.model.ShellWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a direnv {@code .envrc} does with flakes, read as shell commands (comments and echoed text do not count). */
public final class Envrc {
  private Envrc() {}

  /**
   * The flake directories the file enters with {@code use flake [DIR][#shell]} or {@code use_flake}, relative to
   * the file's directory and normalised ({@code ""} for the file's own directory, {@code .nix} for
   * {@code use flake ./.nix#dev}); a reference that is not a local path is left out. Empty when the file is
   * missing or unreadable.
   */
  public static List<String> flakesUsed(SourceFile envrc) {
    List<String> used = new ArrayList<>();
    if (envrc.text().isEmpty()) {
      return used;
    }
    ShellText text = new ShellText(envrc.path(), List.of(new ShellPiece.Literal(envrc.text().get())), true, null);
    for (ShellCommand command : text.commands()) {
      List<ShellWord> arguments;
      if (command.runs("use", "flake")) {
        arguments = command.arguments().subList(1, command.arguments().size());
      } else if (command.runs("use_flake")) {
        arguments = command.arguments();
      } else {
        continue;
      }
      String reference = arguments.isEmpty() || arguments.get(0).literal() == null
          || arguments.get(0).literal().startsWith("-") ? "." : arguments.get(0).literal();
      localDirectory(reference).ifPresent(used::add);
    }
    return used;
  }

  /** {@code ./.nix#dev} → {@code .nix}; {@code .} → {@code ""}; {@code github:…} → empty. */
  private static Optional<String> localDirectory(String reference) {
    String path = reference;
    int hash = path.indexOf('#');
    if (hash >= 0) {
      path = path.substring(0, hash);
    }
    if (path.startsWith("path:")) {
      path = path.substring("path:".length());
    } else if (path.contains(":")) {
      return Optional.empty();
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return Optional.of(path.equals(".") ? "" : path);
  }
}

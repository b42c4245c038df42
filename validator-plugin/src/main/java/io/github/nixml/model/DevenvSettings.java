package io.github.nixml.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a devenv project's {@code devenv.yaml} says that the model uses (read by the validator, which owns YAML):
 * the inputs by name with their URLs, the local files and folders it imports, and nixpkgs' configuration.
 *
 * @param inputs each input's URL (empty when it has none, e.g. {@code follows}); {@code nixpkgs} is always there,
 *     devenv's default {@code github:cachix/devenv-nixpkgs/rolling} when the file does not name it
 * @param imports the local imports ({@code ./backend}, {@code ./nix/python.nix}), relative to the project
 * @param importsComplete false when some import is not local (an input's module) or not a string
 * @param allowUnfree {@code nixpkgs.allow_unfree} (or the older top-level {@code allowUnfree})
 * @param cudaSupport {@code nixpkgs.cuda_support}
 * @param overlays whether an input's {@code overlays} change the package set
 */
public record DevenvSettings(Map<String, Optional<String>> inputs, List<String> imports, boolean importsComplete,
    Tristate allowUnfree, Tristate cudaSupport, Tristate overlays) {
  /** devenv's nixpkgs when devenv.yaml names none. */
  public static final String DEFAULT_NIXPKGS = "github:cachix/devenv-nixpkgs/rolling";

  /** A project without devenv.yaml: devenv's defaults. */
  public static final DevenvSettings DEFAULTS = new DevenvSettings(Map.of("nixpkgs", Optional.of(DEFAULT_NIXPKGS)),
      List.of(), true, Tristate.FALSE, Tristate.FALSE, Tristate.FALSE);

  public DevenvSettings {
    inputs = Map.copyOf(inputs);
    imports = List.copyOf(imports);
  }
}

package io.github.nixml.validate.facts;

import io.github.nixml.model.DevenvSettings;
import io.github.nixml.model.Tristate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * devenv.yaml read with a YAML library (the one YAML entry point): {@code inputs} with their URLs, the local
 * {@code imports}, and nixpkgs' configuration ({@code nixpkgs.allow_unfree}, {@code nixpkgs.cuda_support}, the
 * older top-level {@code allowUnfree}; devenv accepts the camelCase aliases too). A file that is not YAML, or not a
 * mapping, gives settings whose flags are unknown.
 */
public final class DevenvYaml {
  private DevenvYaml() {}

  /** The settings of a devenv.yaml text; {@link DevenvSettings#DEFAULTS} for no file (empty). */
  public static DevenvSettings read(Optional<String> text) {
    if (text.isEmpty()) {
      return DevenvSettings.DEFAULTS;
    }
    Object document;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setMaxAliasesForCollections(50);
      options.setNestingDepthLimit(50);
      options.setAllowDuplicateKeys(false);
      document = new Yaml(new SafeConstructor(options)).load(text.get());
    } catch (RuntimeException e) {
      return unreadable();
    }
    if (document == null) {
      return DevenvSettings.DEFAULTS;
    }
    if (!(document instanceof Map<?, ?> top)) {
      return unreadable();
    }
    Map<String, Optional<String>> inputs = new LinkedHashMap<>();
    Tristate overlays = Tristate.FALSE;
    if (top.get("inputs") instanceof Map<?, ?> declared) {
      for (Map.Entry<?, ?> input : declared.entrySet()) {
        Object url = input.getValue() instanceof Map<?, ?> spec ? spec.get("url") : null;
        inputs.put(String.valueOf(input.getKey()), url instanceof String s ? Optional.of(s) : Optional.empty());
        if (String.valueOf(input.getKey()).equals("nixpkgs") && input.getValue() instanceof Map<?, ?> spec
            && spec.get("overlays") instanceof List<?> list && !list.isEmpty()) {
          overlays = Tristate.TRUE;
        }
      }
    }
    inputs.putIfAbsent("nixpkgs", Optional.of(DevenvSettings.DEFAULT_NIXPKGS));
    List<String> imports = new ArrayList<>();
    boolean importsComplete = true;
    if (top.get("imports") instanceof List<?> declared) {
      for (Object entry : declared) {
        if (entry instanceof String path && (path.startsWith("./") || path.startsWith("../"))) {
          imports.add(path);
        } else {
          importsComplete = false; // an input's module (`devenv/…`) or an absolute path: not read
        }
      }
    } else if (top.containsKey("imports")) {
      importsComplete = false;
    }
    Map<?, ?> nixpkgs = top.get("nixpkgs") instanceof Map<?, ?> map ? map : Map.of();
    Tristate allowUnfree = flag(nixpkgs, "allow_unfree", "allowUnfree");
    if (allowUnfree == Tristate.FALSE) {
      allowUnfree = flag(top, "allow_unfree", "allowUnfree");
    }
    Tristate cudaSupport = flag(nixpkgs, "cuda_support", "cudaSupport");
    if (nixpkgs.get("per_platform") instanceof Map<?, ?> || nixpkgs.get("per-platform") instanceof Map<?, ?>) {
      // settings per system may turn either on for some systems
      allowUnfree = allowUnfree == Tristate.TRUE ? allowUnfree : Tristate.UNKNOWN;
      cudaSupport = cudaSupport == Tristate.TRUE ? cudaSupport : Tristate.UNKNOWN;
    }
    if (!imports.isEmpty() || !importsComplete) {
      // an imported devenv.yaml may set them too
      allowUnfree = allowUnfree == Tristate.TRUE ? allowUnfree : Tristate.UNKNOWN;
      cudaSupport = cudaSupport == Tristate.TRUE ? cudaSupport : Tristate.UNKNOWN;
    }
    return new DevenvSettings(inputs, imports, importsComplete, allowUnfree, cudaSupport, overlays);
  }

  private static DevenvSettings unreadable() {
    return new DevenvSettings(Map.of("nixpkgs", Optional.of(DevenvSettings.DEFAULT_NIXPKGS)), List.of(), false,
        Tristate.UNKNOWN, Tristate.UNKNOWN, Tristate.UNKNOWN);
  }

  /** A boolean option under either of its names: absent is false, a non-boolean unknown. */
  private static Tristate flag(Map<?, ?> map, String name, String alias) {
    Object value = map.containsKey(name) ? map.get(name) : map.get(alias);
    if (value == null) {
      return map.containsKey(name) || map.containsKey(alias) ? Tristate.UNKNOWN : Tristate.FALSE;
    }
    return value instanceof Boolean bool ? Tristate.of(bool) : Tristate.UNKNOWN;
  }
}

package io.github.nixml.model;

import io.github.nixml.model.Domain.Pkg;
import io.github.nixml.model.Domain.Shell;
import io.github.nixml.nix.eval.Evaluator;
import io.github.nixml.nix.eval.PlatformGuard;
import io.github.nixml.nix.eval.Thunk;
import io.github.nixml.nix.eval.Value;
import io.github.nixml.nix.eval.Value.Attrs;
import io.github.nixml.nix.eval.Value.Entry;
import io.github.nixml.nix.eval.Value.Item;
import io.github.nixml.nix.eval.Value.Str;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A devenv shell ({@code devenv.lib.mkShell { inherit inputs pkgs; modules = [ … ]; }}): each module (a set, or a
 * function of {@code { pkgs, … }}) adds {@code packages}, {@code env}, {@code enterShell} and
 * {@code languages.python} ({@code package}, or {@code version} as the interpreter {@code python3XY}).
 */
final class DevenvShells {
  private DevenvShells() {}

  static DevShell of(String name, Optional<Set<String>> systems, Shell shell, Evaluator evaluator,
      DevShellExtractor extractor) {
    Attrs attributes = shell.attributes();
    List<PackageRef> packages = new ArrayList<>();
    Map<String, ShellText> env = new LinkedHashMap<>();
    List<ShellText> hooks = new ArrayList<>();
    List<LibraryPath> libraryPaths = new ArrayList<>();
    boolean complete = !attributes.open();
    List<Item> modules = Evaluator.items(attributes.get("modules"));
    if (modules == null) {
      return new DevShell(name, systems, Layout.DEVENV, shell.span(), shell.instance(),
          new PackageList(List.of(), false), null, Map.of(), List.of(), List.of(), Optional.empty(), false);
    }
    Map<String, Entry> moduleArgs = new LinkedHashMap<>();
    moduleArgs.put("pkgs", new Entry(Thunk.of(attributes.get("pkgs")), shell.span()));
    moduleArgs.put("inputs", new Entry(Thunk.of(attributes.get("inputs")), shell.span()));
    Value args = new Attrs(moduleArgs, true);
    for (Item item : modules) {
      Value module = item.value() instanceof Value.Closure
          ? evaluator.apply(item.value(), Thunk.of(args), shell.span()) : item.value();
      if (!(module instanceof Attrs attrs)) {
        complete = false;
        continue;
      }
      complete &= !attrs.open();
      if (attrs.entries().containsKey("packages")) {
        complete &= DevShellExtractor.addPackages(attrs.get("packages"), packages);
      }
      if (attrs.get("env") instanceof Attrs variables) {
        variables.entries().forEach((key, entry) -> env.put(key, ShellTexts.of(key, entry.thunk().force(),
            entry.keySpan(), false, libraryPaths, extractor)));
      }
      if (attrs.entries().containsKey("enterShell")) {
        hooks.add(ShellTexts.of("enterShell", attrs.get("enterShell"), attrs.entries().get("enterShell").keySpan(),
            true, libraryPaths, extractor));
      }
      complete &= python(attrs, shell, packages);
    }
    return new DevShell(name, systems, Layout.DEVENV, shell.span(), shell.instance(),
        new PackageList(packages, complete), null, env, hooks, libraryPaths, Optional.empty(), complete);
  }

  /** The interpreter {@code languages.python} brings; false when it is enabled but not understood. */
  private static boolean python(Attrs module, Shell shell, List<PackageRef> packages) {
    if (!(module.get("languages") instanceof Attrs languages)
        || !(languages.get("python") instanceof Attrs python)) {
      return true;
    }
    Value pkg = python.get("package");
    if (pkg instanceof Pkg interpreter && !interpreter.path().isEmpty()) {
      packages.add(new PackageRef(interpreter.path(), interpreter.instance(), PlatformGuard.ALWAYS,
          interpreter.span()));
      return true;
    }
    Entry version = python.entries().get("version");
    Str value = version != null && version.thunk().force() instanceof Str str ? str : null;
    String text = value == null ? null : value.literal();
    if (text != null && text.matches("3\\.\\d+(\\.\\d+)?")) {
      String minor = text.split("\\.")[1];
      // The interpreter is where the version is written: the string a user edits.
      packages.add(new PackageRef(List.of("python3" + minor), shell.instance(), PlatformGuard.ALWAYS,
          value.span() != null ? value.span() : version.nameSpan()));
      return true;
    }
    return !python.entries().containsKey("enable");
  }
}

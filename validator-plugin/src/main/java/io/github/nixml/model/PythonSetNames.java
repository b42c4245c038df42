package io.github.nixml.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names nixpkgs' Python package set defines (its {@code pkgs/top-level/python-packages.nix} and
 * {@code python-aliases.nix}, at the commit the resource's header names): a Python set's {@code callPackage} gives a
 * file those names from the set and every other name from the top level, as nixpkgs' scope does. Read once, when a
 * Python set's {@code callPackage} first asks.
 */
final class PythonSetNames {
  private static final String RESOURCE = "/nixml/python-set-names.txt";

  private PythonSetNames() {}

  private static final class Holder {
    static final Set<String> NAMES = load();
  }

  /** Whether the Python set defines {@code name} (a module, a hook, an alias of one). */
  static boolean defines(String name) {
    return Holder.NAMES.contains(name);
  }

  private static Set<String> load() {
    Set<String> names = new HashSet<>();
    try (InputStream in = PythonSetNames.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String name = line.strip();
        if (!name.isEmpty() && !name.startsWith("#")) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(names);
  }
}

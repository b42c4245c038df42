package io.github.nixml.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small hand-written project every rule is silent on (on 2026-11-25, when its lock is 5 days old), for tests of
 * the goal and the command line that then break one thing.
 */
public final class CleanProject {
  /** The day the project is clean on: pass it as today. */
  public static final String TODAY = "2026-11-25";

  private CleanProject() {}

  public static void write(Path root) throws IOException {
    // A dev shell the model understands and finds nothing wrong with (an empty flake would be layout-unknown).
    Files.writeString(root.resolve("flake.nix"), String.join("\n",
        "{",
        "  inputs.nixpkgs.url = \"github:NixOS/nixpkgs/nixos-26.05\";",
        "  outputs = { self, nixpkgs }:",
        "    let pkgs = nixpkgs.legacyPackages.x86_64-linux; in {",
        "      devShells.x86_64-linux.default = pkgs.mkShell {",
        "        packages = [ pkgs.python3 pkgs.python3Packages.venvShellHook pkgs.uv ];",
        "        venvDir = \".venv\";",
        "        UV_PYTHON_DOWNLOADS = \"never\";",
        "      };",
        "    };",
        "}", ""));
    Files.writeString(root.resolve(".python-version"), "3.12\n");
    Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"x\"\nrequires-python = \">=3.12\"\n");
    Files.writeString(root.resolve(".gitignore"), ".venv/\n");
    Files.writeString(root.resolve(".envrc"), "use flake\n");
    Files.writeString(root.resolve("flake.lock"), String.join("\n",
        "{",
        "  \"nodes\": {",
        "    \"nixpkgs\": {",
        "      \"locked\": { \"lastModified\": 1795132800, \"narHash\": \"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\",",
        "        \"owner\": \"NixOS\", \"repo\": \"nixpkgs\", \"rev\": \"0123456789abcdef0123456789abcdef01234567\", \"type\": \"github\" },",
        "      \"original\": { \"owner\": \"NixOS\", \"ref\": \"nixos-26.05\", \"repo\": \"nixpkgs\", \"type\": \"github\" }",
        "    },",
        "    \"root\": { \"inputs\": { \"nixpkgs\": \"nixpkgs\" } }",
        "  },",
        "  \"root\": \"root\",",
        "  \"version\": 7",
        "}", ""));
  }
}

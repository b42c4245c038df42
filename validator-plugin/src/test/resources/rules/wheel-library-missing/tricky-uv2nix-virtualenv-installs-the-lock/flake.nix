{
  description = "uv2nix: Nix installs the locked wheels (patched to their libraries) in one shell, uv in the other";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    pyproject-nix = {
      url = "github:pyproject-nix/pyproject.nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
    uv2nix = {
      url = "github:pyproject-nix/uv2nix";
      inputs.pyproject-nix.follows = "pyproject-nix";
      inputs.nixpkgs.follows = "nixpkgs";
    };
  };

  outputs = { self, nixpkgs, pyproject-nix, uv2nix }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      python = pkgs.python312;
      workspace = uv2nix.lib.workspace.loadWorkspace { workspaceRoot = ./.; };
      pythonSet = (pkgs.callPackage pyproject-nix.build.packages { inherit python; }).overrideScope
        (workspace.mkPyprojectOverlay { sourcePreference = "wheel"; });
      # overrideAttrs keeps the environment what it is
      venv = (pythonSet.mkVirtualEnv "demo-env" workspace.deps.all).overrideAttrs (_: { passthru = { }; });
    in
    {
      # The wheels come from the Nix build of the lock: opencv-python finds libGL through its patched RUNPATH.
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ venv pkgs.uv ];
        env = {
          UV_NO_SYNC = "1";
          UV_PYTHON = "${venv}/bin/python";
          UV_PYTHON_DOWNLOADS = "never";
          LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc.lib pkgs.zlib ];
        };
      };
      # uv installs the same wheels into .venv from PyPI: they load libGL from the library path, which lacks it.
      devShells.x86_64-linux.impure = pkgs.mkShell {
        packages = [ python pkgs.uv ];
        env = {
          UV_PYTHON = python.interpreter;
          UV_PYTHON_DOWNLOADS = "never";
          LD_LIBRARY_PATH = pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc.lib pkgs.zlib ];
        };
        shellHook = ''
          uv sync
          source .venv/bin/activate
        '';
      };
    };
}

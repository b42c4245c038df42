{
  description = "Bare interpreters of several versions for a test matrix; packages of one version beside another";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      # uv (or nox) picks each python3.X by name; python3 is the first listed: no interpreter is handed another's
      # packages
      matrix = with pkgs; [
        python312
        python311
        python310
      ];
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = matrix ++ [ pkgs.uv ];
        shellHook = ''
          export UV_PYTHON=${pkgs.python312}/bin/python3.12
          export UV_PYTHON_DOWNLOADS=never
        '';
      };
      # python3 is 3.11 here, which cannot import the numpy of the 3.12 environment listed after it
      devShells.x86_64-linux.numerics = pkgs.mkShell {
        packages = [
          pkgs.python311
          (pkgs.python312.withPackages (ps: [ ps.numpy ]))
        ];
      };
      # a venv hook of one version beside a bare interpreter of another still conflicts
      devShells.x86_64-linux.venv = pkgs.mkShell {
        venvDir = ".venv";
        packages = [
          pkgs.python311
          pkgs.python312Packages.venvShellHook
        ];
      };
    };
}

{
  description = "Bare interpreters of several versions side by side, for a test matrix";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      # each interpreter's setup hook puts its site-packages, with its _sysconfigdata module, on PYTHONPATH: the
      # first one listed answers sysconfig for both, and C extensions built by the other get the wrong ABI tag
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [
          pkgs.python312
          pkgs.python311
          pkgs.uv
        ];
        UV_PYTHON_DOWNLOADS = "never";
      };
    };
}

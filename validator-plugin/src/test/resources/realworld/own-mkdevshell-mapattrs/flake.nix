{
  description = "Recommender service with a docs shell";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
      systems = [ "x86_64-linux" "aarch64-darwin" ];
      forAllSystems = lib.genAttrs systems;

      mkDevShell = { pkgs, extra ? [ ] }:
        pkgs.mkShell {
          venvDir = ".venv";
          packages = [
            pkgs.python312
            pkgs.python312Packages.venvShellHook
            pkgs.uv
          ] ++ extra;
          UV_PYTHON_DOWNLOADS = "never";
        };
    in
    {
      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        lib.mapAttrs (_name: extra: mkDevShell { inherit pkgs extra; }) {
          default = [ ];
          docs = [ pkgs.mkdocs pkgs.graphviz ];
          bench = [ pkgs.hyperfine ];
        });
    };
}

{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-unstable";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      forAllSystems = lib.genAttrs lib.systems.flakeExposed;
    in
    {
      devShells = forAllSystems (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            packages = [ pkgs.python314 pkgs.uv ];
            UV_PYTHON = "${pkgs.python313}/bin/python";
            UV_PYTHON_DOWNLOADS = "never";
            shellHook = ''
              uv sync
              source .venv/bin/activate
            '';
          };
        });
    };
}

{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    systems.url = "github:nix-systems/default";
  };

  outputs = { self, nixpkgs, systems }:
    let
      eachSystem = nixpkgs.lib.genAttrs (import systems);
    in
    {
      devShells = eachSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = pkgs.mkShell {
            venvDir = ".venv";
            packages = [ pkgs.python311 pkgs.python311Packages.venvShellHook pkgs.uv ];
            UV_PYTHON_DOWNLOADS = "never";
          };
        });
    };
}

{
  description = "A devenv shell whose languages.python.version disagrees with .python-version";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    devenv.url = "github:cachix/devenv";
  };

  outputs =
    inputs@{ nixpkgs, devenv, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = devenv.lib.mkShell {
        inherit inputs pkgs;
        modules = [
          (
            { pkgs, ... }:
            {
              packages = [ pkgs.git ];
              languages.python = {
                enable = true;
                version = "3.12";
                uv.enable = true;
                venv.enable = true;
              };
              env.UV_PYTHON_DOWNLOADS = "never";
              enterShell = ''
                python --version
              '';
            }
          )
        ];
      };
    };
}

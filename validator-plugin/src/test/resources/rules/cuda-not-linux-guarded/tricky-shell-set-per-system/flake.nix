{
  description = "A CUDA shell that exists only on x86_64-linux: the set of shells differs per system";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs =
    { nixpkgs, flake-utils, ... }:
    flake-utils.lib.eachDefaultSystem (
      system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
        };
        shellWith = extra: pkgs.mkShell {
          packages = [ pkgs.python312 pkgs.uv ] ++ extra;
          UV_PYTHON_DOWNLOADS = "never";
        };
      in
      {
        devShells =
          { default = shellWith [ ]; }
          // nixpkgs.lib.optionalAttrs (system == "x86_64-linux") {
            cuda = shellWith [ pkgs.cudaPackages.cudatoolkit ];
          };
      }
    );
}

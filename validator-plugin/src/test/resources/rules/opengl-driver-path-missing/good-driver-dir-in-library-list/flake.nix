{
  description = "GPU shell whose library list names the driver folder";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs {
        system = "x86_64-linux";
        config.allowUnfree = true;
      };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell rec {
        buildInputs = [
          pkgs.python312
          pkgs.cudaPackages.cudatoolkit
          pkgs.stdenv.cc.cc
        ];
        shellHook = ''
          export LD_LIBRARY_PATH=${pkgs.lib.makeLibraryPath ([ "/run/opengl-driver" ] ++ buildInputs)}:$LD_LIBRARY_PATH
        '';
      };
    };
}

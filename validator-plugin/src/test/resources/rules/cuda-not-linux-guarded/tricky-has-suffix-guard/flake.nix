{
  description = "CUDA guarded by a home-made isLinux = lib.hasSuffix \"-linux\" system";

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
          config.cudaSupport = true;
        };
        isLinux = pkgs.lib.hasSuffix "-linux" system;
        unguarded = pkgs.lib.hasSuffix "-darwin" system;
      in
      {
        devShells.default = pkgs.mkShell {
          packages =
            [ pkgs.python312 ]
            ++ pkgs.lib.optionals isLinux [ pkgs.cudatoolkit ]
            ++ pkgs.lib.optionals (!unguarded) [ pkgs.cudaPackages.cudnn ];
        };
      }
    );
}

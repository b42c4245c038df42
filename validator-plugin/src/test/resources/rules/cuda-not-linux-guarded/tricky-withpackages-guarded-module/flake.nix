{
  description = "CUDA modules of a Python environment, added on Linux only";

  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { self, nixpkgs, flake-utils }:
    flake-utils.lib.eachDefaultSystem (system:
      let
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
        };
        inherit (pkgs) lib stdenv;
        python = pkgs.python312.withPackages (ps:
          [ ps.numpy ps.pandas ]
          ++ lib.optionals stdenv.isLinux [ ps.torchWithCuda ]
          ++ lib.optional stdenv.isDarwin ps.torch);
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [ python pkgs.uv ];
        };
      });
}

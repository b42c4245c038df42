{
  description = "No Python from nixpkgs: uv's own interpreter runs through nix-ld, which reads the library list";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { nixpkgs, ... }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs {
        inherit system;
        config.allowUnfree = true;
      };
    in
    {
      devShells.${system}.default = pkgs.mkShellNoCC {
        packages = [
          pkgs.uv
          pkgs.cmake
          pkgs.cudaPackages.cuda_nvcc
        ];
        # nix-ld gives these to the interpreter uv downloads, the only Python this shell runs
        NIX_LD_LIBRARY_PATH = "${pkgs.lib.makeLibraryPath [ pkgs.stdenv.cc.cc pkgs.zlib ]}:/run/opengl-driver/lib";
        shellHook = ''
          uv sync
          source .venv/bin/activate
        '';
      };
    };
}

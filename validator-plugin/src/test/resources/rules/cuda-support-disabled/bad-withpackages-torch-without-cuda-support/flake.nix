{
  description = "Notebook shell: torch inside withPackages, the toolkit beside it, no cudaSupport anywhere";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; };
      python = pkgs.python312.withPackages (ps: with ps; [ numpy torch jupyterlab ]);
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ python pkgs.cudaPackages.cudatoolkit ];
        LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
      };
    };
}

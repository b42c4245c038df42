# the import asks for CUDA, but this jaxlib is overridden back to the CPU build next to the toolkit
let
  pkgs = import <nixpkgs> { config = { allowUnfree = true; cudaSupport = true; }; };
in
pkgs.mkShell {
  buildInputs = with pkgs; [
    python3
    (python3Packages.jaxlib.override { cudaSupport = false; })
    cudaPackages.cudatoolkit
  ];
  LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
}

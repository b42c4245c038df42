# jaxlib's CUDA build chosen for this one package: the override's cudaSupport wins over the import's config
let
  pkgs = import <nixpkgs> { config.allowUnfree = true; };
in
pkgs.mkShell {
  buildInputs = with pkgs; [
    python3
    python3Packages.jax
    (python3Packages.jaxlib.override { cudaSupport = true; })
  ];
  LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
}

# opencv's CUDA switch is `enableCuda ? config.cudaSupport`: the override builds this one package with CUDA
let
  pkgs = import <nixpkgs> { config.allowUnfree = true; };
in
pkgs.mkShell {
  buildInputs = with pkgs; [
    python3
    (opencv4.override {
      enableGtk3 = true;
      enableCuda = true;
    })
    cudaPackages.cudatoolkit
  ];
  LD_LIBRARY_PATH = "${pkgs.cudaPackages.cudatoolkit}/lib:/run/opengl-driver/lib";
}

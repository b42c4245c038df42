{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    flake-utils.url = "github:numtide/flake-utils";
  };

  outputs = { nixpkgs, flake-utils, ... }:
    let
      cudaSystems = [ "x86_64-linux" "aarch64-linux" ];
    in
    flake-utils.lib.eachDefaultSystem (system:
      let
        hasCuda = builtins.elem system cudaSystems;
        pkgs = import nixpkgs {
          inherit system;
          config.allowUnfree = true;
          config.cudaSupport = hasCuda;
        };
        python = pkgs.python311;
        libs = [ pkgs.stdenv.cc.cc pkgs.zstd ]
          ++ pkgs.lib.optionals hasCuda (with pkgs.cudaPackages; [ cudatoolkit cudnn ]);
      in
      {
        devShells.default = pkgs.mkShell {
          packages = [ python python.pkgs.venvShellHook pkgs.uv ];
          venvDir = ".venv";
          UV_PYTHON = "${python}/bin/python";
          postShellHook = ''
            export LD_LIBRARY_PATH="${pkgs.lib.makeLibraryPath libs}:/run/opengl-driver/lib:$LD_LIBRARY_PATH"
          '';
        };
      });
}

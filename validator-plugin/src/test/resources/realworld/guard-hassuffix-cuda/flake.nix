{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      lib = nixpkgs.lib;
      forAllSystems = lib.genAttrs [ "x86_64-linux" "aarch64-darwin" ];
    in
    {
      devShells = forAllSystems (system:
        let
          isLinux = lib.hasSuffix "-linux" system;
          pkgs = import nixpkgs {
            inherit system;
            config = {
              allowUnfree = true;
              cudaSupport = isLinux;
            };
          };
          runtime = [ pkgs.stdenv.cc.cc pkgs.zlib ]
            ++ lib.optionals isLinux [ pkgs.cudaPackages.cudatoolkit pkgs.cudaPackages.cudnn ];
        in
        {
          default = pkgs.mkShell {
            venvDir = ".venv";
            packages = [ pkgs.python312 pkgs.python312Packages.venvShellHook pkgs.uv ];
            UV_PYTHON_DOWNLOADS = "never";
            NIX_LD_LIBRARY_PATH = lib.makeLibraryPath runtime;
            shellHook = ''
              export LD_LIBRARY_PATH=$NIX_LD_LIBRARY_PATH:/run/opengl-driver/lib
              runHook venvShellHook
            '';
          };
        });
    };
}

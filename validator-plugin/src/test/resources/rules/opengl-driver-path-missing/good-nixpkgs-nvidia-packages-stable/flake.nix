{
  description = "Quantisation shell: the driver from linuxPackages.nvidiaPackages, its libs first on the path";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; config.allowUnfree = true; };
      driver = pkgs.linuxPackages.nvidiaPackages.stable;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv pkgs.cudaPackages.cudatoolkit driver ];
        shellHook = ''
          export LD_LIBRARY_PATH="${driver}/lib:${pkgs.cudaPackages.cudatoolkit}/lib:$LD_LIBRARY_PATH"
          uv venv --python ${pkgs.python312}/bin/python .venv
          source .venv/bin/activate
        '';
      };
    };
}

{
  description = "FHS environment whose environment tool is a package the project builds (a conda installer)";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      # What it installs (conda, into ~/.conda) the model does not read: it may make the environments pip fills.
      condaInstaller = pkgs.runCommand "conda-install" { } ''
        mkdir -p $out/bin
        ln -s ${./install-conda.sh} $out/bin/conda-install
      '';
    in
    {
      devShells.x86_64-linux.default = (pkgs.buildFHSEnv {
        name = "conda";
        targetPkgs = pkgs: [ condaInstaller pkgs.zlib pkgs.stdenv.cc ];
        profile = ''
          export PATH=$HOME/.conda/bin:$PATH
        '';
      }).env;
    };
}

{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  inputs.tools.url = "github:example/tools";

  outputs = { self, nixpkgs, tools }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      fhs = pkgs.buildFHSEnv {
        name = "train";
        # what another flake gives may be a function of the package set: the model cannot tell
        targetPkgs = tools.lib.fhsPackages;
        profile = "export UV_PYTHON_DOWNLOADS=never";
      };
    in
    {
      devShells.x86_64-linux.default = fhs.env;
    };
}

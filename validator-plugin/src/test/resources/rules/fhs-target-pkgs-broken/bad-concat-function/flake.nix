{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      systemLibraries = p: with p; [ zlib stdenv.cc.cc.lib ];
      fhs = pkgs.buildFHSEnv {
        name = "train";
        # systemLibraries is a function: `++` needs a list on both sides
        targetPkgs = p: [ p.python312 p.uv ] ++ systemLibraries;
        profile = "export UV_PYTHON_DOWNLOADS=never";
      };
    in
    {
      devShells.x86_64-linux.default = fhs.env;
    };
}

{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      fhs = pkgs.buildFHSEnv {
        name = "train";
        targetPkgs = p: [ p.python312 p.uv ];
        # a list in parentheses, across lines, still a list
        multiPkgs = _: (
          [
            pkgs.zlib # for numpy's wheels
          ]
        );
        profile = "export UV_PYTHON_DOWNLOADS=never";
      };
    in
    {
      devShells.x86_64-linux.default = fhs.env;
    };
}

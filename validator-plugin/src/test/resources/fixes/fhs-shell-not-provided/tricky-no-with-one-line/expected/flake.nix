{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      env = pkgs.buildFHSEnv {
        name = "one-line";
        targetPkgs = p: [ p.gcc p.python312 /* the interpreter */ p.zsh ] ++ [ p.uv ];
        profile = "export UV_PYTHON_DOWNLOADS=never";
        runScript = "zsh";
      };
    in {
      devShells.x86_64-linux.default = env.env;
    };
}

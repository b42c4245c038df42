{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      fhs = pkgs.buildFHSEnv {
        name = "train";
        # buildFHSEnv calls targetPkgs with its package set: a list cannot be called
        targetPkgs = [ pkgs.python312 pkgs.uv pkgs.zlib ];
        profile = "export UV_PYTHON_DOWNLOADS=never";
      };
    in
    {
      devShells.x86_64-linux.default = fhs.env;
    };
}

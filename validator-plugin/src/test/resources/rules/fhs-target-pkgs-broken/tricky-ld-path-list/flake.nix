{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      # mkShell has no targetPkgs: an attribute of that name is only a variable
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.uv ];
        targetPkgs = [ "zlib" ];
        UV_PYTHON_DOWNLOADS = "never";
      };
    };
}

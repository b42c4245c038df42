{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      eachSystem = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ];
      pythons = [ "python311" "python312" "python313" ];
    in
    {
      devShells = eachSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
          mkDevShell = py:
            pkgs.mkShell {
              packages = [
                (pkgs.${py}.withPackages (ps: [ ps.pytest ps.hypothesis ps.attrs ]))
              ];
            };
          matrix = lib.genAttrs pythons mkDevShell;
        in
        matrix // { default = matrix.python312; });
    };
}

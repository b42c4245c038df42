{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      inherit (nixpkgs) lib;
      eachSystem = lib.genAttrs [ "x86_64-linux" "aarch64-linux" ];
      interpreters = {
        py311 = "python311";
        py312 = "python312";
        py313 = "python313";
      };
    in
    {
      devShells = eachSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
          mkShellFor = attr:
            let
              python = pkgs.${attr};
            in
            pkgs.mkShell {
              packages = [
                (python.withPackages (ps: [ ps.pytest ps.hypothesis ps.attrs ]))
              ];
            };
          matrix = lib.mapAttrs (_: mkShellFor) interpreters;
        in
        matrix // { default = matrix.py312; });
    };
}

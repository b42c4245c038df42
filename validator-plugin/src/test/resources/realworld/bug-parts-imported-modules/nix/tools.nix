{
  perSystem = { pkgs, ... }: {
    devShells.lint = pkgs.mkShellNoCC {
      packages = [ pkgs.ruff pkgs.nixfmt-rfc-style ];
    };
    formatter = pkgs.nixfmt-rfc-style;
  };
}

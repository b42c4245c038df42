{
  description = "No pyproject.toml, and nothing that needs one: the hooks install named packages, not the project";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      python = pkgs.python312.withPackages (ps: [ ps.pip ps.numpy ]);
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ python pkgs.uv ];
        shellHook = ''
          # a subcommand the model cannot read; einops into the working folder (`.` is --target's value); a VCS
          # checkout as an editable
          uv "$UV_ACTION" --quiet
          pip install einops --target .
          pip install -e git+https://example.org/tools.git#egg=tools
        '';
      };
    };
}

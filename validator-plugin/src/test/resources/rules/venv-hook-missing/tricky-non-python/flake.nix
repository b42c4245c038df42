{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ pkgs.cargo pkgs.rustc pkgs.pkg-config ];
      };
      # venvDir and postVenvCreation kept from a template, in a shell with no Python and no uv: venvShellHook alone
      # reads them, and nothing in the shell uses a venv
      devShells.x86_64-linux.server = pkgs.mkShell {
        packages = [ pkgs.rustup pkgs.protobuf ];
        venvDir = "./.venv";
        postVenvCreation = ''
          unset SOURCE_DATE_EPOCH
        '';
      };
      # a Python application's shell (poetry propagates its interpreter) whose venv texts install the project: the
      # venv is expected
      devShells.x86_64-linux.tool = pkgs.mkShell {
        packages = [ pkgs.poetry ];
        venvDir = "./.venv";
        postVenvCreation = ''
          pip install -e .
        '';
      };
      # the same setting beside a Python of nixpkgs: pip would write into the store, the venv is expected
      devShells.x86_64-linux.python = pkgs.mkShell {
        packages = [ pkgs.python312 pkgs.rustup ];
        venvDir = "./.venv";
      };
    };
}

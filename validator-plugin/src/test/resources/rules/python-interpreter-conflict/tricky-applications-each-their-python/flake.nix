{
  description = "Two tools the project builds, each on its own Python; the shell names no interpreter";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-24.11";

  outputs =
    { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      # nixpkgs propagates each one's interpreter (even for applications): both are on PATH, each tool runs on
      # its own
      notes = pkgs.python311Packages.buildPythonApplication {
        pname = "notes";
        version = "0.1.0";
        src = ./.;
        pyproject = true;
        build-system = [ pkgs.python311Packages.setuptools ];
        dependencies = [ pkgs.python311Packages.pyyaml ];
      };
      sync = pkgs.python312Packages.buildPythonApplication {
        pname = "sync";
        version = "0.1.0";
        src = ./.;
        pyproject = true;
        build-system = [ pkgs.python312Packages.setuptools ];
      };
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ notes sync pkgs.jq ];
      };
      # listed beside one of them, an interpreter of another version still conflicts
      devShells.x86_64-linux.scripting = pkgs.mkShell {
        packages = [ pkgs.python313 notes ];
      };
      # the listed interpreter conflicts with the first application's, found after the two applications
      devShells.x86_64-linux.tools = pkgs.mkShell {
        packages = [ notes sync pkgs.python312 ];
      };
    };
}

{
  inputs = {
    nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
    devshell.url = "github:numtide/devshell";
    devshell.inputs.nixpkgs.follows = "nixpkgs";
  };

  outputs = { self, nixpkgs, devshell }:
    let
      systems = [ "x86_64-linux" "aarch64-linux" "aarch64-darwin" ];
      eachSystem = nixpkgs.lib.genAttrs systems;
    in
    {
      devShells = eachSystem (system:
        let
          pkgs = nixpkgs.legacyPackages.${system};
        in
        {
          default = devshell.legacyPackages.${system}.mkShell {
            name = "ingest-gateway";
            packages = with pkgs; [ go gopls golangci-lint protobuf ];
            env = [
              { name = "CGO_ENABLED"; value = "0"; }
              { name = "GOFLAGS"; value = "-mod=vendor"; }
            ];
            commands = [
              { name = "gen"; command = "go generate ./..."; help = "regenerate protobuf stubs"; }
              { name = "lint"; command = "golangci-lint run"; }
            ];
          };
        });
    };
}

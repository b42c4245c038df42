{
  outputs = { self, nixpkgs }:
    let
      pkgs = import nixpkgs { system = "x86_64-linux"; };
      tools = rec { a = pkgs.uv; b = a; };
      inherit (pkgs) lib;
    in {
      # comment mentioning undefinedName is not code
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ tools.b ] ++ lib.optional true pkgs.git ++ builtins.attrValues { inherit (pkgs) jq; };
        shellHook = ''
          echo ${toString self}
        '';
      };
    };
}

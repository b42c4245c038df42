{
  description = "CUDA guarded by elem system [ ... ] over a genAttrs system list";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs =
    { nixpkgs, ... }:
    let
      lib = nixpkgs.lib;
      systems = [
        "x86_64-linux"
        "aarch64-darwin"
      ];
      cudaSystems = [ "x86_64-linux" ];
    in
    {
      devShells = lib.genAttrs systems (
        system:
        let
          pkgs = import nixpkgs {
            inherit system;
            config.allowUnfree = true;
          };
        in
        {
          default = pkgs.mkShell {
            packages = [ pkgs.python312 ] ++ lib.optionals (builtins.elem system cudaSystems) [ pkgs.cudatoolkit ];
          };
        }
      );
    };
}

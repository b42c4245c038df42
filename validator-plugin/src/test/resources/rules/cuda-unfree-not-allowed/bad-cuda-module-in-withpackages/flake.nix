{
  description = "A PyTorch environment from nixpkgs, without allowUnfree";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { nixpkgs, ... }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      python = pkgs.python312.withPackages (ps: [
        ps.numpy
        ps.torchWithCuda
      ]);
    in
    {
      devShells.x86_64-linux.default = pkgs.mkShell {
        packages = [ python ];
      };
    };
}

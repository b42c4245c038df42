{
  description = "a dev shell whose nixpkgs is hf-nix's";

  inputs = {
    hf-nix.url = "github:huggingface/hf-nix";
    nixpkgs.follows = "hf-nix/nixpkgs";
  };

  outputs = { self, nixpkgs, hf-nix }:
    let
      system = "x86_64-linux";
      pkgs = import nixpkgs { inherit system; };
    in {
      devShells.${system}.default = pkgs.mkShell { packages = [ pkgs.python312 ]; };
    };
}

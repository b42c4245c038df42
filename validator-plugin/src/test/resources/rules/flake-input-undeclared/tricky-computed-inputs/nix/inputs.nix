{
  nixpkgs.url = "github:NixOS/nixpkgs/nixos-25.05";
  hf-nix.url = "github:example-org/hf-nix";
}

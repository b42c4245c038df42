{
  inputs = {
    # the release we started on
    nixpkgs = {
      url = "git+https://github.com/NixOS/nixpkgs?ref=nixos-24.11&shallow=1"; # keep it shallow
    };
  };
  outputs = { self, nixpkgs }: { };
}

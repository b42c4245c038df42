# nixml's own nix-systems (`import systems`): the default list of systems a flake builds for.
[ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ]

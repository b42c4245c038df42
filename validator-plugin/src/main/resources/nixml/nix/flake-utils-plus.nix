# nixml's own flake-utils-plus `lib`, written from its documented behaviour: flake-utils' `lib` with `mkFlake`, for
# what makes a dev shell: `supportedSystems`, `channels.<name>` (`input`, `config`, `overlaysBuilder`),
# `channelsConfig`, `sharedOverlays` and `outputsBuilder channels` (its outputs placed per system). Plain Nix:
# nix-instantiate imports it as it is.
# Not read: `hosts`, `hostDefaults`, the channels flake-utils-plus makes of nixpkgs-like inputs not named under
# `channels`, and the other arguments it passes through as outputs (a shell written there is not found).
{ flakeUtils ? import ./flake-utils.nix { } }:
let
  inherit (builtins) mapAttrs;

  mkFlake = { self, inputs, supportedSystems ? flakeUtils.defaultSystems, channels ? { }, channelsConfig ? { }
    , sharedOverlays ? [ ], outputsBuilder ? (_: { }), ... }:
    flakeUtils.eachSystem supportedSystems (system:
      let
        # flake-utils-plus always adds overlays of its own (the inputs' sources, its own packages)
        ownOverlay = final: prev: { };
        importChannel = name: channel: import channel.input {
          inherit system;
          overlays = [ ownOverlay ] ++ sharedOverlays
            ++ (if channel ? overlaysBuilder then channel.overlaysBuilder pkgs else [ ]) ++ [ ownOverlay ];
          config = channelsConfig // (channel.config or { });
        };
        pkgs = mapAttrs importChannel channels;
      in
      outputsBuilder pkgs);
in
flakeUtils // { inherit mkFlake; }

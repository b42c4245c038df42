# nixml's own flake-utils `lib`, written from its documented behaviour. Plain Nix: nix-instantiate imports it as it
# is. `primitives.eachSystem`, when nixml gives it, evaluates the per-system function once for a system that is one
# of `systems`, not known which, instead of once per system.
{ primitives ? { }, defaultSystems ? import ./nix-systems.nix }:
let
  inherit (builtins) foldl' attrNames listToAttrs map;

  allSystems = [ "aarch64-linux" "armv5tel-linux" "armv6l-linux" "armv7a-linux" "armv7l-linux" "i686-linux"
    "mipsel-linux" "powerpc64le-linux" "riscv64-linux" "x86_64-linux" "aarch64-darwin" "x86_64-darwin"
    "i686-freebsd" "x86_64-freebsd" "x86_64-netbsd" "x86_64-solaris" "x86_64-cygwin" "i686-cygwin" ];

  # { packages.x86_64-linux = …; devShells.x86_64-linux = …; }: each attribute of `f system` under its system
  eachSystemByFolding = systems: f:
    foldl' (outputs: system:
      let ret = f system;
      in foldl' (outputs: key: outputs // {
        ${key} = (outputs.${key} or { }) // { ${system} = ret.${key}; };
      }) outputs (attrNames ret)) { } systems;

  eachSystem = primitives.eachSystem or eachSystemByFolding;

  # `f system` for each system, merged as they are (the function adds the system level itself)
  eachSystemPassThrough = systems: f: foldl' (outputs: system: outputs // f system) { } systems;

  # `f system` for each system, as a set by system (no per-output level)
  eachSystemMap = systems: f: listToAttrs (map (system: { name = system; value = f system; }) systems);

  # merges sets, recursing where both sides hold a set (nixpkgs' `lib.recursiveUpdate`, which meld carries)
  recursiveUpdate = left: right: builtins.zipAttrsWith (name: values:
    if builtins.length values == 1 then builtins.head values
    else if builtins.isAttrs (builtins.elemAt values 0) && builtins.isAttrs (builtins.elemAt values 1)
    then recursiveUpdate (builtins.elemAt values 1) (builtins.elemAt values 0)
    else builtins.head values) [ right left ];

  # `meld inputs [ ./nix/packages ./nix/shells.nix ]`: each file is a flake's `outputs` function, applied to the
  # same inputs; their outputs merge, the later winning where both define a value that is not a set
  meld = inputs: subflakes:
    let
      parts = map (subflake: import subflake inputs) subflakes;
      # `{ value = merged; }` where nixml merges parts made by its `eachSystem` (outputs of a system among many)
      perSystem = (primitives.mergePerSystem or (parts: merge: { })) parts recursiveUpdate;
    in
    if perSystem ? value then perSystem.value else foldl' recursiveUpdate { } parts;

  mkApp = { drv, name ? drv.pname or drv.name, exePath ? drv.passthru.exePath or ("/bin/" + name) }: {
    type = "app";
    program = "${drv}${exePath}";
  };
in
{
  inherit defaultSystems allSystems eachSystem eachSystemPassThrough eachSystemMap meld mkApp;
  eachDefaultSystemMap = eachSystemMap defaultSystems;
  eachDefaultSystem = eachSystem defaultSystems;
  eachDefaultSystemPassThrough = eachSystemPassThrough defaultSystems;
  system = listToAttrs (map (system: { name = system; value = system; }) allSystems);
}

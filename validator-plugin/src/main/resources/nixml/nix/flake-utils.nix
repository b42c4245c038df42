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

  mkApp = { drv, name ? drv.pname or drv.name, exePath ? drv.passthru.exePath or ("/bin/" + name) }: {
    type = "app";
    program = "${drv}${exePath}";
  };
in
{
  inherit defaultSystems allSystems eachSystem eachSystemPassThrough mkApp;
  eachDefaultSystem = eachSystem defaultSystems;
  eachDefaultSystemPassThrough = eachSystemPassThrough defaultSystems;
  system = listToAttrs (map (system: { name = system; value = system; }) allSystems);
}

# nixml's own flakelight `mkFlake`, written from flakelight's documented behaviour (its API guide), for what makes a
# dev shell: `systems`, `inputs`, `nixpkgs.config`/`nixpkgs.overlays`/`withOverlays`, `devShell`, `devShells`,
# `perSystem`, and the files auto-loaded from `nixDir` (default `./nix`: `devShell.nix`, `devShell/default.nix`,
# `devShells.nix`, `devShells/<name>.nix`). Plain Nix: nix-instantiate imports it as it is.
# Not read: a module's `imports`, `outputs` (flake-wide outputs), `nixDirAliases`, option merging across several
# definitions of one option (the root module's definition wins over the auto-loaded file's).
# `autoInputs` stands for the inputs flakelight reads from flake.lock when the module does not set `inputs`;
# `eachSystem` is flake-utils' (nixml gives its primitive: the per-system function evaluated once).
# `defaultNixpkgs` is flakelight's own nixpkgs, used when the inputs have none. `primitives.definedAt definition
# shell`, when nixml gives it, places the shell flakelight builds where the user wrote its definition; `isDerivation`
# tells a built shell (a derivation) from a shell's configuration.
{ lib ? import ./lib.nix { }, eachSystem ? (import ./flake-utils.nix { }).eachSystem, autoInputs ? { }
, defaultNixpkgs ? null, primitives ? { }
, isDerivation ? (x: (x.type or null) == "derivation") }:
let
  inherit (builtins) isFunction functionArgs pathExists readDir attrNames filter map mapAttrs
    listToAttrs removeAttrs;
  inherit (lib) hasSuffix removeSuffix removePrefix optionalAttrs;

  # flakelight's importDir: each `x.nix` (or `_x.nix`, for names like `default`) and each folder with a
  # default.nix, imported, by name
  importDir = dir:
    let
      names = map (s: removePrefix "_" (removeSuffix ".nix" s))
        (filter (s: s != "default.nix" && (hasSuffix ".nix" s || pathExists (dir + "/${s}/default.nix")))
          (attrNames (readDir dir)));
      file = p: if pathExists (dir + "/_${p}.nix") then dir + "/_${p}.nix"
        else if pathExists (dir + "/${p}.nix") then dir + "/${p}.nix"
        else dir + "/${p}";
    in listToAttrs (map (p: { name = p; value = import (file p); }) names);

  # the value of an option auto-loaded from nixDir, or null
  load = nixDir: name:
    if nixDir == null then null
    else if pathExists (nixDir + "/${name}.nix") then import (nixDir + "/${name}.nix")
    else if pathExists (nixDir + "/${name}/default.nix") then import (nixDir + "/${name}")
    else if pathExists (nixDir + "/${name}") then importDir (nixDir + "/${name}")
    else null;

  # Cfg | (Pkgs -> Cfg) | package definition ({ mkShell, … }: mkShell { … }) | derivation
  definedAt = primitives.definedAt or (definition: shell: shell);
  wrapFn = fn: pkgs:
    if functionArgs fn == { } then fn pkgs
    else let val = lib.callPackageWith pkgs fn { }; in if isDerivation val then val else fn pkgs;
  shellOf = pkgs: definition:
    let
      cfg = if isFunction definition then wrapFn definition pkgs else definition;
      value = option: if isFunction option then option pkgs else option;
      cfg' = mapAttrs (_: value) (removeAttrs cfg [ "stdenv" ]);
    in
    if isDerivation cfg then cfg
    else definedAt definition (pkgs.mkShell ((cfg'.env or { }) // removeAttrs cfg' [ "env" ]));

  mkFlake = src: root:
    let
      moduleArgs = {
        inherit lib src config moduleArgs;
        inherit (config) inputs;
        options = { };
        flakelight = { inherit mkFlake importDir; };
      };
      config' = if isFunction root then root moduleArgs else root;
      config = config' // { inputs = config'.inputs or autoInputs; };
      nixDir = if config ? nixDir then config.nixDir else src + "/nix";
      systems = config.systems or [ "x86_64-linux" "aarch64-linux" ];
      overlays = (config.nixpkgs.overlays or [ ]) ++ (config.withOverlays or [ ]);
      pkgsFor = system:
        let
          pkgs = import (config.inputs.nixpkgs or defaultNixpkgs) ({ inherit system; config = config.nixpkgs.config or { }; }
            // optionalAttrs (overlays != [ ]) { inherit overlays; });
        in pkgs // { inherit src moduleArgs; inherit (config) inputs; };
      devShell = if config ? devShell then config.devShell else load nixDir "devShell";
      loadedShells = load nixDir "devShells";
      ownShells = if isFunction (config.devShells or { }) then config.devShells moduleArgs else config.devShells or { };
      devShells = (if loadedShells == null then { } else loadedShells) // ownShells
        // optionalAttrs (devShell != null) { default = devShell; };
    in
    eachSystem systems (system:
      let pkgs = pkgsFor system; in
      (if config ? perSystem then config.perSystem pkgs else { })
      // optionalAttrs (attrNames devShells != [ ]) { devShells = mapAttrs (_: shellOf pkgs) devShells; });
in
{
  inherit mkFlake importDir;
}

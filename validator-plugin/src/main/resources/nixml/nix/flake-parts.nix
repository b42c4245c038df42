# nixml's own flake-parts `lib`, written from flake-parts' documented behaviour: `mkFlake { inputs; … } module`
# evaluates the flake's modules (sets, functions of the module arguments, files; their `imports`) with a small
# module system: definitions of one attribute merge (sets recursively, lists concatenated, strings as lines,
# `mkIf`/`mkMerge`/`mkOverride`/`mkOrder` of nixpkgs' lib honoured); `perSystem` modules are evaluated once per
# system with `{ pkgs, system, self', inputs', … }`, and their `packages`, `devShells`, `apps`, `checks`,
# `formatter` and `legacyPackages` become the flake's outputs per system, next to what `flake` sets.
# numtide devshell's and devenv's flake modules (`devshells.<name>`, `devenv.shells.<name>`) are here too.
# Plain Nix: nix-instantiate imports it as it is. `primitives`, when nixml gives them, replace what the model
# reads: `shapeOf` says what a definition is without asking a value nixml cannot read (a package), `genSystems`
# and `mapSystems` keep per-system values for an unknown list of systems, `nixpkgsOf` makes the default `pkgs`
# where the flake calls `mkFlake`, `devshellShell` and `devenvShell` are the shells devshell's and devenv's
# `mkShell` build.
{ lib, primitives ? { } }:
let
  inherit (builtins) isAttrs isList isString isFunction isPath attrNames functionArgs filter map concatMap
    listToAttrs foldl' sort length head elem mapAttrs removeAttrs all any concatStringsSep;

  # `set.${name} or default`, written with `?` so that a set nixml does not know answers unknown, not the default
  attrOr = set: name: default: if set ? ${name} then set.${name} else default;

  wrappers = [ "if" "merge" "override" "order" ];

  # "if", "merge", "override", "order" (lib's wrappers), "set", "list", "string", "function", "other" or (nixml
  # only) "unknown"
  shapeOf = primitives.shapeOf or (v:
    if isAttrs v then
      if v ? _type then (if elem v._type wrappers then v._type else "other")
      else if (v.type or null) == "derivation" then "other" else "set"
    else if isList v then "list" else if isString v then "string" else if isFunction v then "function"
    else "other");

  # the shape under lib's wrappers; mkIf conditions are not evaluated
  baseShape = v:
    let shape = shapeOf v; in
    if shape == "if" || shape == "override" || shape == "order" then baseShape v.content
    else if shape == "merge" then (if v.contents == [ ] then "set" else baseShape (head v.contents))
    else shape;

  # a set definition as sets of definitions, wrappers pushed down to its attributes (conditions not evaluated)
  pushDown = v:
    let shape = shapeOf v; in
    if shape == "if" then map (mapAttrs (_: lib.mkIf v.condition)) (pushDown v.content)
    else if shape == "override" then map (mapAttrs (_: lib.mkOverride v.priority)) (pushDown v.content)
    else if shape == "order" then map (mapAttrs (_: lib.mkOrder v.priority)) (pushDown v.content)
    else if shape == "merge" then concatMap pushDown v.contents
    else [ v ];

  # plain definitions with their priority and order, wrappers taken off and conditions evaluated
  expand = priority: order: v:
    let shape = shapeOf v; in
    if shape == "if" then (if v.condition then expand priority order v.content else [ ])
    else if shape == "merge" then concatMap (expand priority order) v.contents
    else if shape == "override" then expand v.priority order v.content
    else if shape == "order" then expand priority v.priority v.content
    else [ { inherit priority order shape; value = v; } ];

  # the attributes of a set nixml knows, in a set that may have more (plain Nix: all of them)
  knownNames = primitives.knownNames or attrNames;

  # sets of definitions as one set: an attribute one set defines keeps its place in the flake, the others merge
  mergeSets = sets:
    let
      names = concatMap knownNames sets;
      shared = lib.unique (filter (name: length (filter (n: n == name) names) > 1) names);
    in
    foldl' (merged: set: merged // mapAttrs (_: value: mergeDefinitions [ value ]) set) { } sets
    // listToAttrs (map (name: {
      inherit name;
      value = mergeDefinitions (concatMap (set: if set ? ${name} then [ set.${name} ] else [ ]) sets);
    }) shared);

  # the value of an attribute from all its definitions
  mergeDefinitions = definitions:
    let
      first = head definitions;
      shape = shapeOf first;
    in
    if length definitions == 1 && !(elem shape wrappers) then
      (if shape == "set" then mapAttrs (_: value: mergeDefinitions [ value ]) first else first)
    else if all (d: baseShape d == "set") definitions then mergeSets (concatMap pushDown definitions)
    else
      let
        plain = concatMap (expand 100 1000) definitions;
        best = foldl' (p: d: if d.priority < p then d.priority else p) 1500 plain;
        kept = sort (a: b: a.order < b.order) (filter (d: d.priority == best) plain);
        values = map (d: d.value) kept;
      in
      if kept == [ ] then { }
      else if any (d: d.shape == "unknown") kept then (head (filter (d: d.shape == "unknown") kept)).value
      else if length kept == 1 then mergeDefinitions values
      else if all (d: d.shape == "set") kept then mergeSets values
      else if all (d: d.shape == "list") kept then concatMap (v: v) values
      else if all (d: d.shape == "string") kept then concatStringsSep "\n" values
      else head values;

  # a module applied: a file imported, a function given the arguments it names (the others from
  # `config._module.args`, as the module system does)
  load = args: config: module:
    let
      value = if isPath module || isString module then import module else module;
      named = functionArgs value;
    in
    if isFunction value then
      (if attrNames named == [ ] then value args
       else value (mapAttrs (name: _: if args ? ${name} then args.${name} else config._module.args.${name}) named))
    else value;

  keyOf = module: if isPath module || isString module then module else null;

  # the module and the modules it imports, depth first; a file imported twice counts once
  collect = args: config: module:
    let
      loaded = load args config module;
      own = if loaded ? config || loaded ? options then loaded.config or { }
        else removeAttrs loaded [ "imports" "_file" "key" "disabledModules" "_class" ];
    in
    [ { key = keyOf module; config = own; } ] ++ concatMap (collect args config) (loaded.imports or [ ]);

  distinct = foldl' (kept: m:
    if m.key != null && elem m.key (map (k: k.key) kept) then kept else kept ++ [ m ]) [ ];

  # the modules' configuration: attributes merged, `deferred` ones (modules themselves) kept as lists
  evalModules = { modules, args, deferred ? [ ] }:
    let
      config = merged // listToAttrs (map (name: {
        inherit name;
        value = concatMap (d: if d ? ${name} then [ d.${name} ] else [ ]) definitions;
      }) deferred);
      definitions = map (m: m.config) (distinct (concatMap (collect (args // { inherit config; options = { }; })
        config) modules));
      merged = mergeDefinitions ([ { } ] ++ map (d: removeAttrs d deferred) definitions);
    in
    config;

  transposed = [ "packages" "legacyPackages" "devShells" "apps" "checks" "formatter" ];

  genSystems = primitives.genSystems or lib.genAttrs;
  mapSystems = primitives.mapSystems or (f: mapAttrs (_: f));

  # a flake's per-system outputs as one system sees them (`self'`, `inputs'`)
  systemView = system: flake: lib.genAttrs transposed (name: flake.${name}.${system});

  # numtide devshell as a flake module: `perSystem.devshells.<name>` is a shell of devshell's `mkShell`
  devshellModule = { moduleLocation, ... }: {
    perSystem = { config, pkgs, ... }: {
      devShells = mapAttrs (_: shell: devshellShell moduleLocation pkgs shell) (attrOr config "devshells" { });
    };
  };

  # devenv as a flake module: `perSystem.devenv.shells.<name>` is a devenv shell of that module, with the modules
  # of `perSystem.devenv.modules` (imported into every shell)
  devenvModule = { inputs, moduleLocation, ... }: {
    perSystem = { config, pkgs, ... }:
      let devenv = attrOr config "devenv" { }; in {
        devShells = mapAttrs (_: shell: devenvShell moduleLocation {
          inherit pkgs inputs;
          modules = [ shell ] ++ attrOr devenv "modules" [ ];
        }) (attrOr devenv "shells" { });
      };
  };

  # `inputs.nixpkgs.legacyPackages.${system}`, perSystem's `pkgs` unless `_module.args.pkgs` sets it
  nixpkgsOf = primitives.nixpkgsOf or (location: inputs: system: inputs.nixpkgs.legacyPackages.${system});

  # the shells devshell's and devenv's `mkShell` build (plain Nix: their configuration)
  devshellShell = primitives.devshellShell or (location: pkgs: shell: shell);
  devenvShell = primitives.devenvShell or (location: args: args);

  importApply = module: arguments: (if isPath module || isString module then import module else module) arguments;

  mkFlake = { inputs, self ? attrOr inputs "self" { }, specialArgs ? { }, moduleLocation ? null, ... }: module:
    let
      perSystemOf = system:
        let
          args = {
            inherit lib system inputs self;
            pkgs = config._module.args.pkgs or (nixpkgsOf moduleLocation inputs system);
            # this system's outputs as its own modules define them (flake-parts' `self'`, without the round trip
            # through the flake's outputs)
            self' = lib.genAttrs transposed (name: attrOr config name { });
            inputs' = mapAttrs (_: systemView system) inputs;
          };
          config = evalModules { modules = top.perSystem; inherit args; };
        in
        { inherit config; args = args // { inherit config; }; };

      configs = genSystems (attrOr top "systems" [ ]) (system: (perSystemOf system).config);

      outputs = {
        flake = listToAttrs (map (name: {
          inherit name;
          value = mapSystems (config: attrOr config name { }) configs;
        }) transposed);
      };

      top = evalModules {
        modules = [ outputs module ];
        deferred = [ "perSystem" ];
        args = specialArgs // {
          inherit lib inputs self moduleLocation;
          flake-parts-lib = flakePartsLib;
          withSystem = system: f: f (perSystemOf system).args;
          getSystem = system: (perSystemOf system).config;
        };
      };
    in
    top.flake;

  # what nixml does not know (plain Nix: an empty set)
  unknown = primitives.unknown or { };

  # Another flake's module, known by what its documentation says it declares: perSystem options whose values
  # nixml does not know (`treefmt.*`, read back as `config.treefmt.build.wrapper`), the outputs it may define (as
  # unknown), and no dev shell. An unknown module would make every output unknown, dev shells included.
  # (a module function: nixml's library sets are open, so a set would read as one that may hold anything)
  # `known` gives, from perSystem's `pkgs` and `config`, the options whose values its documentation fixes; they
  # merge with the flake's own definitions of those options.
  declaring = { perSystemOptions ? [ ], perSystemOutputs ? [ ], flakeOutputs ? [ ], known ? (_: { }) }:
    { ... }: {
      perSystem = { pkgs, config, ... }:
        lib.genAttrs (perSystemOptions ++ perSystemOutputs) (_: unknown) // known { inherit pkgs config; };
      flake = lib.genAttrs flakeOutputs (_: unknown);
    };

  # a set that may hold more than it shows: an option set of which nixml knows a few values (plain Nix: the set)
  someOf = primitives.openSet or (set: set);

  # git-hooks.nix's `installationScript`: shell code that installs the hooks (`pre-commit install`), read as
  # running a script
  hookInstaller = pkgs: "${pkgs.writeShellScript "pre-commit-installation" ""}";

  # The tools of the enabled entries of a module's `hooks`/`programs` option (git-hooks.nix, treefmt-nix): the
  # package the flake gives an entry, else the one the module picks for it, which nixml does not know (many are
  # Python applications, and nixpkgs puts their interpreter on PATH too); unknown where the option is no set.
  enabledTools = entries:
    if isAttrs entries then
      lib.mapAttrsToList (_: entry: if isAttrs entry && entry ? package then entry.package else unknown)
        (lib.filterAttrs (_: entry: entry.enable or false) entries)
    else [ unknown ];

  # a module's option set as the flake defines it, unknown where that is no set (`treefmt = import ./treefmt.nix;`)
  optionSet = config: name: let value = attrOr config name { }; in if isAttrs value then value else unknown;

  foreignModules = {
    # numtide/treefmt-nix: `perSystem.treefmt`, of which `build.wrapper` is a `treefmt` command wrapping the
    # configuration; `formatter` and `checks.treefmt` from it
    treefmt-nix = declaring {
      perSystemOutputs = [ "formatter" "checks" ];
      known = { pkgs, config }: let wrapper = pkgs.writeShellScriptBin "treefmt" ""; in {
        treefmt = someOf {
          # `build.devShell`: a shell with the wrapper and the enabled formatters
          build = someOf {
            inherit wrapper;
            devShell = pkgs.mkShell {
              nativeBuildInputs = [ wrapper ] ++ enabledTools (attrOr (optionSet config "treefmt") "programs" { });
            };
          };
        };
      };
    };
    # cachix/git-hooks.nix (once pre-commit-hooks.nix): `perSystem.pre-commit`, of which `installationScript` is
    # the code a shell hook runs; `checks.pre-commit` from it
    git-hooks = declaring {
      perSystemOutputs = [ "checks" ];
      known = { pkgs, config }: let installationScript = hookInstaller pkgs; in {
        pre-commit = someOf {
          inherit installationScript;
          # `devShell`: a shell with the enabled hooks' tools and pre-commit, whose hook installs the hooks
          devShell = pkgs.mkShell {
            nativeBuildInputs = enabledTools (attrOr (attrOr (optionSet config "pre-commit") "settings" { })
              "hooks" { }) ++ [ pkgs.pre-commit ];
            shellHook = installationScript;
          };
        };
      };
    };
    # srid/flake-root: `perSystem.flake-root`, whose `projectRootFile` the flake may set, `package` is the
    # `flake-root` command that finds it, and `devShell` a shell whose hook exports $FLAKE_ROOT from that command
    # (for `inputsFrom = [ config.flake-root.devShell ]`)
    flake-root = declaring {
      known = { pkgs, ... }: let package = pkgs.writeShellApplication { name = "flake-root"; text = ""; }; in {
        flake-root = someOf {
          inherit package;
          devShell = pkgs.mkShell {
            name = "flake-root-devshell";
            shellHook = ''
              FLAKE_ROOT="$(${package}/bin/flake-root)"
              export FLAKE_ROOT
            '';
          };
        };
      };
    };
    # flake-parts' own easyOverlay: `perSystem.overlayAttrs` becomes `overlays.default`
    easyOverlay = declaring { perSystemOptions = [ "overlayAttrs" ]; flakeOutputs = [ "overlays" ]; };
  };

  # git-hooks.nix's `lib.${system}.run { src; hooks; … }`: a check derivation whose `shellHook` is the installation
  # script (`shellHook = self.checks.${system}.pre-commit-check.shellHook;`, as its README shows); its other
  # attributes (`enabledPackages`, `config`) stay unknown
  gitHooksRun = pkgs: _settings: someOf { type = "derivation"; shellHook = hookInstaller pkgs; };

  flakePartsLib = {
    inherit mkFlake importApply foreignModules gitHooksRun;
    flakeModules = { devshell = devshellModule; devenv = devenvModule; };
  };
in
flakePartsLib

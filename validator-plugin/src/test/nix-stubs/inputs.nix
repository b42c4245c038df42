# Stubs of the flake inputs a dev-shell flake uses: nixpkgs, flake-utils, flake-parts, nix-systems, numtide devshell,
# devenv. `import X` of a stub goes through the driver's scoped `import`, which returns the stub's `_nixmlImport`.
{ lib, stubImport }:
let
  b = builtins;
  toLower = b.replaceStrings
    [ "A" "B" "C" "D" "E" "F" "G" "H" "I" "J" "K" "L" "M" "N" "O" "P" "Q" "R" "S" "T" "U" "V" "W" "X" "Y" "Z" ]
    [ "a" "b" "c" "d" "e" "f" "g" "h" "i" "j" "k" "l" "m" "n" "o" "p" "q" "r" "s" "t" "u" "v" "w" "x" "y" "z" ];
  contains = part: s: b.match ".*${part}.*" s != null;

  # What an input is, from its URL (or, for inputs named only in the outputs' formals, its name).
  kindOf = name: url:
    let u = toLower url; n = toLower name; in
    if contains "nixpkgs" u || contains "channels.nixos.org" u || (url == "" && contains "nixpkgs" n) then "nixpkgs"
    else if contains "flakelight" u || n == "flakelight" then "flakelight"
    else if contains "poetry2nix" u || n == "poetry2nix" then "poetry2nix"
    else if contains "pyproject-nix/pyproject.nix" u || (url == "" && n == "pyproject-nix") then "pyproject-nix"
    else if contains "pyproject-nix/uv2nix" u || (url == "" && n == "uv2nix") then "uv2nix"
    else if contains "flake-parts" u || n == "flake-parts" then "flake-parts"
    else if contains "flake-utils" u || n == "flake-utils" || n == "utils" then "flake-utils"
    else if contains "nix-systems" u || n == "systems" then "systems"
    else if contains "numtide/devshell" u || n == "devshell" then "devshell"
    else if contains "cachix/devenv" u || n == "devenv" then "devenv"
    else "unknown";

  # sets merge recursively (not a stub shell), lists concatenate, the last scalar wins
  deepMerge = lhs: rhs:
    lhs // b.mapAttrs (n: v:
      if b.isAttrs v && b.isAttrs (lhs.${n} or null) && !(v ? _type) then deepMerge lhs.${n} v
      else if b.isList v && b.isList (lhs.${n} or null) then lhs.${n} ++ v
      else v) rhs;

  perSystemAttrs = [ "packages" "legacyPackages" "devShells" "apps" "checks" "formatter" ];
  # inputs'.x / self': the per-system attributes of a flake seen from one system.
  systemView = system: flake:
    if b.isAttrs flake then
      b.listToAttrs (b.concatMap (n: if flake ? ${n} then [ { name = n; value = flake.${n}.${system} or { }; } ] else [ ]) perSystemAttrs)
    else flake;

  nixpkgs = name:
    let instantiate = import ./nixpkgs.nix { inherit lib; input = name; }; in {
      _nixmlImport = instantiate;
      outPath = "/stub/inputs/${name}";
      lib = lib // { nixosSystem = _: { }; };
      legacyPackages = lib.genAttrs lib.systems.flakeExposed (system: instantiate { inherit system; });
    };

  # flake-utils: eachSystem merges `f system` into `{ <output>.<system> = …; }` as flake-utils does.
  # its defaultSystems: its `systems` input, as the flake sets it (`inputs.systems.follows`), else nix-systems/default.
  flakeUtils = name: ownSystems: rec {
    outPath = "/stub/inputs/${name}";
    lib = rec {
      defaultSystems = ownSystems;
      allSystems = lib'.systems.flakeExposed;
      system = lib'.genAttrs allSystems (s: s);
      eachSystem = systems: f:
        b.foldl' (attrs: system:
          let ret = f system; in
          b.foldl' (acc: key: acc // { ${key} = (acc.${key} or { }) // { ${system} = ret.${key}; }; }) attrs (b.attrNames ret))
        { } systems;
      eachDefaultSystem = eachSystem defaultSystems;
      eachSystemMap = systems: f: lib'.genAttrs systems f;
      eachDefaultSystemMap = eachSystemMap defaultSystems;
      flattenTree = tree: tree;
      mkApp = { drv, name ? drv.pname or drv.name, exePath ? "/bin/${name}" }: { type = "app"; program = "${drv}${exePath}"; };
    };
  };
  lib' = lib;

  # nix-systems' flakes: the list the URL names (`default-linux`, `x86_64-linux`, …); the registry's `systems` is
  # nix-systems/default.
  systemsOfUrl = url:
    let
      found = b.match ".*nix-systems/([A-Za-z0-9_-]+).*" url;
      list = if found == null then "default" else b.head found;
    in
    if list == "default" then lib.systems.default
    else if list == "default-linux" then [ "x86_64-linux" "aarch64-linux" ]
    else if list == "default-darwin" then [ "x86_64-darwin" "aarch64-darwin" ]
    else [ list ];

  systems = name: url: { _nixmlImport = systemsOfUrl url; outPath = "/stub/inputs/${name}"; };

  # flake-parts: mkFlake with systems, perSystem (pkgs defaults to inputs.nixpkgs.legacyPackages.${system} unless
  # _module.args.pkgs overrides it), flake, and imports of local module files; other imports are ignored.
  flakeParts = name: {
    outPath = "/stub/inputs/${name}";
    flakeModules = { };
    lib.mkFlake = args: module:
      let
        inputs = args.inputs;
        self = args.self or inputs.self;
        topArgs = {
          inherit inputs self lib;
          config = { };
          options = { };
          flake-parts-lib = { };
          withSystem = system: f: f (perSystemArgs system (perSystem system).pkgs);
          getSystem = system: (perSystem system).config;
          moduleWithSystem = f: f;
        };
        load = m:
          let value = if b.isPath m || b.isString m then stubImport m else m; in
          if b.isFunction value then value topArgs else value;
        collect = m:
          let loaded = load m; in
          if b.isAttrs loaded && !(loaded ? _nixmlUnknownInput) then
            [ loaded ] ++ b.concatMap collect (b.filter (i: b.isPath i || b.isFunction i || (b.isAttrs i && !(i ? _nixmlUnknownInput))) (loaded.imports or [ ]))
          else [ ];
        modules = collect module;
        systemsList = b.concatMap (m: m.systems or [ ]) modules;
        perSystemFns = b.concatMap (m: if m ? perSystem then [ m.perSystem ] else [ ]) modules;
        perSystemArgs = system: pkgs: {
          inherit system pkgs lib inputs self;
          config = (perSystem system).config;
          self' = systemView system self;
          inputs' = b.mapAttrs (_: systemView system) inputs;
          options = { };
        };
        merge = b.foldl' lib.recursiveUpdate { };
        # perSystem modules merge as flake-parts merges them: sets recursively, lists (devshell's `packages`) concatenated
        callAll = system: pkgs: b.foldl' deepMerge { } (map (f: if b.isFunction f then f (perSystemArgs system pkgs) else f) perSystemFns);
        perSystem = system:
          let
            defaultPkgs = inputs.nixpkgs.legacyPackages.${system} or null;
            pkgs = (callAll system defaultPkgs)._module.args.pkgs or defaultPkgs;
          in { inherit pkgs; config = callAll system pkgs; };
        results = map (system: { inherit system; config = (perSystem system).config; }) systemsList;
        outputNames = b.filter (n: n != "_module") (lib.unique (b.concatMap (r: b.attrNames r.config) results));
        perSystemOutputs = lib.genAttrs outputNames (n:
          b.listToAttrs (b.concatMap (r: if r.config ? ${n} then [ { name = r.system; value = r.config.${n}; } ] else [ ]) results));
      in
      perSystemOutputs // merge (map (m: m.flake or { }) modules);
  };

  # numtide devshell: mkShell evaluates its configuration as modules (sets, functions of { pkgs, lib, config, … },
  # files, importTOML's modules) and their imports: sets merge recursively, lists concatenate, the last scalar wins;
  # `args` is the merged configuration, packages named by strings resolved in `pkgs` (devshell's strOrPackage).
  devshellFor = instance: pkgs: rec {
    importTOML = file:
      let
        data = b.fromTOML (b.readFile file);
        dir = dirOf file;
        importModule = s:
          if lib.hasPrefix "./" s || lib.hasSuffix ".nix" s || lib.hasSuffix ".toml" s then
            (if lib.hasSuffix ".toml" s then importTOML (dir + "/${s}") else stubImport (dir + "/${s}"))
          else { }; # devshell's extra modules ("language.c"): not stubbed
      in
      { _file = file; imports = map importModule (data.imports or [ ]); config = b.removeAttrs data [ "imports" ]; };
    fromTOML = file: mkShell (importTOML file);
    mkShell = configuration:
      let
        deepMerge = lhs: rhs:
          lhs // b.mapAttrs (n: v:
            if b.isAttrs v && b.isAttrs (lhs.${n} or null) && !(v ? _type) then deepMerge lhs.${n} v
            else if b.isList v && b.isList (lhs.${n} or null) then lhs.${n} ++ v
            else v) rhs;
        moduleArgs = { inherit pkgs lib config; };
        load = m: if b.isFunction m then m moduleArgs else if b.isPath m then load (stubImport m) else m;
        definitions = m:
          if m ? config || m ? options then m.config or { }
          else b.removeAttrs m [ "imports" "_file" "key" "disabledModules" "_class" ];
        collect = m: let v = load m; in [ (definitions v) ] ++ b.concatMap collect (v.imports or [ ]);
        config = b.foldl' deepMerge { } (collect configuration);
        resolve = p: if b.isString p then b.foldl' (s: a: s.${a}) pkgs (b.filter b.isString (b.split "[.]" p)) else p;
        args = config // {
          packages = map resolve ((config.packages or [ ]) ++ (config.devshell.packages or [ ]));
          commands = map (c: if c ? package then c // { package = resolve c.package; } else c) (config.commands or [ ]);
        };
      in
      { _type = "nixml-stub-shell"; kind = "devshell"; inherit instance args; };
  };
  # its legacyPackages build with its own nixpkgs (`<name>/nixpkgs`), or the flake's input it follows
  devshell = name: ownNixpkgs: let nixLib = lib; in rec {
    outPath = "/stub/inputs/${name}";
    overlays.default = final: prev: { devshell = devshellFor (final.stdenv.cc.instance or "devshell") final; };
    overlay = overlays.default;
    legacyPackages = nixLib.genAttrs nixLib.systems.flakeExposed (system:
      let pkgs = (if ownNixpkgs == null then nixpkgs "${name}/nixpkgs" else ownNixpkgs).legacyPackages.${system};
      in devshellFor pkgs.stdenv.cc.instance pkgs);
    lib.importTOML = (devshellFor name { }).importTOML;
    # as a flake-parts module: `perSystem.devshells.<name>` is `devShells.<name>`, devshell's mkShell of it
    flakeModule.perSystem = { config, pkgs, ... }: {
      devShells = b.mapAttrs (_: (devshellFor (pkgs.stdenv.cc.instance or "devshell") pkgs).mkShell)
        (config.devshells or { });
    };
  };

  # devenv: lib.mkShell evaluates its modules (sets or functions of { pkgs, config, lib, inputs, … }) into one
  # configuration: sets merge recursively, lists concatenate, the last scalar wins.
  devenv = name: let self = devenv name; in {
    outPath = "/stub/inputs/${name}";
    # as a flake-parts module: `perSystem.devenv.shells.<name>` is `devShells.<name>`, a devenv shell of that module
    flakeModule.perSystem = { config, pkgs, ... }: {
      devShells = b.mapAttrs (_: module: self.lib.mkShell { inherit pkgs; modules = [ module ]; })
        ((config.devenv or { }).shells or { });
    };
    lib.mkShell = { pkgs, inputs ? { }, modules ? [ ], ... }:
      let
        moduleArgs = { inherit pkgs inputs lib config; };
        load = m: if b.isFunction m then m moduleArgs else if b.isPath m then load (stubImport m) else m;
        merged = b.foldl' deepMerge { devenv.root = "/stub/devenv-root"; } (map load modules);
        config = merged;
        # what devenv's languages.python module adds (src/modules/languages/python/default.nix): uv and its
        # variables, and the tasks that make the venv under $DEVENV_STATE/venv, run before enterShell
        python = merged.languages.python or { };
        on = python.enable or false;
        uvOn = on && (python.uv.enable or false);
        sync = python.uv.sync.enable or false;
        venvOn = python.venv.enable or false;
        venv = ".devenv/state/venv";
        activate = "source ${venv}/bin/activate\n";
        tasks = if !on then { }
          else if sync then { "devenv:python:uv" = "uv sync -p python\n" + (if venvOn then activate else ""); }
          else if venvOn then {
            "devenv:python:virtualenv" = (if uvOn then "uv venv -p python " else "python -m venv ") + venv + "\n"
              + activate;
          } else { };
        effective = merged // {
          packages = (merged.packages or [ ]) ++ (if uvOn then [ (python.uv.package or pkgs.uv) ] else [ ]);
          env = (if uvOn then {
            UV_PROJECT_ENVIRONMENT = venv;
            UV_PYTHON_DOWNLOADS = "never";
            UV_PYTHON_PREFERENCE = "only-system";
          } else { }) // (merged.env or { });
          devenvTasks = tasks;
        };
      in
      { _type = "nixml-stub-shell"; kind = "devenv"; instance = pkgs.stdenv.cc.instance or "devenv";
        config = effective; };
  };

  # flakelight: nixml's own mkFlake (main/resources/nixml/nix/flakelight.nix), read through the stubs' `import` so
  # that its `import inputs.nixpkgs { … }` is the stub package set; the flake itself is callable (`flakelight ./. { … }`).
  flakelightLib = stubImport ../../main/resources/nixml/nix/flakelight.nix {
    isDerivation = x: b.isAttrs x && (x._type or null) == "nixml-stub-shell";
  };
  flakelight = name: {
    outPath = "/stub/inputs/${name}";
    lib = flakelightLib;
    __functor = _: flakelightLib.mkFlake;
  };

  # poetry2nix: mkPoetryEnv is an environment of its `python` (default: the package set's python3).
  poetryFor = pkgs: {
    mkPoetryEnv = { python ? pkgs.python3, ... }: python;
    mkPoetryApplication = _: pkgs.hello;
    defaultPoetryOverrides = { extend = _: { }; };
  };
  poetry2nix = name: {
    outPath = "/stub/inputs/${name}";
    lib.mkPoetry2Nix = { pkgs }: poetryFor pkgs;
    overlays.default = final: prev: { poetry2nix = poetryFor final; };
    overlay = final: prev: { poetry2nix = poetryFor final; };
  };

  # pyproject-nix: build.packages is a package set of one interpreter; mkVirtualEnv an environment of it.
  pyprojectNix = name: {
    outPath = "/stub/inputs/${name}";
    build.packages = { python, ... }: let set = { inherit python; overrideScope = _: set; mkVirtualEnv = _: _: python; }; in set;
  };
  uv2nix = name: {
    outPath = "/stub/inputs/${name}";
    lib.workspace.loadWorkspace = _: {
      deps = { default = { }; all = { }; optionals = { }; };
      mkPyprojectOverlay = _: _: _: { };
      mkEditablePyprojectOverlay = _: _: _: { };
    };
  };

  unknown = name: {
    _nixmlUnknownInput = name;
    _nixmlImport = throw "nixml stub: `import` of input '${name}', which the stubs do not know";
    outPath = "/stub/inputs/${name}";
    overlays.default = _: _: { };
    overlay = _: _: { };
    # its default package, something the stubs cannot say more of (rendered as that input's, unknown)
    packages = lib.genAttrs lib.systems.flakeExposed (system: {
      default = { _nixmlUnknownInput = name; outPath = "/stub/inputs/${name}/default"; };
    });
  };
in
{
  inherit kindOf systemView systemsOfUrl;
  # The stub of one input, by kind; `ownSystems` is a flake-utils input's own list of systems, `ownNixpkgs` the
  # flake's input its `inputs.nixpkgs.follows` names (null when it has its own).
  input = { name, url, ownSystems ? lib.systems.default, ownNixpkgs ? null }:
    let kind = kindOf name url; in
    {
      "nixpkgs" = nixpkgs name;
      "flake-utils" = flakeUtils name ownSystems;
      "flake-parts" = flakeParts name;
      "systems" = systems name url;
      "devshell" = devshell name ownNixpkgs;
      "devenv" = devenv name;
      "flakelight" = flakelight name;
      "poetry2nix" = poetry2nix name;
      "pyproject-nix" = pyprojectNix name;
      "uv2nix" = uv2nix name;
      "unknown" = unknown name;
    }.${kind};
}

# Evaluates a flake's dev shells against the stubs, offline, and returns them as data:
#   nix-instantiate --eval --strict --json --arg flake /abs/path/to/flake.nix eval-shells.nix
# Every input (declared under `inputs`, or named only in the outputs' formals) becomes a stub chosen by its URL or
# name; every `import` in the flake (and in files it imports) goes through `stubImport`, so `import nixpkgs { … }`
# and `import systems` reach the stubs. README.md describes the result.
{ flake }:
let
  b = builtins;
  lib = import ./lib.nix;

  stubImport = x: if b.isAttrs x && x ? _nixmlImport then x._nixmlImport else b.scopedImport { import = stubImport; } x;
  stubs = import ./inputs.nix { inherit lib stubImport; };

  flakeExpr = stubImport flake;
  declared = flakeExpr.inputs or { };
  formals = b.functionArgs flakeExpr.outputs;
  inputNames = lib.unique (b.attrNames declared ++ b.filter (n: n != "self") (b.attrNames formals));
  declaration = n: let d = declared.${n} or { }; in if b.isAttrs d then d else { url = d; };
  urlOf = n: (declaration n).url or "";
  followsOf = n: let d = declaration n; in if d ? follows && !(d ? url) then d.follows else null;

  # a flake-utils input's `systems`, as the flake overrides it
  ownSystemsOf = n:
    let own = ((declaration n).inputs or { }).systems or null; in
    if own == null then lib.systems.default
    else if own ? follows && inputs ? ${own.follows} then stubImport inputs.${own.follows}
    else if own ? url then stubs.systemsOfUrl own.url
    else lib.systems.default;

  # the flake's input that an input's own nixpkgs follows (`devshell.inputs.nixpkgs.follows = "nixpkgs"`), or null
  ownNixpkgsOf = n:
    let own = ((declaration n).inputs or { }).nixpkgs or null; in
    if own != null && own ? follows && own.follows != n && inputs ? ${own.follows} then inputs.${own.follows} else null;

  inputs = lib.genAttrs inputNames (n:
    if followsOf n != null && inputs ? ${followsOf n} then inputs.${followsOf n}
    else stubs.input { name = n; url = urlOf n; ownSystems = ownSystemsOf n; ownNixpkgs = ownNixpkgsOf n; })
    // { inherit self; };
  outputs = flakeExpr.outputs inputs;
  root = toString (dirOf flake);
  self = outputs // { outPath = root; inherit inputs outputs; _type = "flake"; sourceInfo.outPath = root; };

  isStub = type: v: b.isAttrs v && (v._type or null) == type;

  renderPackage = p:
    if isStub "nixml-stub-package" p then
      { inherit (p) name instance; }
      // lib.optionalAttrs ((p.kind or null) == "python-env") { inherit (p) kind interpreter pythonPackages; }
    else if isStub "nixml-stub-fhs" p then { name = "buildFHSEnv"; inherit (p) instance; }
    else if isStub "nixml-stub-shell" p then { name = "shell:${p.kind}"; inherit (p) instance; }
    else if b.isAttrs p && p ? _nixmlUnknownInput then { unknownInput = p._nixmlUnknownInput; }
    else if b.isString p || b.isPath p then { string = toString p; }
    else { unknown = b.typeOf p; };

  renderValue = v:
    if b.isString v then v
    else if b.isBool v then (if v then "1" else "")
    else if b.isInt v || b.isFloat v || b.isPath v then toString v
    else if v == null then ""
    else if b.isList v then b.concatStringsSep " " (map renderValue v)
    else if b.isAttrs v && v ? outPath then toString v   # packages, and unknown inputs as /stub/inputs/<name>
    else "<${b.typeOf v}>";

  instancesOf = packages: b.listToAttrs (b.concatMap (p:
    if isStub "nixml-stub-package" p then [ { name = p.instance; value = p.instanceInfo; } ] else [ ]) packages);

  packageAttrs = [ "packages" "buildInputs" "nativeBuildInputs" "propagatedBuildInputs" "propagatedNativeBuildInputs" ];
  hookAttrs = [ "shellHook" "preShellHook" "postShellHook" "preVenvCreation" "postVenvCreation" ];
  structuralAttrs = packageAttrs ++ hookAttrs ++ [ "name" "env" "inputsFrom" "passthru" "meta" "stdenv" ];

  mkShellView = shell:
    let
      args = shell.args;
      packages = b.concatMap (a: args.${a} or [ ]) packageAttrs;
      envAttrs = lib.filterAttrs (n: _: !(b.elem n structuralAttrs)) args // (args.env or { });
    in {
      kind = shell.kind;
      inherit (shell) instance;
      name = args.name or null;
      packages = map renderPackage packages;
      inputsFrom = map renderPackage (args.inputsFrom or [ ]);
      env = b.mapAttrs (_: renderValue) envAttrs;
      hooks = b.mapAttrs (_: renderValue) (lib.filterAttrs (n: _: b.elem n hookAttrs) args);
      instances = instancesOf packages;
    };

  fhsView = fhs:
    let
      args = fhs.args;
      packages = (args.targetPkgs or (_: [ ])) fhs.pkgsForTargets ++ (args.multiPkgs or (_: [ ])) fhs.pkgsForTargets;
    in {
      kind = "buildFHSEnv";
      instance = fhs.instance or null;
      name = args.name or null;
      packages = map renderPackage packages;
      env = { };
      hooks = lib.optionalAttrs (args ? profile) { profile = renderValue args.profile; };
      runScript = renderValue (args.runScript or "bash");
      instances = instancesOf packages;
    };

  devshellView = shell:
    let
      args = shell.args;
      commands = args.commands or [ ];
      packages = (args.packages or [ ]) ++ b.concatMap (c: if c ? package then [ c.package ] else [ ]) commands;
      envList = args.env or [ ];
      startup = args.devshell.startup or { };
    in {
      kind = "devshell";
      inherit (shell) instance;
      name = args.name or null;
      packages = map renderPackage packages;
      env = b.listToAttrs (b.concatMap (e: if e ? value then [ { inherit (e) name; value = renderValue e.value; } ] else [ ]) envList);
      envEval = b.listToAttrs (b.concatMap (e: if e ? eval then [ { inherit (e) name; value = e.eval; } ]
        else if e ? prefix then [ { inherit (e) name; value = e.prefix; } ] else [ ]) envList);
      hooks = b.listToAttrs (map (n: { name = "devshell.startup.${n}"; value = renderValue startup.${n}.text; }) (b.attrNames startup));
      commands = map (c: { name = c.name or null; command = if c ? command then renderValue c.command else null; }) commands;
      instances = instancesOf packages;
    };

  devenvView = shell:
    let
      config = shell.config;
      python = config.languages.python or { };
      packages = config.packages or [ ];
    in {
      kind = "devenv";
      inherit (shell) instance;
      name = config.name or null;
      packages = map renderPackage packages;
      env = b.mapAttrs (_: renderValue) (config.env or { });
      hooks = lib.optionalAttrs (config ? enterShell) { enterShell = renderValue config.enterShell; }
        // b.mapAttrs (_: renderValue) (config.devenvTasks or { });
      python = {
        enable = python.enable or false;
        version = python.version or null;
        package = if python ? package then renderPackage python.package else null;
        uv = { enable = python.uv.enable or false; sync = python.uv.sync.enable or false; };
        venv = { enable = python.venv.enable or false; };
      };
      instances = instancesOf (packages ++ lib.optional (python ? package) python.package);
    };

  shellView = v:
    if isStub "nixml-stub-shell" v then
      if v.kind == "buildFHSEnv.env" then fhsView v.fhs // { instance = v.instance; }
      else if v.kind == "devshell" then devshellView v
      else if v.kind == "devenv" then devenvView v
      else mkShellView v
    else if isStub "nixml-stub-fhs" v then fhsView v // { kind = "buildFHSEnv-package"; }
    else { kind = "unknown"; value = b.typeOf v; };

  perSystemShells = outputs.devShells or { };
  legacyShells = b.mapAttrs (_: shell: { devShell = shell; }) (outputs.devShell or { });
  systems = lib.unique (b.attrNames perSystemShells ++ b.attrNames legacyShells);
  shellsOf = system: (legacyShells.${system} or { }) // (perSystemShells.${system} or { });
in
{
  inputs = lib.genAttrs inputNames (n: stubs.kindOf n (urlOf n));
  devShells = lib.genAttrs systems (system: b.mapAttrs (_: shellView) (shellsOf system));
}

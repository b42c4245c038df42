# The stub nixpkgs of one flake input, called like nixpkgs' own default.nix:
# `import nixpkgs { system; config; overlays; }` and `legacyPackages.${system}` (no config) both land here.
# Packages are plain records: the attribute path they were reached by, the instance they come from (the input and
# the config flags that change what CUDA or unfree packages mean), and an outPath `/stub/<instance>/<path>` so that
# `${pkgs.x}` in a hook names the package it interpolates.
{ lib, input }:
args@{ system ? null, localSystem ? null, config ? { }, overlays ? [ ], ... }:
let
  b = builtins;
  names = import ./package-names.nix;

  theSystem =
    if system != null then system
    else if b.isAttrs localSystem then localSystem.system
    else if b.isString localSystem then localSystem
    else "x86_64-linux";
  theConfig = if b.isFunction config then config { } else config;
  flags = b.filter (f: f != "") [
    (if theConfig.allowUnfree or false then "unfree" else "")
    (if theConfig ? allowUnfreePredicate then "unfree-predicate" else "")
    (if theConfig.cudaSupport or false then "cuda" else "")
    (if theConfig.rocmSupport or false then "rocm" else "")
  ];
  instance = {
    id = b.concatStringsSep "+" ([ input ] ++ flags);
    inherit input;
    system = theSystem;
    allowUnfree = theConfig.allowUnfree or false;
    allowUnfreePredicate = theConfig ? allowUnfreePredicate;
    cudaSupport = theConfig.cudaSupport or false;
    overlays = b.length overlays;
  };

  isLinux = lib.hasSuffix "-linux" theSystem;
  isDarwin = lib.hasSuffix "-darwin" theSystem;
  platform = {
    system = theSystem;
    inherit isLinux isDarwin;
    isx86_64 = lib.hasPrefix "x86_64-" theSystem;
    isAarch64 = lib.hasPrefix "aarch64-" theSystem;
    isUnix = true;
  };

  package = path:
    let pname = b.elemAt (b.match "(.*\\.)?([^.]*)" path) 1;
    in {
      _type = "nixml-stub-package";
      name = path;
      inherit pname;
      instance = instance.id;
      instanceInfo = instance;
      outPath = "/stub/${instance.id}/${path}";
      version = "0";
      meta = { mainProgram = pname; };
      dev = package "${path}.dev";
      bin = package "${path}.bin";
      man = package "${path}.man";
      override = _: package path;
      overrideAttrs = _: package path;
    };

  # Dotted names as nested sets; every node is a package (xorg, gcc.cc) and may hold more.
  tree = prefix: paths:
    let
      heads = lib.unique (map b.head paths);
      children = h: map b.tail (b.filter (p: b.head p == h && b.length p > 1) paths);
    in
    lib.genAttrs heads (h:
      let kids = children h; path = prefix ++ [ h ];
      in package (b.concatStringsSep "." path) // (if kids == [ ] then { } else tree path kids));

  python = attr: minor:
    let
      version = if minor == null then null else "3.${minor}";
      interpreter = package attr // {
        pkgs = set;
        withPackages = f: package "${attr}.withPackages" // {
          kind = "python-env";
          interpreter = attr;
          pythonPackages = map (p: p.name or "?") (f set);
        };
        pythonVersion = version;
        sitePackages = "lib/python${if version == null then "3" else version}/site-packages";
        interpreter = "/stub/${instance.id}/${attr}/bin/python${if version == null then "3" else version}";
        executable = "python${if version == null then "3" else version}";
      };
      builder = args: package "${attr}Packages.${args.pname or args.name or "build"}";
      set = lib.genAttrs names.python (n: package "${attr}Packages.${n}") // {
        python = interpreter;
        buildPythonPackage = builder;
        buildPythonApplication = builder;
        callPackage = _: _: package "${attr}Packages.callPackage";
      };
    in
    { "${attr}" = interpreter; "${attr}Packages" = set; };

  pythons = b.foldl' (acc: v: acc // python "python${v}" (b.substring 1 2 v)) (python "python3" null) names.pythonVersions;

  cudaSets = lib.genAttrs names.cudaSets (set: lib.genAttrs names.cuda (n: package "${set}.${n}") // { cudaVersion = "12.4"; });

  shell = kind: shellArgs: {
    _type = "nixml-stub-shell";
    inherit kind;
    instance = instance.id;
    args = shellArgs;
  };
  # mkShell is callable and has .override (mkShell.override { stdenv = …; } gives another mkShell).
  mkShellNamed = kind: { __functor = _: shell kind; override = _: mkShellNamed kind; };

  fhs = fhsArgs:
    let
      name = toString (fhsArgs.name or fhsArgs.pname or "fhs");
      # What the dev-shell view needs: the arguments and the package set targetPkgs/multiPkgs are called with.
      definition = { args = fhsArgs; pkgsForTargets = pkgs; instance = instance.id; };
    in {
      _type = "nixml-stub-fhs";
      kind = "buildFHSEnv";
      instance = instance.id;
      inherit name;
      inherit (definition) args pkgsForTargets;
      outPath = "/stub/${instance.id}/buildFHSEnv/${name}";
      env = { _type = "nixml-stub-shell"; kind = "buildFHSEnv.env"; instance = instance.id; fhs = definition; };
    };

  stdenvNamed = name: package name // {
    cc = package "${name}.cc" // { cc = package "${name}.cc.cc" // { lib = package "${name}.cc.cc.lib"; }; };
    inherit isLinux isDarwin;
    system = theSystem;
    hostPlatform = platform;
    buildPlatform = platform;
    targetPlatform = platform;
    mkDerivation = drvArgs: package "mkDerivation.${drvArgs.pname or drvArgs.name or "drv"}";
  };

  writer = kind: nameArg: _: package "${kind}.${nameArg}";

  base = tree [ ] (map (lib.splitDots) names.top) // pythons // cudaSets // {
    inherit lib;
    system = theSystem;
    config = theConfig;
    path = "/stub/${instance.id}/path";
    pkgs = pkgs;
    buildPackages = pkgs;
    stdenv = stdenvNamed "stdenv";
    clangStdenv = stdenvNamed "clangStdenv";
    gccStdenv = stdenvNamed "gccStdenv";
    stdenvNoCC = stdenvNamed "stdenvNoCC";
    hostPlatform = platform;
    buildPlatform = platform;
    mkShell = mkShellNamed "mkShell";
    mkShellNoCC = mkShellNamed "mkShellNoCC";
    buildFHSEnv = fhs;
    buildFHSUserEnv = fhs;
    appimageTools = {
      defaultFhsEnvArgs = {
        name = "appimage-env";
        targetPkgs = p: [ p.bashInteractive p.which p.libGL p.zlib ];
        multiPkgs = p: [ p.glib p.fontconfig ];
        extraInstallCommands = "";
      };
    };
    writeShellScriptBin = writer "writeShellScriptBin";
    writeShellScript = writer "writeShellScript";
    writeScriptBin = writer "writeScriptBin";
    writeText = writer "writeText";
    writeTextFile = a: package "writeTextFile.${a.name or "file"}";
    writeShellApplication = a: package "writeShellApplication.${a.name or "app"}";
    linkFarm = nameArg: _: package "linkFarm.${nameArg}";
    symlinkJoin = a: package "symlinkJoin.${a.name or "join"}";
    runCommand = nameArg: _: _: package "runCommand.${nameArg}";
    # nixpkgs' callPackage: the file imported, the names its formals ask for taken from the set, the overrides winning
    callPackage = fn: overrides:
      let f = if b.isFunction fn then fn else import fn;
      in f (b.intersectAttrs (b.functionArgs f) pkgs // overrides);
    fetchurl = _: package "fetchurl";
    fetchFromGitHub = _: package "fetchFromGitHub";
    # nixpkgs' `pkgs.extend overlay`: the same import with one more overlay
    extend = overlay: import ./nixpkgs.nix { inherit lib input; } (args // { overlays = overlays ++ [ overlay ]; });
  };

  pkgs = b.foldl' (prev: overlay: prev // overlay pkgs prev) base overlays;
in
pkgs

# A small nixpkgs `lib`: the functions dev-shell flakes call, written on builtins with nixpkgs' semantics.
let
  b = builtins;

  systems = {
    # lib.systems.flakeExposed as in nixpkgs.
    flakeExposed = [
      "x86_64-linux" "aarch64-linux" "x86_64-darwin" "armv6l-linux" "armv7l-linux" "i686-linux"
      "aarch64-darwin" "powerpc64le-linux" "riscv64-linux" "x86_64-freebsd"
    ];
    # flake-utils' defaultSystems and nix-systems/default.
    default = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "aarch64-darwin" ];
  };

  hasSuffix = suffix: s:
    let ls = b.stringLength s; lx = b.stringLength suffix;
    in ls >= lx && b.substring (ls - lx) lx s == suffix;
  hasPrefix = prefix: s: b.substring 0 (b.stringLength prefix) s == prefix;
  genAttrs = names: f: b.listToAttrs (map (n: { name = n; value = f n; }) names);
  optionals = cond: list: if cond then list else [ ];
  optional = cond: x: if cond then [ x ] else [ ];
  optionalAttrs = cond: set: if cond then set else { };
  optionalString = cond: s: if cond then s else "";
  concatStringsSep = b.concatStringsSep;
  concatMapStringsSep = sep: f: list: b.concatStringsSep sep (map f list);
  # lib.getOutput: a package's output when it has one, else the package itself (strings stay strings).
  getOutput = output: pkg: if b.isAttrs pkg then pkg.${output} or pkg.out or pkg else pkg;
  makeSearchPathOutput = output: subDir: pkgs:
    concatMapStringsSep ":" (p: "${toString (getOutput output p)}/${subDir}") (b.filter (p: p != null) pkgs);
  recursiveUpdate = lhs: rhs:
    lhs // b.mapAttrs (n: v: if b.isAttrs v && b.isAttrs (lhs.${n} or null) && !(v ? _type) then recursiveUpdate lhs.${n} v else v) rhs;
  unique = list: b.foldl' (acc: x: if b.elem x acc then acc else acc ++ [ x ]) [ ] list;
  flatten = x: if b.isList x then b.concatMap flatten x else [ x ];
  escapeShellArg = s: "'" + b.replaceStrings [ "'" ] [ "'\\''" ] (toString s) + "'";
in
rec {
  inherit systems hasSuffix hasPrefix genAttrs optionals optional optionalAttrs optionalString concatStringsSep
    concatMapStringsSep getOutput makeSearchPathOutput recursiveUpdate unique flatten escapeShellArg;
  inherit (b) elem mapAttrs attrNames attrValues filter foldl' listToAttrs head tail length concatMap
    toString isList isAttrs isString isFunction replaceStrings substring stringLength;
  getLib = getOutput "lib";
  getBin = getOutput "bin";
  getDev = getOutput "dev";
  getExe = pkg: "${toString pkg}/bin/${pkg.meta.mainProgram or pkg.pname or pkg.name}";
  makeLibraryPath = makeSearchPathOutput "lib" "lib";
  makeBinPath = makeSearchPathOutput "bin" "bin";
  makeSearchPath = subDir: makeSearchPathOutput "out" subDir;
  # "a.b.c" -> [ "a" "b" "c" ]
  splitDots = s: b.filter b.isString (b.split "\\." s);
  escapeShellArgs = list: concatMapStringsSep " " escapeShellArg list;
  nameValuePair = name: value: { inherit name value; };
  mapAttrsToList = f: set: map (n: f n set.${n}) (b.attrNames set);
  filterAttrs = pred: set: b.listToAttrs (b.concatMap (n: if pred n set.${n} then [ { name = n; value = set.${n}; } ] else [ ]) (b.attrNames set));
  foldl = b.foldl';
  singleton = x: [ x ];
  forEach = list: f: map f list;
  id = x: x;
  const = x: _: x;
  pipe = b.foldl' (x: f: f x);
  range = first: last: if first > last then [ ] else b.genList (n: first + n) (last - first + 1);
  mkForce = x: x;
  mkDefault = x: x;
  mkIf = cond: x: if cond then x else { };
  fakeHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  fakeSha256 = fakeHash;
  versions.majorMinor = v: b.concatStringsSep "." (b.genList (i: b.elemAt (b.splitVersion v) i) 2);
  platforms = {
    linux = b.filter (hasSuffix "-linux") systems.flakeExposed;
    darwin = b.filter (hasSuffix "-darwin") systems.flakeExposed;
    unix = systems.flakeExposed;
    all = systems.flakeExposed;
  };
  licenses = b.listToAttrs (map (n: { name = n; value = { shortName = n; }; }) [ "mit" "asl20" "gpl3Only" "gpl3Plus" "bsd3" "unfree" ]);
  maintainers = { };
  strings = { inherit hasSuffix hasPrefix concatStringsSep concatMapStringsSep escapeShellArg optionalString; escapeShellArgs = escapeShellArgs; };
  lists = { inherit optionals optional unique flatten; };
  attrsets = { inherit genAttrs optionalAttrs recursiveUpdate mapAttrsToList filterAttrs; };
  trivial = { inherit id const pipe; };
}

# nixml's own nixpkgs `lib`: the functions flakes call, each written from its documented behaviour.
# Plain Nix: nix-instantiate imports it as it is (`import ./lib.nix { }`), and nixml's evaluator runs the same
# source. `primitives` lets nixml replace a function whose result is nixpkgs data the model reads
# (`makeLibraryPath` gives the list of packages it names); without it every function is written here.
{ primitives ? { } }:
let
  inherit (builtins) head tail length elemAt filter map foldl' genList concatLists concatMap elem attrNames
    attrValues listToAttrs hasAttr getAttr isAttrs isList isString isInt isBool isFloat stringLength substring
    concatStringsSep replaceStrings match split splitVersion compareVersions functionArgs removeAttrs
    intersectAttrs catAttrs zipAttrsWith mapAttrs sort partition groupBy any all typeOf toString;

  trivial = {
    id = x: x;
    const = x: _: x;
    flip = f: a: b: f b a;
    pipe = value: functions: foldl' (x: f: f x) value functions;
    concat = x: y: x ++ y;
    and = x: y: x && y;
    xor = x: y: (!x) != (!y);
    boolToString = b: if b then "true" else "false";
    mergeAttrs = x: y: x // y;
    defaultTo = default: maybeValue: if maybeValue != null then maybeValue else default;
    mod = base: int: base - (int * (builtins.div base int));
    min = x: y: if x < y then x else y;
    max = x: y: if x > y then x else y;
    compare = a: b: if a < b then -1 else if a > b then 1 else 0;
    fix = f: let x = f x; in x;
    isFunction = f: builtins.isFunction f || (isAttrs f && f ? __functor && trivial.isFunction (f.__functor f));
    toFunction = v: if trivial.isFunction v then v else _: v;
    # a function's formals; a functor set may name its own (`__functionArgs`)
    functionArgs = f:
      if isAttrs f && f ? __functor then f.__functionArgs or (trivial.functionArgs (f.__functor f))
      else builtins.functionArgs f;
    setFunctionArgs = f: args: { __functor = self: f; __functionArgs = args; };
    mirrorFunctionArgs = f: g: trivial.setFunctionArgs g (trivial.functionArgs f);
    add = builtins.add;
    sub = builtins.sub;
    or = x: y: x || y;
    inherit (builtins) seq deepSeq lessThan bitAnd bitOr bitXor;
    bitNot = builtins.sub (-1);
    # the value, after printing the message on standard error
    warn = msg: builtins.trace ("warning: " + msg);
    warnIf = cond: msg: if cond then trivial.warn msg else x: x;
    warnIfNot = cond: msg: if cond then x: x else trivial.warn msg;
    throwIf = cond: msg: if cond then throw msg else x: x;
    throwIfNot = cond: msg: if cond then x: x else throw msg;
    # the digits of `i` in base `base`, most significant first
    toBaseDigits = base: i:
      let
        go = i: if i < base then [ i ] else go (builtins.div i base) ++ [ (trivial.mod i base) ];
      in if base < 2 then throw "toBaseDigits: base must be at least 2" else go i;
    importJSON = path: builtins.fromJSON (builtins.readFile path);
    importTOML = path: builtins.fromTOML (builtins.readFile path);
  };

  # `pred`, or a failure with `msg`
  asserts = rec {
    assertMsg = pred: msg: pred || throw msg;
    assertOneOf = name: val: xs:
      assertMsg (elem val xs) (name + " must be one of " + concatStringsSep ", " (map toString xs));
    assertEachOneOf = name: vals: xs: all (val: assertOneOf name val xs) vals;
  };

  fixedPoints = rec {
    inherit (trivial) fix;
    # `fix` that keeps the function as `__unfix__`
    fix' = f: let x = f x // { __unfix__ = f; }; in x;
    converge = f: x: let next = f x; in if next == x then x else converge f next;
    # the overlay `f` laid over the function `rattrs`: `prev` is what `rattrs` gives, `final` the fixed point
    extends = f: rattrs: final: let prev = rattrs final; in prev // f final prev;
    # `f` then `g`: `g` sees what `f` changed in its `prev`
    composeExtensions = f: g: final: prev:
      let fromF = f final prev;
      in fromF // g final (prev // fromF);
    composeManyExtensions = lists.foldr composeExtensions (final: prev: { });
    makeExtensibleWithCustomName = extenderName: rattrs:
      fix' rattrs // { ${extenderName} = f: makeExtensibleWithCustomName extenderName (extends f rattrs); };
    makeExtensible = makeExtensibleWithCustomName "extend";
    # an overlay: a function of `final` and `prev`, of `prev` alone, or a set
    toExtension = f:
      if trivial.isFunction f then final: prev:
        let fPrev = f prev; in if trivial.isFunction fPrev then f final prev else fPrev
      else final: prev: f;
  };

  lists = rec {
    inherit head tail length elemAt filter map foldl' genList concatLists concatMap elem sort partition groupBy
      any all;
    singleton = x: [ x ];
    forEach = xs: f: map f xs;
    foldr = op: nul: list:
      let
        len = length list;
        go = n: if n == len then nul else op (elemAt list n) (go (n + 1));
      in go 0;
    fold = foldr;
    foldl = op: nul: list:
      let go = n: if n == -1 then nul else op (go (n - 1)) (elemAt list n);
      in go (length list - 1);
    imap0 = f: list: genList (n: f n (elemAt list n)) (length list);
    imap1 = f: list: genList (n: f (n + 1) (elemAt list n)) (length list);
    ifilter0 = pred: list:
      map (i: elemAt list i) (filter (i: pred i (elemAt list i)) (genList (i: i) (length list)));
    flatten = x: if isList x then concatMap (y: flatten y) x else [ x ];
    remove = e: filter (x: x != e);
    findSingle = pred: default: multiple: list:
      let found = filter pred list;
      in if found == [ ] then default else if length found != 1 then multiple else head found;
    findFirstIndex = pred: default: list:
      let
        len = length list;
        go = n: if n == len then default else if pred (elemAt list n) then n else go (n + 1);
      in go 0;
    findFirst = pred: default: list:
      let index = findFirstIndex pred null list;
      in if index == null then default else elemAt list index;
    count = pred: foldl' (c: x: if pred x then c + 1 else c) 0;
    optional = cond: elem: if cond then [ elem ] else [ ];
    optionals = cond: elems: if cond then elems else [ ];
    toList = x: if isList x then x else [ x ];
    range = first: last: if first > last then [ ] else genList (n: first + n) (last - first + 1);
    replicate = n: elem: genList (_: elem) n;
    zipListsWith = f: fst: snd:
      genList (n: f (elemAt fst n) (elemAt snd n)) (trivial.min (length fst) (length snd));
    zipLists = zipListsWith (fst: snd: { inherit fst snd; });
    reverseList = xs: let l = length xs; in genList (n: elemAt xs (l - n - 1)) l;
    sublist = start: count: list:
      let len = length list;
      in genList (n: elemAt list (n + start))
        (if start >= len then 0 else if start + count > len then len - start else count);
    take = count: sublist 0 count;
    drop = count: list: sublist count (length list) list;
    last = list: if list == [ ] then throw "lists.last: list must not be empty!" else elemAt list (length list - 1);
    init = list: if list == [ ] then throw "lists.init: list must not be empty!" else take (length list - 1) list;
    unique = foldl' (acc: e: if elem e acc then acc else acc ++ [ e ]) [ ];
    allUnique = list: length (unique list) == length list;
    intersectLists = e: filter (x: elem x e);
    subtractLists = e: filter (x: !(elem x e));
    mutuallyExclusive = a: b: length a == 0 || !(any (x: elem x a) b);
    groupBy' = op: nul: pred: lst: mapAttrs (name: foldl op nul) (groupBy pred lst);
    # the list sorted by the key `f` gives each element (computed once), stable
    sortOn = f: list:
      map (pair: pair.value) (sort (a: b: a.key < b.key) (map (value: { key = f value; inherit value; }) list));
    # lexicographic order of two lists, elements compared by `cmp` (-1, 0, 1)
    compareLists = cmp: a: b:
      if a == [ ] then (if b == [ ] then 0 else -1)
      else if b == [ ] then 1
      else let c = cmp (head a) (head b); in if c == 0 then compareLists cmp (tail a) (tail b) else c;
    dropEnd = n: xs: take (trivial.max 0 (length xs - n)) xs;
    takeEnd = n: xs: drop (trivial.max 0 (length xs - n)) xs;
  };

  strings = rec {
    inherit stringLength substring concatStringsSep replaceStrings match split isString toString;
    concatStrings = concatStringsSep "";
    concatMapStrings = f: list: concatStrings (map f list);
    concatImapStrings = f: list: concatStrings (lists.imap1 f list);
    intersperse = separator: list:
      if list == [ ] || length list == 1 then list else tail (concatMap (x: [ separator x ]) list);
    concatMapStringsSep = sep: f: list: concatStringsSep sep (map f list);
    concatImapStringsSep = sep: f: list: concatStringsSep sep (lists.imap1 f list);
    concatLines = list: concatStrings (map (s: s + "\n") list);
    optionalString = cond: string: if cond then string else "";
    hasPrefix = pref: str: substring 0 (stringLength pref) str == pref;
    hasSuffix = suffix: content:
      let
        lenContent = stringLength content;
        lenSuffix = stringLength suffix;
      in lenContent >= lenSuffix && substring (lenContent - lenSuffix) lenContent content == suffix;
    hasInfix = infix: content: match (".*" + escapeRegex infix + ".*") content != null;
    stringToCharacters = s: genList (p: substring p 1 s) (stringLength s);
    stringAsChars = f: s: concatStrings (map f (stringToCharacters s));
    escape = list: replaceStrings list (map (c: "\\" + c) list);
    escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
    escapeShellArg = arg: "'" + replaceStrings [ "'" ] [ "'\\''" ] (toString arg) + "'";
    escapeShellArgs = concatMapStringsSep " " escapeShellArg;
    lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
    upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    toLower = replaceStrings upperChars lowerChars;
    toUpper = replaceStrings lowerChars upperChars;
    # build flags of a package's cmakeFlags and mesonFlags: `-DNAME:TYPE=VALUE`, `-DNAME=VALUE`
    cmakeOptionType = type: feature: value:
      assert elem (toUpper type) [ "BOOL" "FILEPATH" "PATH" "STRING" "INTERNAL" ];
      assert isString feature;
      assert isString value;
      "-D${feature}:${toUpper type}=${value}";
    cmakeBool = condition: flag:
      assert isString condition;
      assert isBool flag;
      cmakeOptionType "bool" condition (toUpper (trivial.boolToString flag));
    cmakeFeature = feature: value:
      assert isString feature;
      assert isString value;
      cmakeOptionType "string" feature value;
    mesonOption = feature: value:
      assert isString feature;
      assert isString value;
      "-D${feature}=${value}";
    mesonBool = condition: flag:
      assert isString condition;
      assert isBool flag;
      mesonOption condition (trivial.boolToString flag);
    mesonEnable = feature: flag:
      assert isString feature;
      assert isBool flag;
      mesonOption feature (if flag then "enabled" else "disabled");
    splitString = sep: s: filter isString (split (escapeRegex (toString sep)) (toString s));
    removePrefix = prefix: str:
      let
        preLen = stringLength prefix;
        sLen = stringLength str;
      in if substring 0 preLen str == prefix then substring preLen (sLen - preLen) str else str;
    # (on a string nixml keeps in pieces, a package's path and text, the primitive reads the text at its end)
    removeSuffix = (primitives.removeSuffixOfPieces or (definition: definition)) (suffix: str:
      let
        sufLen = stringLength suffix;
        sLen = stringLength str;
      in if sufLen <= sLen && suffix == substring (sLen - sufLen) sufLen str then substring 0 (sLen - sufLen) str
        else str);
    versionOlder = v1: v2: compareVersions v2 v1 == 1;
    versionAtLeast = v1: v2: !(versionOlder v1 v2);
    getName = x:
      if isString x then (builtins.parseDrvName x).name else x.pname or (builtins.parseDrvName x.name).name;
    getVersion = x:
      if isString x then (builtins.parseDrvName x).version
      else x.version or (builtins.parseDrvName x.name).version;
    enableFeature = enable: feat: "--" + (if enable then "enable" else "disable") + "-" + feat;
    enableFeatureAs = enable: feat: value: enableFeature enable feat + optionalString enable ("=" + value);
    withFeature = with_: feat: "--" + (if with_ then "with" else "without") + "-" + feat;
    withFeatureAs = with_: feat: value: withFeature with_ feat + optionalString with_ ("=" + value);
    fixedWidthString = width: filler: str:
      let strw = stringLength str;
      in if strw > width then throw "fixedWidthString: requested string length is too short"
        else if strw == width then str else filler + fixedWidthString (width - stringLength filler) filler str;
    fixedWidthNumber = width: n: fixedWidthString width "0" (toString n);
    makeSearchPath = subDir: paths:
      concatStringsSep ":" (map (path: path + "/" + subDir) (filter (x: x != null) paths));
    makeSearchPathOutput = output: subDir: pkgs: makeSearchPath subDir (map (attrsets.getOutput output) pkgs);
    makeLibraryPath = primitives.makeLibraryPath or (makeSearchPathOutput "lib" "lib");
    makeBinPath = makeSearchPathOutput "bin" "bin";
    # without the spaces, tabs, carriage returns and newlines at both ends
    trim = s:
      let m = match "[ \t\r\n]*(.*[^ \t\r\n])[ \t\r\n]*" s;
      in if m == null then "" else head m;
    # a decimal integer, surrounded by blanks or not; leading zeros are refused (octal or decimal?)
    toInt = str:
      let m = match "[[:space:]]*(-?[1-9][0-9]*|-?0)[[:space:]]*" str;
      in if m == null then throw ("could not convert '" + str + "' to int") else builtins.fromJSON (head m);
    # as `toInt`, leading zeros read as decimal
    toIntBase10 = str:
      let m = match "[[:space:]]*(-?)0*([0-9]+)[[:space:]]*" str;
      in if m == null then throw ("could not convert '" + str + "' to int")
        else let n = builtins.fromJSON (elemAt m 1); in if elemAt m 0 == "-" then 0 - n else n;
    # a Nix string literal of `s`
    escapeNixString = s: escape [ "$" ] (builtins.toJSON s);
    # `s` as an attribute name in Nix source: as it is when it is an identifier, quoted otherwise
    escapeNixIdentifier = s: if match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null then s else escapeNixString s;
    fileContents = file: removeSuffix "\n" (builtins.readFile file);
    isStringLike = x: isString x || builtins.isPath x || x ? outPath || x ? __toString;
    normalizePath = s:
      builtins.foldl' (x: y: if y == "/" && strings.hasSuffix "/" x then x else x + y) "" (stringToCharacters s);
  };

  attrsets = rec {
    inherit attrNames attrValues listToAttrs hasAttr getAttr removeAttrs intersectAttrs catAttrs zipAttrsWith
      mapAttrs isAttrs;
    attrByPath = attrPath: default: set:
      if attrPath == [ ] then set
      else if set ? ${head attrPath} then attrByPath (tail attrPath) default set.${head attrPath}
      else default;
    hasAttrByPath = attrPath: e:
      if attrPath == [ ] then true
      else if e ? ${head attrPath} then hasAttrByPath (tail attrPath) e.${head attrPath}
      else false;
    setAttrByPath = attrPath: value:
      let
        len = length attrPath;
        atDepth = n: if n == len then value else { ${elemAt attrPath n} = atDepth (n + 1); };
      in atDepth 0;
    getAttrFromPath = attrPath: set:
      attrByPath attrPath (throw ("cannot find attribute '" + concatStringsSep "." attrPath + "'")) set;
    attrVals = nameList: set: map (x: set.${x}) nameList;
    nameValuePair = name: value: { inherit name value; };
    filterAttrs = pred: set:
      listToAttrs (concatMap (name: if pred name set.${name} then [ (nameValuePair name set.${name}) ] else [ ])
        (attrNames set));
    filterAttrsRecursive = pred: set:
      listToAttrs (concatMap (name:
        let v = set.${name};
        in if pred name v then [ (nameValuePair name (if isAttrs v then filterAttrsRecursive pred v else v)) ]
          else [ ]) (attrNames set));
    foldAttrs = op: nul: listOfAttrs:
      lists.foldr (n: a: lists.foldr (name: o: o // { ${name} = op n.${name} (a.${name} or nul); }) a
        (attrNames n)) { } listOfAttrs;
    collect = pred: attrs:
      if pred attrs then [ attrs ] else if isAttrs attrs then concatMap (collect pred) (attrValues attrs) else [ ];
    mapAttrs' = f: set: listToAttrs (map (attr: f attr set.${attr}) (attrNames set));
    mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (attrNames attrs);
    attrsToList = mapAttrsToList nameValuePair;
    mapAttrsRecursiveCond = cond: f: set:
      let
        recurse = path: mapAttrs (name: value:
          if isAttrs value && cond value then recurse (path ++ [ name ]) value else f (path ++ [ name ]) value);
      in recurse [ ] set;
    mapAttrsRecursive = mapAttrsRecursiveCond (as: true);
    genAttrs = names: f: listToAttrs (map (n: nameValuePair n (f n)) names);
    isDerivation = value: (value.type or null) == "derivation";
    optionalAttrs = cond: as: if cond then as else { };
    zipAttrsWithNames = names: f: sets:
      listToAttrs (map (name: { inherit name; value = f name (catAttrs name sets); }) names);
    zipAttrs = zipAttrsWith (name: values: values);
    recursiveUpdateUntil = pred: lhs: rhs:
      let
        f = attrPath: zipAttrsWith (n: values:
          let here = attrPath ++ [ n ];
          in if length values == 1 || pred here (elemAt values 1) (head values) then head values
            else f here values);
      in f [ ] [ rhs lhs ];
    recursiveUpdate = lhs: rhs: recursiveUpdateUntil (path: lhs: rhs: !(isAttrs lhs && isAttrs rhs)) lhs rhs;
    overrideExisting = old: new: mapAttrs (name: value: new.${name} or value) old;
    concatMapAttrs = f: v: foldl' trivial.mergeAttrs { } (attrValues (mapAttrs f v));
    foldlAttrs = f: init: set: foldl' (acc: name: f acc name set.${name}) init (attrNames set);
    cartesianProductOfSets = attrsOfLists:
      foldl' (listOfAttrs: attrName: concatMap (attrs: map (value: attrs // { ${attrName} = value; })
        attrsOfLists.${attrName}) listOfAttrs) [ { } ] (attrNames attrsOfLists);
    recurseIntoAttrs = attrs: attrs // { recurseForDerivations = true; };
    dontRecurseIntoAttrs = attrs: attrs // { recurseForDerivations = false; };
    getOutput = output: pkg:
      if !(pkg ? outputSpecified) || !pkg.outputSpecified then pkg.${output} or pkg.out or pkg else pkg;
    # the first of `candidates` the package has, unless an output is already chosen (read with `or`, as getOutput
    # reads its output, so that a package nixml knows symbolically is asked the same way)
    getFirstOutput = candidates: pkg:
      if pkg ? outputSpecified && pkg.outputSpecified then pkg
      else lists.foldr (name: rest: pkg.${name} or rest) pkg candidates;
    getInclude = getFirstOutput [ "include" "dev" "out" ];
    getBin = getOutput "bin";
    getLib = getOutput "lib";
    getDev = getOutput "dev";
    getMan = getOutput "man";
    getStatic = getOutput "static";
    getAttrs = names: attrs: genAttrs names (name: attrs.${name});
    mergeAttrsList = foldl' trivial.mergeAttrs { };
    cartesianProduct = cartesianProductOfSets;
    # every attribute of `pattern` is in `attrs`, equal, or (a set) matching recursively
    matchAttrs = pattern: attrs:
      all (name:
        let want = pattern.${name};
        in attrs ? ${name} && (if isAttrs want then isAttrs attrs.${name} && matchAttrs want attrs.${name}
          else want == attrs.${name})) (attrNames pattern);
    showAttrPath = path:
      if path == [ ] then "<root attribute path>" else concatStringsSep "." (map strings.escapeNixIdentifier path);
    # `x // y`, where a name both have fails when read
    unionOfDisjoint = x: y:
      x // y // mapAttrs (name: _: throw ("unionOfDisjoint: collision on " + name)) (intersectAttrs x y);
  };

  versions = {
    inherit splitVersion;
    major = v: elemAt (splitVersion v) 0;
    minor = v: elemAt (splitVersion v) 1;
    patch = v: elemAt (splitVersion v) 2;
    majorMinor = v: concatStringsSep "." (lists.take 2 (splitVersion v));
    # the numeric part of `version` padded with ".0" or cut to `n` components, its suffix kept
    pad = n: version:
      let
        numeric = head (strings.splitString "-" version);
        suffix = strings.removePrefix numeric version;
      in concatStringsSep "." (lists.take n (splitVersion numeric ++ genList (_: "0") n)) + suffix;
  };

  systems = rec {
    # the systems `nix flake check` knows, which flakes list their outputs for
    flakeExposed = [ "x86_64-linux" "aarch64-linux" "x86_64-darwin" "armv6l-linux" "armv7l-linux" "i686-linux"
      "aarch64-darwin" "powerpc64le-linux" "riscv64-linux" "x86_64-freebsd" ];
    doubles = rec {
      all = [ "aarch64-darwin" "x86_64-darwin" "aarch64-linux" "armv5tel-linux" "armv6l-linux" "armv7a-linux"
        "armv7l-linux" "i686-linux" "loongarch64-linux" "m68k-linux" "mips64el-linux" "mipsel-linux"
        "powerpc64-linux" "powerpc64le-linux" "riscv32-linux" "riscv64-linux" "s390x-linux" "x86_64-linux"
        "aarch64-freebsd" "i686-freebsd" "x86_64-freebsd" "x86_64-netbsd" "x86_64-openbsd" "x86_64-solaris"
        "x86_64-cygwin" "i686-cygwin" ];
      linux = filter (strings.hasSuffix "-linux") all;
      darwin = filter (strings.hasSuffix "-darwin") all;
      freebsd = filter (strings.hasSuffix "-freebsd") all;
      unix = linux ++ darwin ++ freebsd ++ filter (s: strings.hasSuffix "-netbsd" s || strings.hasSuffix "-openbsd" s
        || strings.hasSuffix "-solaris" s) all;
      x86_64 = filter (strings.hasPrefix "x86_64-") all;
      aarch64 = filter (strings.hasPrefix "aarch64-") all;
      i686 = filter (strings.hasPrefix "i686-") all;
    };
  };

  platforms = {
    inherit (systems.doubles) all linux darwin freebsd unix x86_64 aarch64 i686;
  };

  # the module system's properties (nixpkgs lib/modules.nix), as values: nixml's flake-parts and devenv read them
  modules = rec {
    mkIf = condition: content: { _type = "if"; inherit condition content; };
    mkMerge = contents: { _type = "merge"; inherit contents; };
    mkOverride = priority: content: { _type = "override"; inherit priority content; };
    mkOptionDefault = mkOverride 1500;
    mkDefault = mkOverride 1000;
    mkForce = mkOverride 50;
    mkVMOverride = mkOverride 10;
    mkOrder = priority: content: { _type = "order"; inherit priority content; };
    mkBefore = mkOrder 500;
    mkAfter = mkOrder 1500;
  };

  # a package's metadata (nixpkgs lib/meta.nix): where its program is
  meta = {
    # `${lib.getBin x}/bin/${y}`
    getExe' = x: y: "${attrsets.getBin x}/bin/${y}";
    # the program `meta.mainProgram` names, else the package's name
    getExe = x: meta.getExe' x (x.meta.mainProgram or (strings.getName x));
    # a platform is one of `elems`: a system name, or a pattern of its parsed parts (`{ kernel.name = "linux"; }`)
    platformMatch = platform: elem:
      if builtins.isString elem then platform ? system && elem == platform.system
      else attrsets.matchAttrs (if elem ? parsed then elem else { parsed = elem; }) platform;
    # the package builds for `platform`: among its `meta.platforms` (all when it names none), not a bad one
    availableOn = platform: pkg:
      ((!pkg ? meta.platforms) || lists.any (meta.platformMatch platform) pkg.meta.platforms)
      && lists.all (elem: !meta.platformMatch platform elem) (pkg.meta.badPlatforms or [ ]);
  };

  customisation = {
    # the function's formals filled from `autoArgs`, `args` winning; a path is imported first
    callPackageWith = primitives.callPackageWith or (autoArgs: fn: args:
      let f = if builtins.isFunction fn then fn else import fn;
      in f (builtins.intersectAttrs (builtins.functionArgs f) autoArgs // args));
  };

  filesystem = rec {
    # a folder of callPackage files as a set of packages: `name.nix` is the package `name`, a folder with a
    # `package.nix` one package (its other files are its own), any other folder a set of the same kind; other
    # files are none, a link or a special file an error. nixpkgs makes each folder a scope when `newScope` is
    # given (siblings as arguments); here every file is called with `callPackage`
    packagesFromDirectoryRecursive = { callPackage, directory, ... }@args:
      if builtins.pathExists (directory + "/package.nix") then callPackage (directory + "/package.nix") { }
      else attrsets.concatMapAttrs (name: type:
        if type == "directory" then
          { ${name} = packagesFromDirectoryRecursive (args // { directory = directory + "/${name}"; }); }
        else if type == "regular" && strings.hasSuffix ".nix" name then
          { ${strings.removeSuffix ".nix" name} = callPackage (directory + "/${name}") { }; }
        else if type == "regular" then { }
        else throw
          "lib.filesystem.packagesFromDirectoryRecursive: unsupported file type ${type} at ${toString directory}/${name}")
        (builtins.readDir directory);
  };
in
trivial // fixedPoints // asserts // lists // strings // attrsets // customisation // modules // {
  inherit (meta) getExe getExe';
  inherit (filesystem) packagesFromDirectoryRecursive;
  inherit trivial fixedPoints asserts lists strings attrsets versions systems platforms customisation modules meta
    filesystem;
  inherit typeOf isInt isBool isFloat isList;
}

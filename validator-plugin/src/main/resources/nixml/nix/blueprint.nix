# nixml's own numtide blueprint, written from blueprint's documented folder structure (its "Folder structure" and
# "Configuration" guides), for what makes a dev shell: `inputs.blueprint { inherit inputs; prefix; nixpkgs.config;
# nixpkgs.overlays; systems; }` reads the flake's folder (or `prefix` in it): `devshell.nix` (the default shell),
# `devshells/<name>.nix` and `devshells/<name>/default.nix`, `devshell.toml` and `devshells/<name>.toml` (numtide
# devshell's TOML), and `package.nix`/`packages/<name>.nix` (what `perSystem.self.<name>` names). Each file is called
# as blueprint calls it, with `pkgs`, `inputs`, `flake`, `system`, `perSystem` (each input's packages for the
# system) and `pname`. Plain Nix: nix-instantiate imports it as it is.
# Not read: hosts, modules, checks, lib, templates, formatter.
# `root` is the flake's folder; `eachSystem` is flake-utils' (nixml gives its primitive: the per-system function
# evaluated once); `defaultSystems inputs` is the systems blueprint builds when the call names none (the flake's
# `systems` input, else nix-systems' default); `perSystemOf input system` is what `perSystem.<input>` holds.
{ lib ? import ./lib.nix { }, eachSystem ? (import ./flake-utils.nix { }).eachSystem, root
, defaultSystems ? (inputs: inputs.systems or (import ./nix-systems.nix))
, perSystemOf ? (input: system: (input.legacyPackages.${system} or { }) // (input.packages.${system} or { })) }:
{ inputs, prefix ? null, nixpkgs ? { config = { }; }, systems ? defaultSystems inputs }:
let
  inherit (builtins) attrNames filter head isList isPath isString listToAttrs map match pathExists readDir;

  src = if prefix == null then root
    else if isPath prefix then prefix
    else if isString prefix then root + "/${prefix}"
    else throw "${builtins.typeOf prefix} is not supported for the prefix";

  systemList = if isList systems then systems else import systems;

  # The entries of a folder whose names end in `suffix`, by name without it; with `folders`, also each folder that
  # holds a default.nix (a file wins over a folder of the same name).
  entries = suffix: folders: dir:
    let
      found = readDir dir;
      named = filter (name: found.${name} == "regular" && match "(.*)${suffix}" name != null) (attrNames found);
      dirs = filter (name: folders && found.${name} == "directory" && pathExists (dir + "/${name}/default.nix"))
        (attrNames found);
    in
    # listToAttrs keeps a name's first entry: the files come first
    listToAttrs (map (name: { name = head (match "(.*)${suffix}" name); value = dir + "/${name}"; }) named
      ++ map (name: { inherit name; value = dir + "/${name}"; }) dirs);

  optionalEntries = path: f: if pathExists path then f path else { };

  outputsFor = system:
    let
      pkgs = import inputs.nixpkgs {
        inherit system;
        config = nixpkgs.config or { };
        overlays = nixpkgs.overlays or [ ];
      };
      perSystem = lib.mapAttrs (name: input: if name == "self" then packages else perSystemOf input system) inputs;
      scope = { inherit inputs pkgs system perSystem; flake = inputs.self; };
      call = pname: path: lib.callPackageWith (scope // { inherit pname; }) path { };
      fromToml = path: perSystem.devshell.mkShell {
        _module.args = { inherit perSystem; };
        imports = [ (perSystem.devshell.importTOML path) ];
      };

      packages = lib.mapAttrs call (optionalEntries (src + "/packages") (entries "\\.nix" true)
        // optionalEntries (src + "/package.nix") (path: { default = path; }));

      devShells = lib.mapAttrs (pname: fromToml) (optionalEntries (src + "/devshells") (entries "\\.toml" false))
        // lib.mapAttrs call (optionalEntries (src + "/devshells") (entries "\\.nix" true))
        // optionalEntries (src + "/devshell.toml") (path: { default = fromToml path; })
        // optionalEntries (src + "/devshell.nix") (path: { default = call "default" path; });
    in
    { inherit devShells packages; };
in
eachSystem systemList outputsFor

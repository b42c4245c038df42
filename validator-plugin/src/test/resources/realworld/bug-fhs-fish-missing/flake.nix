{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
      base = pkgs.appimageTools.defaultFhsEnvArgs;
    in
    {
      devShells.x86_64-linux.default = (pkgs.buildFHSEnv (base // {
        name = "audio-fhs";
        targetPkgs = p: (base.targetPkgs p) ++ [ p.python313 p.uv p.portaudio ];
        profile = ''
          export UV_PYTHON_DOWNLOADS=never
          [ -d .venv ] || uv venv .venv
          source .venv/bin/activate
        '';
        runScript = "fish";
      })).env;
    };
}

{
  description = "Robotics sim with prebuilt wheels";

  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";

  outputs = { self, nixpkgs }:
    let
      system = "x86_64-linux";
      pkgs = nixpkgs.legacyPackages.${system};
      fhs = pkgs.buildFHSEnv (pkgs.appimageTools.defaultFhsEnvArgs // {
        name = "sim-env";
        targetPkgs = p: (pkgs.appimageTools.defaultFhsEnvArgs.targetPkgs p) ++ (with p; [
          python312
          uv
          libGL
          vulkan-loader
        ]);
        profile = ''
          export UV_PYTHON_DOWNLOADS=never
          test -d .venv || uv venv --python python3.12 .venv
          source .venv/bin/activate
        '';
        runScript = "bash";
      });
    in
    {
      devShells.${system}.default = fhs.env;
      packages.${system}.sim-env = fhs;
    };
}

pkgs:
let
  inherit (pkgs.inputs) uv2nix pyproject-nix;
  inherit (pkgs) lib;

  workspace = uv2nix.lib.workspace.loadWorkspace { workspaceRoot = pkgs.src; };

  pythonSet = (pkgs.callPackage pyproject-nix.build.packages {
    python = pkgs.python313;
  }).overrideScope (workspace.mkPyprojectOverlay { sourcePreference = "wheel"; });

  venv = pythonSet.mkVirtualEnv "sensor-feed-env" workspace.deps.all;
in
{
  packages = [ venv pkgs.uv ];
  env = {
    UV_NO_SYNC = "1";
    UV_PYTHON = "${venv}/bin/python";
    UV_PYTHON_DOWNLOADS = "never";
  };
  shellHook = ''
    export PYTHONDONTWRITEBYTECODE=1
  '';
}

{
  inputs.nixpkgs.url = "github:NixOS/nixpkgs/nixos-26.05";
  outputs = { self, nixpkgs }:
    let
      pkgs = nixpkgs.legacyPackages.x86_64-linux;
    in {
      devShells.x86_64-linux.default = pkgs.mkShell {
		venvDir = ".venv";
		packages = with pkgs; [ python312 python312Packages.venvShellHook ];
		shellHook = ''
		    # the driver libraries first
		    export LD_LIBRARY_PATH=/run/opengl-driver/lib:$LD_LIBRARY_PATH
		    echo "${pkgs.python312.version} ready" 
		    runHook venvShellHook
		'';
      };
    };
}

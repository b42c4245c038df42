with import <nixpkgs> { };

mkShell {
  buildInputs = [ python312 uv ];
  shellHook = ''
    export UV_PYTHON_DOWNLOADS=never
    uv sync
  '';
}

def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// Seven breaks people make, all at once; the fixes interact (requires-python follows .python-version, which
// follows the flake's interpreter; the library export and the hook land at the same place, one pass apart).
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
File flake = new File(basedir, 'flake.nix')
C.replaceOnce(new File(basedir, '.python-version'), '3.11', '3.12')
C.replaceOnce(new File(basedir, 'pyproject.toml'), 'requires-python = ">=3.11"', 'requires-python = ">=3.13"')
C.deleteLine(flake, 'runHook venvShellHook')
C.deleteLine(flake, 'venvDir = ".venv";')
C.deleteLine(flake, 'export UV_PYTHON_DOWNLOADS=never')
C.deleteLine(flake, 'export UV_PYTHON_PREFERENCE=only-system')
C.deleteLine(flake, 'export LD_LIBRARY_PATH=')
assert new File(basedir, '.envrc').delete()
true

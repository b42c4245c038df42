def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// set-python 3.13 moved every interpreter site, .python-version, and asked to recreate the venv; the gate passes.
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 2
C.assertLine(basedir, '[INFO] nixml: changed .python-version')
C.assertLine(basedir, '[INFO] nixml: changed flake.nix')
C.assertNoLine(basedir, 'changed pyproject.toml') // ">=3.11" already admits 3.13
C.assertLine(basedir, '[WARNING] nixml: .venv was made by the old interpreter: remove it (rm -rf .venv) and enter the shell again to recreate it')
C.assertFindings(basedir, (1..2).collect { C.lockMissingNote('', C.GENERATED_INPUTS) })
assert C.count(basedir, C.summary(0, 0, 1, '0 at or above error')) == 2
C.assertSarifMatches(new File(basedir, 'target/nixml'), [C.lockMissingNote('', C.GENERATED_INPUTS)])

String flake = C.text(basedir, 'flake.nix')
assert flake.contains('python_with_pkgs = pkgs.python313.withPackages (')
assert flake.contains('            python313Packages.venvShellHook\n')
assert !(flake =~ /python31[0-24-9]/) : 'another interpreter is still named'
assert C.text(basedir, '.python-version') == '3.13\n'
assert C.text(basedir, 'pyproject.toml').contains('\nrequires-python = ">=3.11"\n')
true

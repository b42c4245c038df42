def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// set-python 3.10 on the FHS project: the interpreter in targetPkgs, .python-version, and requires-python's floor.
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 2
['changed .python-version', 'changed flake.nix', 'changed pyproject.toml'].each { C.assertLine(basedir, "[INFO] nixml: ${it}") }
C.assertNoLine(basedir, 'was made by the old interpreter') // no venv yet
C.assertFindings(basedir, (1..2).collect { C.lockMissingNote('', C.GENERATED_INPUTS) })
C.assertSarifMatches(new File(basedir, 'target/nixml'), [C.lockMissingNote('', C.GENERATED_INPUTS)])

String flake = C.text(basedir, 'flake.nix')
assert flake.contains('              python310\n')
assert !(flake =~ /python31[1-9]/) : 'another interpreter is still named'
assert C.text(basedir, '.python-version') == '3.10\n'
assert C.text(basedir, 'pyproject.toml').contains('\nrequires-python = ">=3.10"\n')
true

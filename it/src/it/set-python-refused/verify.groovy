def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The refusal names the place the model could not follow, and nothing changed.
assert C.count(basedir, '[INFO] BUILD FAILURE') == 1
C.assertLine(basedir, "[ERROR] nixml: flake.nix:13:40: the packages of dev shell 'default' are not fully known (a variable from outside, an unknown function), so an interpreter may hide there")
C.assertLine(basedir, '[ERROR] nixml: flake.nix:10:50: python311 here is not an interpreter site the model could follow')
C.assertLine(basedir, '[ERROR] nixml: flake.nix:15:16: python311 here is not an interpreter site the model could follow')
C.assertLineStartingWith(basedir, '[ERROR] Failed to execute goal io.github.nixml:nixml-maven-plugin:' + projectVersion
    + ':set-python (default-cli) on project standalone-pom: nixml: set-python 3.12 refused, nothing changed (3 reasons above)')
File project = new File(basedir, 'project')
['flake.nix', 'tools.nix', '.python-version'].each {
  File original = new File(basedir, "../../../src/it/set-python-refused/project/${it}")
  assert new File(project, it).bytes == original.bytes : "${it} changed"
}
assert project.list().sort() == ['.python-version', 'flake.nix', 'tools.nix'] : "files added: ${project.list()}"
true

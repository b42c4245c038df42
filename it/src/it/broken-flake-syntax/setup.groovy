def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// flake.nix with a syntax error (a missing semicolon).
C.copyGenerated(new File(itRoot), 'fhs-default', basedir)
// The semicolon after `runScript = "bash"` goes missing.
C.replaceOnce(new File(basedir, 'flake.nix'), 'runScript = "bash";', 'runScript = "bash"')
true

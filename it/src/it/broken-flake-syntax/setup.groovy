def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// flake.nix with a syntax error (a missing semicolon).
C.copyGenerated(new File(itRoot), 'fhs-default', basedir)
// TBD: drop one ';' of a binding
true

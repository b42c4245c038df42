def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// before: .python-version bumped alone (one error and the missing-lock note). after: the same, plus a Nix file that
// does not parse (a new error).
['before', 'after'].each {
  File project = new File(basedir, it)
  C.copyGenerated(new File(itRoot), 'ld-default', project)
  C.replaceOnce(new File(project, '.python-version'), '3.11', '3.12')
}
new File(basedir, 'after/nix').mkdirs()
new File(basedir, 'after/nix/extra.nix').setText('{ a = 1; a = 2; }\n', 'UTF-8')
true

def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// A generated project whose .python-version was bumped alone (one error), as in broken-python-version-bumped.
File project = new File(basedir, 'project')
C.copyGenerated(new File(itRoot), 'ld-default', project)
C.replaceOnce(new File(project, '.python-version'), '3.11', '3.12')
true

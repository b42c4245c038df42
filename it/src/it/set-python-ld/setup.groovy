def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

C.copyGenerated(new File(itRoot), 'ld-default', basedir)
// A venv made by the old interpreter: set-python must say to recreate it.
new File(basedir, '.venv').mkdirs()
true

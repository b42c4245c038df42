def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// cudatoolkit moved out of the Linux-only guard while eachDefaultSystem also builds for Darwin.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
// TBD: move cudatoolkit from the optionals stdenv.isLinux list into the common list
true

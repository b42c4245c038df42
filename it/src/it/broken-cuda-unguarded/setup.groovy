def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// cudatoolkit moved out of the Linux-only guard while eachDefaultSystem also builds for Darwin.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
// cudatoolkit leaves `lib.optionals stdenv.isLinux [...]` for the common list that Darwin also builds.
File flake = new File(basedir, 'flake.nix')
String cuda = C.deleteLine(flake, 'cudatoolkit', 1, 1)
C.insertAfter(flake, 'libGL', cuda)
true

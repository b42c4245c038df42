def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The default generated project, with this case's flake.lock: it locks exactly the generated inputs (nixpkgs on
// nixos-26.05, nixpkgs_master, systems, flake-utils following systems), nixpkgs at a revision from 2026-09-01.
C.copyGenerated(new File(itRoot), 'ld-default', basedir)
new File(basedir, 'flake.lock').setText(new File(basedir, 'stale-flake.lock').getText('UTF-8'), 'UTF-8')
true

def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The local catalog lists both archetypes at this build's version.
def catalog = new groovy.xml.XmlSlurper().parse(new File(localRepositoryPath, 'archetype-catalog.xml'))
def ours = catalog.archetypes.archetype.findAll { it.groupId.text() == 'io.github.nixml' }
        .collect { "${it.artifactId.text()}:${it.version.text()}".toString() }.sort()
assert ours == ["archetype-fhs:${projectVersion}", "archetype-nixos-pythonml:${projectVersion}"].collect { it.toString() }

// Both generations found their archetype through it and produced a project.
assert C.count(basedir, '[INFO] BUILD SUCCESS') == 2
['archetype-nixos-pythonml', 'archetype-fhs'].each {
  C.assertLine(basedir, "[INFO] Archetype [io.github.nixml:${it}:${projectVersion}] found in catalog local")
}
['from-catalog-ld', 'from-catalog-fhs'].each { assert new File(basedir, "${it}/flake.nix").isFile() : "${it} not generated" }
assert C.text(basedir, 'from-catalog-fhs/flake.nix').contains('buildFHSEnv')
true

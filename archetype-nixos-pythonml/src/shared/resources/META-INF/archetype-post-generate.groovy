// Validates the properties and writes the free-text values escaped: see PostGeneration, compiled Java shipped in
// this archetype's jar (the generator runs this script with the jar's class loader as context class loader).
try {
    Thread.currentThread().contextClassLoader.loadClass('io.github.nixml.archetype.generate.PostGeneration')
            .getMethod('run', Properties, String, String, String)
            .invoke(null, request.properties, request.outputDirectory, request.artifactId, request.version)
} catch (java.lang.reflect.InvocationTargetException e) {
    throw e.cause
}

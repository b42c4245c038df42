// Validates the properties and finishes the files this run wrote: see PostGeneration, compiled Java shipped in
// this archetype's jar (the generator runs this script with the jar's class loader as context class loader).
// The session's user properties carry -Dnixml.today on Maven 4 too, where -D no longer sets a system property.
try {
    Thread.currentThread().contextClassLoader.loadClass('io.github.nixml.archetype.generate.PostGeneration')
            .getMethod('run', Properties, String, String, String, Map)
            .invoke(null, request.properties, request.outputDirectory, request.artifactId, request.version,
                    request.repositorySession?.userProperties ?: [:])
} catch (java.lang.reflect.InvocationTargetException e) {
    throw e.cause
}

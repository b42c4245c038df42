// Runs after the templates. It does the two things Velocity cannot do:
//  1. validate the properties in batch mode too (validationRegex is only checked when Maven prompts): on a bad
//     value it removes what the templates wrote and fails with one message naming property, value and allowed form;
//  2. write the free-text values as written: Velocity must never see them (the generator evaluates any property
//     value holding "${" as a template, which eats "##" and "#set"), so the templates hold @@<format>:<property>@@
//     tokens, replaced here in one pass by a quoted Nix or TOML string literal, or by the raw text in Markdown.
// Shared by both archetypes (archetype-shared/resources is a resource directory of each module).

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths

Properties props = request.properties
Path outputRoot = Paths.get(request.outputDirectory).toAbsolutePath().normalize()
Path projectDir = outputRoot.resolve(request.artifactId).normalize()

// property -> [pattern, allowed form]; 'shell' only exists in archetype-fhs.
def rules = [
    package      : [~/[A-Za-z_][A-Za-z0-9_]*/,
                    'a Python identifier: ASCII letters, digits and _, not starting with a digit, not a Python keyword'],
    pythonVersion: [~/3\.1[0-4]/, 'one of 3.10, 3.11, 3.12, 3.13, 3.14'],
    cuda         : [~/true|false/, 'true or false'],
    nixpkgsBranch: [~/nixos-[0-9]{2}\.[0-9]{2}(-small)?|nixos-unstable|nixpkgs-unstable/,
                    'nixos-YY.MM, nixos-YY.MM-small, nixos-unstable or nixpkgs-unstable'],
    shell        : [~/bash|zsh|fish/, 'bash, zsh or fish'],
]
def pythonKeywords = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
                      'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if',
                      'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
                      'while', 'with', 'yield'] as Set

def problems = []
rules.each { String key, rule ->
    if (!props.containsKey(key)) {
        return
    }
    String value = props.getProperty(key)
    boolean valid = value ==~ rule[0] && !(key == 'package' && pythonKeywords.contains(value))
    if (!valid) {
        problems << "property '${key}' has the invalid value '${value}'; allowed: ${rule[1]}"
    }
}

/** Exactly the files the templates write (packaged files land under src/<package path>/). */
List<Path> generatedFiles(Path dir, String pkg) {
    String packagePath = (pkg ?: '').replace('.', '/')
    ['pom.xml', 'flake.nix', '.python-version', '.envrc', '.gitignore', 'pyproject.toml', 'README.md',
     "src/${packagePath}/__init__.py".toString()].collect { dir.resolve(it).normalize() }
}

/** Removes the generated files, then the directories that became empty, up to and including the project dir. */
void removeGenerated(Path dir, Path root, String pkg) {
    generatedFiles(dir, pkg).each { Path file ->
        if (!file.startsWith(dir)) {
            return
        }
        Files.deleteIfExists(file)
        for (Path parent = file.parent; parent != null && parent.startsWith(dir) && parent != root;
             parent = parent.parent) {
            boolean empty
            try (def entries = Files.list(parent)) {
                empty = !entries.findAny().isPresent()
            }
            if (!Files.isDirectory(parent) || !empty) {
                break
            }
            Files.delete(parent)
        }
    }
}

if (problems) {
    removeGenerated(projectDir, outputRoot, props.getProperty('package'))
    String plural = problems.size() == 1 ? 'value' : 'values'
    throw new IllegalArgumentException("Invalid archetype property ${plural}, nothing was generated: "
            + problems.join('; '))
}

/** A Nix double-quoted string: \ " and $ escaped (so ${ never interpolates), control characters spelled out. */
String nixString(String s) {
    StringBuilder out = new StringBuilder('"')
    s.each { String c ->
        switch (c) {
            case '\\': out << '\\\\'; break
            case '"': out << '\\"'; break
            case '$': out << '\\$'; break
            case '\n': out << '\\n'; break
            case '\r': out << '\\r'; break
            case '\t': out << '\\t'; break
            default: out << c
        }
    }
    out << '"'
    out.toString()
}

/** A TOML basic string: backslash and quote escaped, control characters as unicode escapes (TOML forbids them raw). */
String tomlString(String s) {
    StringBuilder out = new StringBuilder('"')
    s.each { String c ->
        char ch = c.charAt(0)
        switch (c) {
            case '\\': out << '\\\\'; break
            case '"': out << '\\"'; break
            case '\n': out << '\\n'; break
            case '\t': out << '\\t'; break
            case '\r': out << '\\r'; break
            default:
                if (ch < (char) 0x20 || ch == (char) 0x7f) {
                    out << String.format('\\u%04X', (int) ch)
                } else {
                    out << c
                }
        }
    }
    out << '"'
    out.toString()
}

// Maven's x.y-SNAPSHOT is PEP 440's x.y.dev0; other Maven versions are kept as written.
String mavenVersion = request.version
def values = [
    artifactId          : request.artifactId,
    projectDescription  : props.getProperty('projectDescription'),
    pythonProjectVersion: mavenVersion.endsWith('-SNAPSHOT')
            ? mavenVersion.substring(0, mavenVersion.length() - '-SNAPSHOT'.length()) + '.dev0'
            : mavenVersion,
]
def token = ~/@@(nix|toml|raw):([A-Za-z]+)@@/
['flake.nix', 'pyproject.toml', 'README.md'].each { String name ->
    Path file = projectDir.resolve(name)
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
    // One pass: replaced text is never scanned again, so a value holding a token stays as written.
    String escaped = text.replaceAll(token) { String whole, String format, String key ->
        String value = values[key]
        if (value == null) {
            throw new IllegalStateException("${name}: unknown token ${whole}")
        }
        switch (format) {
            case 'nix': return nixString(value)
            case 'toml': return tomlString(value)
            default: return value
        }
    }
    Files.write(file, escaped.getBytes(StandardCharsets.UTF_8))
}

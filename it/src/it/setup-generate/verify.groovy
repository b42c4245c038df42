// The projects every broken-* case starts from: each must be complete before anyone breaks it.
['ld-default', 'fhs-default'].each { name ->
  ['flake.nix', '.python-version', 'pyproject.toml', '.envrc', '.gitignore', 'README.md', 'pom.xml'].each { f ->
    assert new File(basedir, "${name}/${f}").isFile() : "${name}/${f} was not generated"
  }
}
// crawl wrote the local catalog the catalog-local case reads.
assert new File(localRepositoryPath, "archetype-catalog.xml").isFile()
true

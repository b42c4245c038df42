// The projects every broken-* case starts from: each must be complete before anyone breaks it.
['ld-default', 'fhs-default'].each { name ->
  ['flake.nix', '.python-version', 'pyproject.toml', '.gitignore', 'README.md', 'pom.xml'].each { f ->
    assert new File(basedir, "${name}/${f}").isFile() : "${name}/${f} was not generated"
  }
}
// direnv cannot enter a buildFHSEnv environment: only the LD_LIBRARY_PATH layout gets a .envrc.
assert new File(basedir, 'ld-default/.envrc').isFile()
assert !new File(basedir, 'fhs-default/.envrc').exists()
// crawl wrote the local catalog the catalog-local case reads.
assert new File(localRepositoryPath, "archetype-catalog.xml").isFile()
true

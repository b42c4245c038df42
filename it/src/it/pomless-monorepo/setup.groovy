// Dotfiles that invoker's project cloning leaves out (plexus default excludes) or git would not keep.
['vision', 'speech', 'legacy'].each {
  new File(basedir, "repo/${it}/.gitignore").setText('.venv/\n.direnv/\nresult\n', 'UTF-8')
}
// Directories the validator must skip: each holds a flake.nix that does not parse, which would be a finding.
String broken = '{ this does not parse\n'
['repo/vision/.venv/lib/python3.12/site-packages/pkg', 'repo/vision/.direnv/flake-inputs', 'repo/speech/result',
 'repo/node_modules/some-package', 'repo/target/stale-copy', 'repo/.git/modules/sub'].each {
  File dir = new File(basedir, it)
  dir.mkdirs()
  new File(dir, 'flake.nix').setText(broken, 'UTF-8')
}
true

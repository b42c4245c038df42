// Dotfiles that invoker's project cloning leaves out (plexus default excludes) or git would not keep.
new File(basedir, 'project/.gitignore').setText('.venv/\n.direnv/\nresult\n', 'UTF-8')
true

def C = new GroovyClassLoader(this.class.classLoader).parseClass(new File(itLib, 'Checks.groovy'))

// The site plugin the generated pom pins is the one this build tests with.
assert C.text(basedir, 'demo/pom.xml').contains("<version>${sitePluginVersion}</version>")

// The page is there, in the site's look, with what nixml understood of the shell and the one finding of a fresh
// project (no flake.lock yet).
File page = new File(basedir, 'demo/target/site/nixml.html')
assert page.isFile() : 'mvn site wrote no target/site/nixml.html'
String html = page.getText('UTF-8')
assert html.contains('[flake-lock-missing]')
assert html.contains('python311 (Python 3.11, flake.nix:')
assert html.contains('venvShellHook into .venv')
assert html.contains('/run/opengl-driver/lib:$NIX_LD_LIBRARY_PATH')
assert html.contains('devShells.x86_64-linux.default')
assert html =~ /cudatoolkit<\/td>\s*<td>nixpkgs<\/td>\s*<td>only on linux<\/td>/
// Listed among the site's project reports.
assert new File(basedir, 'demo/target/site/project-reports.html').getText('UTF-8').contains('nixml.html')
true

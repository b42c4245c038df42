// `mvn install` of a plugin also writes its group's metadata, which maps the prefix nixml to nixml-maven-plugin;
// invoker:install stages the plugin without it, so write what install would, into the isolated local repository.
File groupDir = new File(new File(itRoot).parentFile, 'local-repo/io/github/nixml')
groupDir.mkdirs()
new File(groupDir, 'maven-metadata-local.xml').setText('''<?xml version="1.0" encoding="UTF-8"?>
<metadata>
  <plugins>
    <plugin>
      <name>nixml Maven plugin</name>
      <prefix>nixml</prefix>
      <artifactId>nixml-maven-plugin</artifactId>
    </plugin>
  </plugins>
</metadata>
''', 'UTF-8')
true

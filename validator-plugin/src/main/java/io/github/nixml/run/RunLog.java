package io.github.nixml.run;

/** Where a run's lines go: Maven's log for the mojo, standard output for the command line. */
public interface RunLog {
  void error(String line);

  void warn(String line);

  void info(String line);
}

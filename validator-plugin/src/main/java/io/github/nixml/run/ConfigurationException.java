package io.github.nixml.run;

/**
 * The user's parameters are wrong (an unknown value, a directory that does not exist): the run did not start. The
 * message always begins with {@link #PREFIX}, so every such error reads the same in Maven and on the command line.
 */
public final class ConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  public static final String PREFIX = "nixml: invalid configuration: ";

  public ConfigurationException(String problem) {
    super(PREFIX + problem);
  }

  public ConfigurationException(String problem, Throwable cause) {
    super(PREFIX + problem, cause);
  }
}

package io.github.nixml.validate;

/** The validator itself could not run (a root that is not a directory, a bad configuration). Not a finding. */
public class ValidationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ValidationException(String message) {
    super(message);
  }

  public ValidationException(String message, Throwable cause) {
    super(message, cause);
  }
}

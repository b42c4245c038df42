package io.github.nixml.lock;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The day nixml judges by: the release calendar, the default branch of a generated project, the lock's age and the
 * supported branches all ask here. A pin ({@code -Dnixml.today}, {@code --today}, a fixture's {@code today=}) wins;
 * without one it is the system clock's date, read nowhere else (ArchitectureTest holds every other class to that),
 * so one pin reaches every date-dependent answer.
 */
public final class Today {

  /** The property that pins the day, as the goals, the archetypes and the tests spell it. */
  public static final String PROPERTY = "nixml.today";

  /** The value that asks for the clock explicitly (the archetypes' default). */
  public static final String CLOCK = "today";

  /** How a pin must be written, for messages. */
  public static final String FORM = "an ISO date like 2026-11-25";

  private Today() {}

  /**
   * The pinned day, or the clock's when {@code pin} is absent, blank or {@value #CLOCK}.
   *
   * @throws IllegalArgumentException when the pin is not an ISO date, naming {@value #PROPERTY} and the value
   */
  public static LocalDate resolve(String pin) {
    return pinned(pin).orElseGet(LocalDate::now);
  }

  /** Whether {@code pin} leaves the day to the clock: absent, blank or {@value #CLOCK}. */
  public static boolean asksForClock(String pin) {
    return pin == null || pin.isBlank() || pin.strip().equalsIgnoreCase(CLOCK);
  }

  /**
   * The pinned day, empty when {@code pin} is absent, blank or {@value #CLOCK}.
   *
   * @throws IllegalArgumentException when the pin is not an ISO date
   */
  public static Optional<LocalDate> pinned(String pin) {
    if (asksForClock(pin)) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(pin.strip()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(PROPERTY + " must be " + FORM + ", not '" + pin + "'");
    }
  }
}

package io.github.nixml.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TodayTest {

  @Test
  void aPinIsTheDay() {
    assertThat(Today.resolve("2027-07-15")).isEqualTo(LocalDate.of(2027, 7, 15));
    assertThat(Today.resolve(" 2026-11-25\n")).isEqualTo(LocalDate.of(2026, 11, 25));
    assertThat(Today.pinned("2031-12-01")).contains(LocalDate.of(2031, 12, 1));
  }

  @Test
  void noPinOrTodayIsTheClocksDay() {
    for (String clock : new String[] {null, "", "  ", "today", "TODAY"}) {
      assertThat(Today.asksForClock(clock)).as(clock).isTrue();
      assertThat(Today.pinned(clock)).as(clock).isEmpty();
      // Read around the call: the day may turn between the readings.
      LocalDate before = LocalDate.now();
      LocalDate day = Today.resolve(clock);
      assertThat(day).as(clock).isBetween(before, LocalDate.now());
    }
  }

  @Test
  void aMalformedPinNamesThePropertyAndTheValue() {
    assertThatThrownBy(() -> Today.resolve("25/11/2026"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("nixml.today must be an ISO date like 2026-11-25, not '25/11/2026'");
    assertThatThrownBy(() -> Today.pinned("2026-02-30")).isInstanceOf(IllegalArgumentException.class);
  }
}

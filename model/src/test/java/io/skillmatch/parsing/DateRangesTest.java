package io.skillmatch.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2016-2019 | 3.0 | 2019",
        "2016 – 2019 | 3.0 | 2019",
        "2019 – present | 7.0 | 2026",
        "Jan 2023 – now | 3.5 | 2026",
        "March 2019 to June 2021 | 2.333 | 2021",
        "Mar 2019 - Jun 2021 | 2.333 | 2021",
        "03/2019 - 06/2021 | 2.333 | 2021",
        "09/2019 - 01/2022 | 2.417 | 2022",
        "02/2022 - present | 4.417 | 2026",
        "July 2021 to present | 5.0 | 2026",
        "Sept. 2020 – Current | 5.833 | 2026",
      })
  void measuresRanges(String text, double years, int endYear) {
    List<DateRanges.Range> found = DateRanges.find("Engineer, Acme — " + text, TODAY);
    assertEquals(1, found.size(), text);
    assertEquals(years, found.getFirst().years(), 0.01, text);
    assertEquals(endYear, found.getFirst().endYear(), text);
  }

  @Test
  void ignoresThingsThatAreNotRanges() {
    assertTrue(DateRanges.find("Raised coverage from 20% to 85% in 2021", TODAY).isEmpty());
    assertTrue(DateRanges.find("Phone 555-2019", TODAY).isEmpty());
    assertTrue(DateRanges.find("2030 - 2035", TODAY).isEmpty(), "future ranges are not experience");
  }

  @Test
  void unionCountsOverlapsOnce() {
    double months = DateRanges.unionMonths(List.of(new double[] {0, 12}, new double[] {6, 18}, new double[] {24, 30}));
    assertEquals(24, months, 1e-9);
  }
}

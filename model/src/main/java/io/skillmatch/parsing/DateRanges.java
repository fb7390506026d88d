package io.skillmatch.parsing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date ranges of resume entries ("2019 – present", "Jan 2023 – now", "03/2019 - 06/2021",
 * "2016-2019") and measures them in months. A month-year start is the first day of that month, a
 * month-year end the last; a year alone stands for mid-year; "present" is today. Thread-safe.
 */
final class DateRanges {

  /** A range in months since year 0: [start, end), with the years it names. */
  record Range(double start, double end, int startYear, int endYear) {
    double years() {
      return Math.max(0, end - start) / 12.0;
    }
  }

  private static final String MONTH =
      "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String DATE =
      "(?:" + MONTH + "\\s*,?\\s*|(\\d{1,2})\\s*[/.]\\s*)?((?:19|20)\\d{2})(?:\\s*-\\s*(\\d{2})(?!\\d))?";
  private static final String END_MONTH =
      "(?<em>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String END =
      "(?:(present|now|current|currently|today|ongoing|date)\\b|(?:" + END_MONTH
          + "\\s*,?\\s*|(?<emn>\\d{1,2})\\s*[/.]\\s*)?(?<ey>(?:19|20)\\d{2})(?:\\s*-\\s*(?<eiso>\\d{2})(?!\\d))?)";
  private static final Pattern RANGE =
      Pattern.compile("(?i)(?<![\\d/])" + DATE + "\\s*(?:-|\u2013|\u2014|to|until|till|through|\u2192)\\s*"
          + END + "(?![\\d/])");

  /** Ranges starting longer ago than this are not a career (a founding year, a historic date). */
  static final int MAX_CAREER_YEARS = 55;

  private DateRanges() {}

  /** The date ranges in a line of text. */
  static List<Range> find(String text, LocalDate today) {
    List<Range> out = new ArrayList<>();
    Matcher m = RANGE.matcher(text);
    while (m.find()) {
      Range r = toRange(m, today);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  private static Range toRange(Matcher m, LocalDate today) {
    int startYear = Integer.parseInt(m.group(3));
    Integer startMonth = month(m.group(1), m.group(2), m.group(4));
    double start = startYear * 12.0 + (startMonth == null ? 6 : startMonth - 1);
    double end;
    int endYear;
    if (m.group(5) != null) {
      endYear = today.getYear();
      end = today.getYear() * 12.0 + today.getMonthValue() - 1
          + today.getDayOfMonth() / (double) today.lengthOfMonth();
    } else {
      endYear = Integer.parseInt(m.group("ey"));
      Integer endMonth = month(m.group("em"), m.group("emn"), m.group("eiso"));
      end = endYear * 12.0 + (endMonth == null ? 6 : endMonth);
    }
    if (end < start || endYear > today.getYear() + 1 || startYear < today.getYear() - MAX_CAREER_YEARS) {
      return null;
    }
    return new Range(start, end, startYear, endYear);
  }

  private static Integer month(String name, String number, String iso) {
    if (name != null) {
      String n = name.toLowerCase(Locale.ROOT);
      String[] months = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
      for (int i = 0; i < 12; i++) {
        if (n.startsWith(months[i])) {
          return i + 1;
        }
      }
    }
    String digits = number != null ? number : iso;
    if (digits != null) {
      int v = Integer.parseInt(digits);
      return v >= 1 && v <= 12 ? v : null;
    }
    return null;
  }

  /** Total months covered by a union of ranges, overlaps counted once. */
  static double unionMonths(List<double[]> intervals) {
    List<double[]> sorted = new ArrayList<>(intervals);
    sorted.sort((a, b) -> Double.compare(a[0], b[0]));
    double total = 0;
    double curStart = Double.NaN;
    double curEnd = Double.NaN;
    for (double[] iv : sorted) {
      if (Double.isNaN(curStart) || iv[0] > curEnd) {
        if (!Double.isNaN(curStart)) {
          total += curEnd - curStart;
        }
        curStart = iv[0];
        curEnd = iv[1];
      } else {
        curEnd = Math.max(curEnd, iv[1]);
      }
    }
    if (!Double.isNaN(curStart)) {
      total += curEnd - curStart;
    }
    return total;
  }
}

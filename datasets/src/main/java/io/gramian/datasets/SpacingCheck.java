package io.gramian.datasets;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether dated observations are evenly spaced, as a state-space model assumes when it takes one
 * step per row. Annual, quarterly, monthly and integer indexes are regular by construction. Daily
 * dates are compared with the calendar's usual pattern:
 *
 * <ul>
 *   <li>every day, or every k days (weekly data: k = 7), k being the most common gap;
 *   <li>business days: weekdays only, one business day apart, weekends skipped;
 * </ul>
 *
 * and in either daily pattern a few holidays are usual: a gap that skips at most {@link
 * #HOLIDAY_RUN} expected days, up to {@link #HOLIDAYS_PER_YEAR} such gaps a year. Any other gap (a
 * week missing from daily data, a month from business days) breaks the pattern, and the warning
 * names the first few dates after such a gap, with their count.
 */
public final class SpacingCheck {

  /** The most consecutive expected days a holiday gap skips (Christmas and Boxing Day). */
  public static final int HOLIDAY_RUN = 2;

  /**
   * Holiday gaps accepted per year of data: more than the public holidays of the usual calendars (8
   * in England, 10 on US exchanges, 16 in Japan).
   */
  public static final int HOLIDAYS_PER_YEAR = 20;

  /** How many breaking dates the warning names. */
  static final int NAMED = 3;

  private SpacingCheck() {}

  /**
   * A one-line warning when the index's dates are not evenly spaced beyond the calendar's usual
   * gaps, naming the first few dates that break the pattern; empty when they are regular.
   */
  public static Optional<String> warning(TimeIndex index) {
    if (index.frequency() != Frequency.DAILY || index.length() < 3) {
      return Optional.empty();
    }
    LocalDate[] dates = new LocalDate[index.length()];
    for (int i = 0; i < dates.length; i++) {
      dates[i] = index.startDate(i).orElseThrow();
    }
    boolean business = allWeekdays(dates) && mostCommonGap(dates) == 1 && spansAWeekend(dates);
    long step = business ? 1 : mostCommonGap(dates);
    List<Integer> breaks = new ArrayList<>();
    List<Integer> holidays = new ArrayList<>();
    for (int i = 1; i < dates.length; i++) {
      long skipped = skipped(dates[i - 1], dates[i], business, step);
      if (skipped == 0) {
        continue;
      }
      if (skipped > 0 && skipped <= HOLIDAY_RUN && step == 1) {
        holidays.add(i);
      } else {
        breaks.add(i);
      }
    }
    long years =
        Math.max(1, (ChronoUnit.DAYS.between(dates[0], dates[dates.length - 1]) + 364) / 365);
    if (holidays.size() > HOLIDAYS_PER_YEAR * years) {
      breaks.addAll(holidays);
      breaks.sort(null);
    }
    if (breaks.isEmpty()) {
      return Optional.empty();
    }
    String pattern =
        business ? "business days" : step == 1 ? "every day" : "every " + step + " days";
    StringBuilder s =
        new StringBuilder("the dates are not evenly spaced: ")
            .append(breaks.size())
            .append(" of ")
            .append(dates.length - 1)
            .append(" gaps break the pattern (")
            .append(pattern)
            .append("), at ");
    for (int k = 0; k < Math.min(NAMED, breaks.size()); k++) {
      int i = breaks.get(k);
      s.append(k == 0 ? "" : ", ")
          .append(dates[i])
          .append(" (")
          .append(ChronoUnit.DAYS.between(dates[i - 1], dates[i]))
          .append(" days after ")
          .append(dates[i - 1])
          .append(")");
    }
    if (breaks.size() > NAMED) {
      s.append(" and ").append(breaks.size() - NAMED).append(" more");
    }
    return Optional.of(s.append("; the model takes one equal step per row").toString());
  }

  /**
   * Expected observation days strictly between two dates: weekdays for business days, else the gap
   * in steps less one; −1 when the gap is not a whole number of steps.
   */
  private static long skipped(LocalDate from, LocalDate to, boolean business, long step) {
    long days = ChronoUnit.DAYS.between(from, to);
    if (!business) {
      return days % step == 0 ? days / step - 1 : -1;
    }
    long weekdays = 0;
    for (LocalDate d = from.plusDays(1); d.isBefore(to); d = d.plusDays(1)) {
      if (isWeekday(d)) {
        weekdays++;
      }
    }
    return weekdays;
  }

  private static long mostCommonGap(LocalDate[] dates) {
    Map<Long, Integer> counts = new HashMap<>();
    long best = 1;
    int bestCount = 0;
    for (int i = 1; i < dates.length; i++) {
      long gap = ChronoUnit.DAYS.between(dates[i - 1], dates[i]);
      int c = counts.merge(gap, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && gap < best)) {
        best = gap;
        bestCount = c;
      }
    }
    return best;
  }

  private static boolean allWeekdays(LocalDate[] dates) {
    for (LocalDate d : dates) {
      if (!isWeekday(d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean spansAWeekend(LocalDate[] dates) {
    for (int i = 1; i < dates.length; i++) {
      if (dates[i].getDayOfWeek().getValue() < dates[i - 1].getDayOfWeek().getValue()
          || ChronoUnit.DAYS.between(dates[i - 1], dates[i]) >= 7) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWeekday(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}

package io.gramian.datasets;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** Observations on strictly increasing calendar dates. */
final class DateIndex extends TimeIndex {

  private final LocalDate[] dates;

  DateIndex(LocalDate[] dates) {
    for (int i = 1; i < dates.length; i++) {
      if (!dates[i].isAfter(dates[i - 1])) {
        throw new IllegalArgumentException(
            "dates must increase, but " + dates[i] + " follows " + dates[i - 1]);
      }
    }
    this.dates = dates.clone();
  }

  @Override
  public Frequency frequency() {
    return Frequency.DAILY;
  }

  @Override
  public int length() {
    return dates.length;
  }

  @Override
  public String label(int i) {
    checkPosition(i);
    return dates[i].toString();
  }

  @Override
  public Optional<LocalDate> startDate(int i) {
    checkPosition(i);
    return Optional.of(dates[i]);
  }

  @Override
  public TimeIndex extend(int steps) {
    checkSteps(steps);
    if (dates.length == 0) {
      throw new IllegalStateException("cannot extend an empty date index: it has no last date");
    }
    DateStep step = DateStep.of(dates);
    LocalDate last = dates[dates.length - 1];
    LocalDate[] extended = Arrays.copyOf(dates, Math.addExact(dates.length, steps));
    for (int k = 1; k <= steps; k++) {
      extended[dates.length + k - 1] = step.advance(last, k);
    }
    return new DateIndex(extended);
  }

  @Override
  public TimeIndex slice(int from, int to) {
    checkSlice(from, to);
    return new DateIndex(Arrays.copyOfRange(dates, from, to));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DateIndex that && Arrays.equals(that.dates, dates);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dates);
  }
}

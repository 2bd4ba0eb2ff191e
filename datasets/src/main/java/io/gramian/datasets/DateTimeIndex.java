package io.gramian.datasets;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;

/** Observations at strictly increasing date-times (without time zone). */
final class DateTimeIndex extends TimeIndex {

  private final LocalDateTime[] dateTimes;

  DateTimeIndex(LocalDateTime[] dateTimes) {
    for (int i = 1; i < dateTimes.length; i++) {
      if (!dateTimes[i].isAfter(dateTimes[i - 1])) {
        throw new IllegalArgumentException(
            "date-times must increase, but " + dateTimes[i] + " follows " + dateTimes[i - 1]);
      }
    }
    this.dateTimes = dateTimes.clone();
  }

  @Override
  public Frequency frequency() {
    return Frequency.DATE_TIME;
  }

  @Override
  public int length() {
    return dateTimes.length;
  }

  @Override
  public String label(int i) {
    checkPosition(i);
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(dateTimes[i]);
  }

  @Override
  public Optional<LocalDate> startDate(int i) {
    checkPosition(i);
    return Optional.of(dateTimes[i].toLocalDate());
  }

  @Override
  public Optional<LocalDateTime> startDateTime(int i) {
    checkPosition(i);
    return Optional.of(dateTimes[i]);
  }

  @Override
  public TimeIndex extend(int steps) {
    checkSteps(steps);
    if (dateTimes.length < 2) {
      throw new IllegalStateException(
          "cannot extend a date-time index of "
              + dateTimes.length
              + " observation(s): its spacing is unknown");
    }
    Duration step = smallestGap();
    LocalDateTime last = dateTimes[dateTimes.length - 1];
    LocalDateTime[] extended = Arrays.copyOf(dateTimes, Math.addExact(dateTimes.length, steps));
    for (int k = 1; k <= steps; k++) {
      extended[dateTimes.length + k - 1] = last.plus(step.multipliedBy(k));
    }
    return new DateTimeIndex(extended);
  }

  private Duration smallestGap() {
    Duration smallest = Duration.between(dateTimes[0], dateTimes[1]);
    for (int i = 2; i < dateTimes.length; i++) {
      Duration gap = Duration.between(dateTimes[i - 1], dateTimes[i]);
      if (gap.compareTo(smallest) < 0) {
        smallest = gap;
      }
    }
    return smallest;
  }

  @Override
  public TimeIndex slice(int from, int to) {
    checkSlice(from, to);
    return new DateTimeIndex(Arrays.copyOfRange(dateTimes, from, to));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DateTimeIndex that && Arrays.equals(that.dateTimes, dateTimes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dateTimes);
  }
}

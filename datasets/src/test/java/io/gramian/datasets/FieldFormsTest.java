package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each scan accepts exactly what its regular expression matches. */
class FieldFormsTest {

  private static final long SEED = 1205L;
  private static final int RANDOM_STRINGS = 200_000;
  private static final String ALPHABET = "0123456789+-.eEqQ T:x1234";

  private static final List<String> HAND_PICKED =
      List.of(
          "",
          "+",
          "-",
          ".",
          "e5",
          "1e",
          "1e+",
          "1.",
          ".5",
          "+.5",
          "-1.e-3",
          "1.5E10",
          "007",
          "1,5",
          "inf",
          "1999",
          "19999",
          "1999-12",
          "1999-1",
          "1999-123",
          "1999Q4",
          "1999-Q4",
          "1999q1",
          "1999Q5",
          "1999Q0",
          "1999--Q1",
          "123456789012345678",
          "1234567890123456789",
          "+123456789012345678",
          "١٢٣٤",
          "1999-١٢",
          "2000-01-15",
          " 12",
          "12 ");

  @Test
  void decimal() {
    check("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?", FieldForms::isDecimal);
  }

  @Test
  void integer() {
    check("[+-]?\\d{1,18}", FieldForms::isInteger);
  }

  @Test
  void year() {
    check("\\d{4}", FieldForms::isYear);
  }

  @Test
  void yearMonth() {
    check("(\\d{4})-(\\d{2})", FieldForms::isYearMonth);
  }

  @Test
  void yearQuarter() {
    check("(\\d{4})-?[Qq]([1-4])", FieldForms::isYearQuarter);
  }

  private static void check(String regex, Predicate<String> scan) {
    Pattern pattern = Pattern.compile(regex);
    Random random = new Random(SEED + regex.hashCode());
    List<String> inputs = new ArrayList<>(HAND_PICKED);
    for (int i = 0; i < RANDOM_STRINGS; i++) {
      int length = random.nextInt(9);
      StringBuilder s = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      inputs.add(s.toString());
    }
    int accepted = 0;
    for (String s : inputs) {
      boolean expected = pattern.matcher(s).matches();
      assertEquals(expected, scan.test(s), regex + " on \"" + s + "\"");
      accepted += expected ? 1 : 0;
    }
    assertTrue(accepted > 0, "no input matched " + regex);
  }
}

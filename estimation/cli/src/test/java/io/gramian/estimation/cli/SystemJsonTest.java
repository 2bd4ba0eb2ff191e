package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gramian.kalman.StateSpaceSystem;
import org.junit.jupiter.api.Test;

/** Reading {@code SYSTEM.json}. */
class SystemJsonTest {

  @Test
  void zeroColumnFactorsAndDefaultIntercepts() {
    StateSpaceSystem s =
        SystemJson.parse(
            "s.json",
            "{\"F\": [[1, 1], [0, 1]], \"H\": [[1, 0], [0, 1], [1, 1]], \"cholQ\": [[], []],"
                + " \"cholR\": [[], [], []], \"m0\": [1, 2], \"cholP0\": [[], []], \"d\": null}");
    assertEquals(2, s.nx());
    assertEquals(3, s.ny());
    assertEquals(0, s.q());
    assertEquals(0, s.r());
    assertEquals(0, s.k());
    assertEquals(2, s.c(0).numRows);
    assertEquals(0.0, s.c(0).get(1, 0));
    assertEquals(3, s.d(0).numRows);
    assertEquals(2.0, s.m0().get(1, 0));
  }

  @Test
  void wideFactorsAndIntercepts() {
    StateSpaceSystem s =
        SystemJson.parse(
            "s.json",
            "{\"F\": [[0.5]], \"c\": [0.25], \"H\": [[2], [3]], \"d\": [1, -1],"
                + " \"cholQ\": [[1, 2, 3]], \"cholR\": [[1, 0], [0.5, 1]], \"m0\": [0],"
                + " \"cholP0\": [[4, 5]]}");
    assertEquals(3, s.q());
    assertEquals(2, s.r());
    assertEquals(2, s.k());
    assertEquals(0.25, s.c(0).get(0, 0));
    assertEquals(-1.0, s.d(0).get(1, 0));
    assertEquals(3.0, s.H(0).get(1, 0));
  }

  @Test
  void messagesNameTheKey() {
    assertMessage(
        "{\"F\": [1], \"H\": [[1]], \"cholQ\": [[1]], \"cholR\": [[1]], \"m0\": [0],"
            + " \"cholP0\": [[1]]}",
        "s.json: \"F\" row 1 is a number (1), not an array");
    assertMessage("{\"F\": [], \"H\": [[1]]}", "s.json: \"F\" is empty; it needs at least one row");
    assertMessage(
        "{\"F\": [[1]], \"H\": {\"a\": 1}}",
        "s.json: \"H\" must be a matrix written as nested arrays (a list of rows), found an object");
    assertMessage("{\"F\": [[true]]}", "s.json: \"F\" row 1, entry 1 is true, expected a number");
    assertMessage(
        "{\"F\": [[1]], \"H\": [[1]], \"cholQ\": [[1]], \"cholR\": [[1]], \"m0\": 0,"
            + " \"cholP0\": [[1]]}",
        "s.json: \"m0\" must be a vector written as a flat array");
    assertMessage("{\"F\": [[1]]} {}", "s.json: not valid JSON (line 1, column");
  }

  private static void assertMessage(String json, String start) {
    CliException e = assertThrows(CliException.class, () -> SystemJson.parse("s.json", json));
    assertEquals(GramianCommand.EXIT_BAD_INPUT, e.exitCode());
    if (!e.getMessage().startsWith(start)) {
      assertEquals(start, e.getMessage());
    }
  }
}

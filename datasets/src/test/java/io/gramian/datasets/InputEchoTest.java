package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InputEcho}: what an error message repeats of the user's input. */
class InputEchoTest {

  @Test
  void shortTextIsQuotedAsItIs() {
    assertEquals("\"12a4\"", InputEcho.quoted("12a4"));
    assertEquals("12a4", InputEcho.plain("12a4"));
    assertEquals("\"\"", InputEcho.quoted(""));
  }

  @Test
  void longTextIsCutWithTheCountOfTheRest() {
    String text = "a".repeat(InputEcho.MAX_CHARACTERS + 2_097_092);
    assertEquals(
        "\"" + "a".repeat(InputEcho.MAX_CHARACTERS) + "…\" (2 097 092 more characters)",
        InputEcho.quoted(text));
    assertEquals(
        "a".repeat(InputEcho.MAX_CHARACTERS) + "… (2 097 092 more characters)",
        InputEcho.plain(text));
    String exactly = "b".repeat(InputEcho.MAX_CHARACTERS);
    assertEquals("\"" + exactly + "\"", InputEcho.quoted(exactly));
  }

  @Test
  void aCutNeverSplitsACharacter() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    String text = emoji.repeat(InputEcho.MAX_CHARACTERS + 1);
    assertEquals(
        "\"" + emoji.repeat(InputEcho.MAX_CHARACTERS) + "…\" (1 more characters)",
        InputEcho.quoted(text));
  }

  @Test
  void controlCharactersAreEscapedVisibly() {
    assertEquals("\"fl\\now\"", InputEcho.quoted("fl\now"));
    assertEquals(
        "\"a\\r\\tb\\u0000c\\u2028d\\u0085\"", InputEcho.quoted("a\r\tb\u0000c\u2028d\u0085"));
    assertEquals("né ✓", InputEcho.plain("né ✓"));
  }

  @Test
  void longListsShowTheirFirstEntriesAndCountTheRest() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      names.add("c" + i);
    }
    assertEquals(
        "c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, … (9 990 more)", InputEcho.plainList(names));
    assertEquals("\"a\", \"b\\n\"", InputEcho.quotedList(List.of("a", "b\n")));
    assertEquals("", InputEcho.plainList(List.of()));
  }

  @Test
  void aWholeLineIsEscapedAndCut() {
    assertEquals("short\\nline", InputEcho.line("short\nline", 100));
    assertEquals("abcde… (5 more characters)", InputEcho.line("abcdefghij", 5));
  }
}

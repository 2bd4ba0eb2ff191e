package io.gramian.estimation.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The saved-fit JSON reader and writer: values, exact doubles, and errors that name the place. */
class JsonTextTest {

  @Test
  void readsEveryKindOfValue() {
    Object v =
        JsonReader.parse(
            "{\"a\": [1, -2.5e-3, true, false, null], \"b\": {\"c\": \"x\\\"\\u00e9\\n\"}}", "t");
    Map<?, ?> m = (Map<?, ?>) v;
    assertEquals(Arrays.asList(1.0, -2.5e-3, true, false, null), m.get("a"));
    assertEquals("x\"é\n", ((Map<?, ?>) m.get("b")).get("c"));
  }

  @Test
  void everyDoubleReadsBackToTheSameBits() {
    SplittableRandom random = new SplittableRandom(12);
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      values.add(Double.isFinite(v) ? v : random.nextDouble() * 1e-300);
    }
    values.addAll(List.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.1, 1e15, 123456789.0));
    List<?> back = (List<?>) JsonReader.parse(JsonWriter.write(values), "t");
    for (int i = 0; i < values.size(); i++) {
      assertEquals(
          Double.doubleToRawLongBits((Double) values.get(i)),
          Double.doubleToRawLongBits((Double) back.get(i)),
          "value " + values.get(i));
    }
  }

  @Test
  void writesUndefinedAsNullAndReadsItsOwnOutput() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("x", Arrays.asList(1.5, null, Double.NaN));
    tree.put("nested", List.of(Map.of("k", "v\t\"")));
    tree.put("empty", Map.of());
    String text = JsonWriter.write(tree);
    assertTrue(text.contains("\"x\": [1.5, null, null]"), text);
    Map<?, ?> back = (Map<?, ?>) JsonReader.parse(text, "t");
    assertEquals(Arrays.asList(1.5, null, null), back.get("x"));
    assertEquals("v\t\"", ((Map<?, ?>) ((List<?>) back.get("nested")).get(0)).get("k"));
  }

  @Test
  void malformedTextNamesTheLineAndColumn() {
    assertError(
        "{\n  \"a\": 1\n  \"b\": 2\n}",
        "f.json: not valid JSON at line 3, column 3: expected ',' or '}'");
    assertError(
        "{\"a\": [1, 2", "f.json: not valid JSON at line 1, column 12: expected ',' or ']'");
    assertError(
        "{\"a\": tru}", "f.json: not valid JSON at line 1, column 7: unexpected character 't'");
    assertError(
        "{\"a\": 1} x", "f.json: not valid JSON at line 1, column 10: unexpected text after");
    assertError("{\"a\": 1, \"a\": 2}", "line 1, column 10: the field \"a\" appears twice");
    assertError("{\"a\": -}", "line 1, column 8: malformed number");
    assertError("", "line 1, column 1: unexpected end of the file");
    assertError("[".repeat(100), "nested more than 64 deep");
  }

  private static void assertError(String text, String expected) {
    JsonFormatException e =
        assertThrows(JsonFormatException.class, () -> JsonReader.parse(text, "f.json"));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}

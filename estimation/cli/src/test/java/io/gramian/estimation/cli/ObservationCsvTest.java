package io.gramian.estimation.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's CSV reading rules. */
class ObservationCsvTest {

  @TempDir Path dir;

  @Test
  void delimiterIsTheCommonestOutsideQuotes() {
    assertEquals(',', ObservationCsv.detectDelimiter("a,b,c\n1;2;3\n"));
    assertEquals(';', ObservationCsv.detectDelimiter("\"x,y\";z;w\n1;2;3\n"));
    assertEquals('\t', ObservationCsv.detectDelimiter("a\tb\tc\n"));
    assertEquals(',', ObservationCsv.detectDelimiter("single\n1\n"));
  }

  @Test
  void timeColumnByName() {
    for (String name : new String[] {"date", "Time", "YEAR", "month", "quarter", "period",
        "index", ""}) {
      ObservationCsv csv = ObservationCsv.parse("f.csv", name + ",y\n1,2\n2,3\n", null);
      assertEquals(name, csv.timeColumn(), name);
      assertEquals(List.of("y"), csv.columns());
    }
  }

  @Test
  void timeColumnByNonNumericValues() {
    ObservationCsv csv = ObservationCsv.parse("f.csv", "when,y\n,1\nNA,2\n1990-03,3\n", null);
    assertEquals("when", csv.timeColumn());
    assertEquals(List.of("y"), csv.columns());
  }

  @Test
  void numericFirstColumnIsAValueColumn() {
    ObservationCsv csv = ObservationCsv.parse("f.csv", "x,y\nNA,1\n2.5,2\n", null);
    assertNull(csv.timeColumn());
    assertEquals(List.of("x", "y"), csv.columns());
    assertTrue(Double.isNaN(csv.values().get(0, 0)));
    assertEquals(2.5, csv.values().get(1, 0));
    assertEquals(3, csv.observedCount());
  }

  @Test
  void aNamedTimeColumnCanBeSelectedAsValues() {
    ObservationCsv csv = ObservationCsv.parse("f.csv", "year,y\n1990,1\n1991,2\n",
        List.of("y", "year"));
    assertEquals(List.of("y", "year"), csv.columns());
    assertEquals(1991.0, csv.values().get(1, 1));
  }

  @Test
  void valuesLinesAndSpaces() {
    String text = "date , a , b\n\n2001, 1.5 ,-2e-3\n2002,.,+.25\n";
    ObservationCsv csv = ObservationCsv.parse("f.csv", text, null);
    assertEquals(List.of("a", "b"), csv.columns());
    assertEquals(2, csv.steps());
    assertEquals(3, csv.lineOf(0));
    assertEquals(4, csv.lineOf(1));
    assertEquals(1.5, csv.values().get(0, 0));
    assertEquals(-2e-3, csv.values().get(0, 1));
    assertTrue(Double.isNaN(csv.values().get(1, 0)));
    assertEquals(0.25, csv.values().get(1, 1));
  }

  @Test
  void byteOrderMarkAndCrLf() throws IOException {
    Path file = dir.resolve("bom.csv");
    Files.write(file, "\uFEFFdate,y\r\n2001,1\r\n2002,2\r\n".getBytes(StandardCharsets.UTF_8));
    ObservationCsv csv = ObservationCsv.read(file, null);
    assertEquals("date", csv.timeColumn());
    assertEquals(2, csv.steps());
    assertEquals(3, csv.lineOf(1));
  }

  @Test
  void duplicateHeaderNameIsAmbiguousOnlyWhenSelected() {
    ObservationCsv csv = ObservationCsv.parse("f.csv", "date,y,y\n1,2,3\n", null);
    assertEquals(2, csv.columns().size());
    CliException e = assertThrows(CliException.class,
        () -> ObservationCsv.parse("f.csv", "date,y,y\n1,2,3\n", List.of("y")));
    assertEquals("f.csv: the header has more than one column named \"y\" (columns 2 and 3)",
        e.getMessage());
  }
}

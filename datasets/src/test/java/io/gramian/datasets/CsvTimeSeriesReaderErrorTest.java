package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed files: each error names the file, the line (the header is line 1) and, where it
 * applies, the column.
 */
class CsvTimeSeriesReaderErrorTest {

  @TempDir Path directory;

  private Path file;

  /** Reads {@code text} from a file called nile.csv and returns the error it causes. */
  private DataFormatException errorReading(String text) throws IOException {
    return errorReading(text.getBytes(StandardCharsets.UTF_8));
  }

  private DataFormatException errorReading(byte[] content) throws IOException {
    file = directory.resolve("nile.csv");
    Files.write(file, content);
    return assertThrows(DataFormatException.class, () -> CsvTimeSeriesReader.read(file));
  }

  private void assertError(DataFormatException error, int line, String column, String problem) {
    assertEquals(file.toString(), error.source());
    assertEquals(line == 0 ? OptionalInt.empty() : OptionalInt.of(line), error.line());
    assertEquals(Optional.ofNullable(column), error.column());
    assertEquals(problem, error.problem());
    String where =
        (line == 0 ? "" : ": line " + line) + (column == null ? "" : ", column \"" + column + "\"");
    assertEquals(file + where + ": " + problem, error.getMessage());
  }

  @Test
  void aValueThatIsNotANumber() throws IOException {
    DataFormatException error = errorReading("date,volume\n1871,1120\n1872,12a4\n");
    assertError(error, 3, "volume", "\"12a4\" is not a number");
    assertEquals(
        file + ": line 3, column \"volume\": \"12a4\" is not a number", error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Inf", "inf", "-Inf", "Infinity", "+infinity"})
  void anInfiniteValue(String infinity) throws IOException {
    assertError(
        errorReading("date,volume\n1871," + infinity + "\n"),
        2,
        "volume",
        "\""
            + infinity
            + "\" is infinite; values must be finite numbers or missing"
            + " (empty, NA, NaN or .)");
  }

  @Test
  void aNumberTooLargeForADouble() throws IOException {
    assertError(
        errorReading("date,volume\n1871,1e999\n"),
        2,
        "volume",
        "\"1e999\" is too large for a double");
  }

  @Test
  void aDecimalComma() throws IOException {
    assertError(
        errorReading("date;volume\n1871;1,5\n"),
        2,
        "volume",
        "\"1,5\" is not a number: write \".\" as the decimal separator and no thousands"
            + " separators");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0x10", "1.5f", "1d", "--1", "N/A"})
  void textThatJavaMightParseButIsNotADecimalNumber(String text) throws IOException {
    assertError(
        errorReading("date,volume\n1871," + text + "\n"),
        2,
        "volume",
        "\"" + text + "\" is not a number");
  }

  @Test
  void aMissingFile() {
    file = directory.resolve("nile.csv");
    DataFormatException error =
        assertThrows(DataFormatException.class, () -> CsvTimeSeriesReader.read(file));
    assertError(error, 0, null, "no such file");
  }

  @Test
  void aDirectory() {
    file = directory;
    DataFormatException error =
        assertThrows(DataFormatException.class, () -> CsvTimeSeriesReader.read(file));
    assertError(error, 0, null, "is a directory, not a CSV file");
  }

  @Test
  void aFileThatIsNotUtf8() throws IOException {
    assertError(
        errorReading(new byte[] {'d', 'a', 't', 'e', ',', (byte) 0xE9, '\n'}),
        0,
        null,
        "the file is not UTF-8 text");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n\n", "  \r\n", "\"\"\n"})
  void anEmptyFile(String text) throws IOException {
    assertError(
        errorReading(text),
        0,
        null,
        "the file is empty; it needs a header line naming the columns, then data rows");
  }

  @Test
  void aHeaderWithoutRows() throws IOException {
    assertError(errorReading("date,volume\n"), 0, null, "no data rows after the header line");
  }

  @Test
  void aMissingHeader() throws IOException {
    assertError(
        errorReading("1871,1120\n1872,1160\n"),
        1,
        null,
        "the first line must be a header naming the columns, but it holds data: 1871,1120");
  }

  @Test
  void noValueColumns() throws IOException {
    assertError(
        errorReading("date\n1871\n1872\n"),
        1,
        null,
        "no value columns: the only column, \"date\", holds the times");
  }

  @Test
  void aRowWithTooManyFields() throws IOException {
    assertError(
        errorReading("date,volume\n1871,1120\n1872,1160,7\n"),
        3,
        null,
        "expected 2 fields, found 3 (check the delimiter and quotes)");
  }

  @Test
  void aRowWithTooFewFieldsAfterBlankLines() throws IOException {
    assertError(
        errorReading("date,volume\n1871,1120\n\n\n1872\n"),
        5,
        null,
        "expected 2 fields, found 1 (check the delimiter and quotes)");
  }

  @Test
  void aLineNumberCountsTheLinesOfAQuotedField() throws IOException {
    assertError(
        errorReading("date,x\n1871,\"1\n\"\n1872,oops\n"), 4, "x", "\"oops\" is not a number");
  }

  @Test
  void aQuotedFieldThatIsNotClosed() throws IOException {
    assertError(
        errorReading("date,volume\n1871,1120\n1872,\"1160\n1873,1\n"),
        3,
        null,
        "a quoted field is not closed: its opening \" has no closing \"");
  }

  @Test
  void textAfterAClosingQuote() throws IOException {
    assertError(
        errorReading("date,volume\n1871,\"1120\"x\n"),
        2,
        null,
        "unexpected text after the closing \" of a quoted field");
  }

  @Test
  void duplicateColumnNames() throws IOException {
    assertError(
        errorReading("date,volume,level,volume\n1871,1,2,3\n"),
        1,
        "volume",
        "duplicate column name (columns 2 and 4)");
  }

  @Test
  void aColumnWithoutAName() throws IOException {
    assertError(errorReading("date,volume,\n1871,1,2\n"), 1, null, "column 3 has no name");
  }

  @Test
  void anUnknownTimeColumnRequestedByTheCaller() throws IOException {
    file = directory.resolve("nile.csv");
    Files.writeString(file, "date,volume\n1871,1120\n");
    DataFormatException error =
        assertThrows(DataFormatException.class, () -> CsvTimeSeriesReader.read(file, "year"));
    assertError(error, 1, null, "there is no time column \"year\"; the columns are: date, volume");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"1871/01", "Jan 1872", "2020-02-30", "1949-13", "1945-Q5", "2020-03-04T25:00"})
  void anUnparseableTimeValue(String time) throws IOException {
    assertError(
        errorReading("date,volume\n1871,1\n" + time + ",2\n"),
        3,
        "date",
        "\""
            + time
            + "\" is not a date or period; expected YYYY, YYYY-MM, YYYY-Qn, YYYY-MM-DD"
            + " or YYYY-MM-DDThh:mm[:ss]");
  }

  @Test
  void aNonIntegerInAnIndexColumn() throws IOException {
    assertError(
        errorReading("index,volume\n1,1\nx,2\n"),
        3,
        "index",
        "\"x\" is not a date or period; expected an integer or YYYY, YYYY-MM, YYYY-Qn,"
            + " YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "NA"})
  void aMissingTimeValue(String missing) throws IOException {
    assertError(
        errorReading("date,volume\n1871,1\n" + missing + ",2\n"),
        3,
        "date",
        "the time value is missing");
  }

  @Test
  void aRepeatedTime() throws IOException {
    assertError(
        errorReading("date,volume\n1949-01,1\n1949-02,2\n1949-02,3\n"),
        4,
        "date",
        "\"1949-02\" does not come after \"1949-02\" on line 3; time values must increase");
  }

  @Test
  void aDecreasingDate() throws IOException {
    assertError(
        errorReading("date,volume\n2020-01-02,1\n2020-01-01,2\n"),
        3,
        "date",
        "\"2020-01-01\" does not come after \"2020-01-02\" on line 2; time values must"
            + " increase");
  }

  @Test
  void aSkippedQuarter() throws IOException {
    assertError(
        errorReading("date,volume\n1945-Q4,1\n1946-Q2,2\n"),
        3,
        "date",
        "\"1946-Q2\" follows \"1945-Q4\" on line 2, so \"1946-Q1\" is missing; periods must be"
            + " consecutive (give a missing period its own row, with empty values or NA)");
  }

  @Test
  void mixedFrequencies() throws IOException {
    assertError(
        errorReading("date,volume\n1871,1\n1872,2\n1949-01,3\n"),
        4,
        "date",
        "mixed frequencies: \"1949-01\" is monthly, but \"1871\" on line 2 is annual");
  }

  @Test
  void mixedDatesAndDateTimes() throws IOException {
    assertError(
        errorReading("date,volume\n2020-01-01,1\n2020-01-02T10:00,2\n"),
        3,
        "date",
        "mixed frequencies: \"2020-01-02T10:00\" is date-time, but \"2020-01-01\" on line 2 is"
            + " daily");
  }
}

package io.gramian.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are not UTF-8: one message saying what the file is (UTF-16, UTF-32, binary), never its
 * bytes; a UTF-8 byte-order mark is read silently.
 */
class TextEncodingTest {

  private static final String NILE = "year,flow\n1871,1120\n1872,1160\n1873,963\n";
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

  @TempDir Path directory;

  private Path file;

  private DataFormatException errorReading(byte[] bytes) throws IOException {
    file = Files.write(directory.resolve("nile.csv"), bytes);
    return assertThrows(DataFormatException.class, () -> CsvTimeSeriesReader.read(file));
  }

  private static byte[] concat(byte[] prefix, byte[] rest) {
    byte[] all = new byte[prefix.length + rest.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(rest, 0, all, prefix.length, rest.length);
    return all;
  }

  private void assertSays(DataFormatException error, String problem) {
    assertEquals(problem, error.problem());
    assertEquals(file + ": " + problem, error.getMessage());
    assertFalse(error.getMessage().contains("\0"), "no NUL in the message");
  }

  @Test
  void utf16WithAByteOrderMark() throws IOException {
    String problem =
        "the file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it" + " as UTF-8";
    // Java's UTF-16 encoder writes a big-endian mark; Windows' "Unicode" is little-endian.
    assertSays(errorReading(NILE.getBytes(StandardCharsets.UTF_16)), problem);
    assertSays(
        errorReading(
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE}, NILE.getBytes(StandardCharsets.UTF_16LE))),
        problem);
  }

  @Test
  void utf16WithoutAByteOrderMark() throws IOException {
    String problem = "the file is UTF-16 text (every other byte is zero); save it as UTF-8";
    assertSays(errorReading(NILE.getBytes(StandardCharsets.UTF_16LE)), problem);
    assertSays(errorReading(NILE.getBytes(StandardCharsets.UTF_16BE)), problem);
  }

  @Test
  void utf32WithAndWithoutAByteOrderMark() throws IOException {
    assertSays(
        errorReading(concat(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, NILE.getBytes(UTF_32BE))),
        "the file is UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8");
    assertSays(
        errorReading(concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, NILE.getBytes(UTF_32LE))),
        "the file is UTF-32 text (it starts with a UTF-32 byte-order mark); save it as UTF-8");
    assertSays(
        errorReading(NILE.getBytes(UTF_32LE)),
        "the file is UTF-32 text (every character takes four bytes, most of them zero); save it"
            + " as UTF-8");
  }

  @Test
  void aZeroByteInOtherwiseAsciiTextMeansBinary() throws IOException {
    byte[] bytes = NILE.getBytes(StandardCharsets.UTF_8);
    bytes[12] = 0;
    assertSays(
        errorReading(bytes),
        "the file is binary, not text (byte 13 is zero); a data file must be UTF-8 text");
  }

  @Test
  void aUtf8ByteOrderMarkIsReadSilently() throws IOException {
    file =
        Files.write(
            directory.resolve("nile.csv"),
            concat(
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                NILE.getBytes(StandardCharsets.UTF_8)));
    TimeSeriesFrame frame = CsvTimeSeriesReader.read(file);
    assertEquals(java.util.Optional.of("year"), frame.timeColumn());
    assertEquals(java.util.List.of("flow"), frame.columnNames());
    assertEquals(963, frame.column("flow").value(2));
  }

  @Test
  void aNulCharacterFromAReaderIsRefused() {
    DataFormatException error =
        assertThrows(
            DataFormatException.class,
            () -> CsvTimeSeriesReader.read(new StringReader("y\0e\0a\0r\0\n"), "pasted"));
    assertEquals(
        "pasted: the data hold NUL characters: UTF-16 or binary data, not UTF-8 text",
        error.getMessage());
  }
}

package io.gramian.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the bytes of a data file as UTF-8, and recognises what it cannot be: text in UTF-16 or
 * UTF-32 (by its byte-order mark, or by the zero bytes its ASCII characters carry) and binary data
 * (any other zero byte), so that the message says what the file is rather than showing its bytes. A
 * UTF-8 byte-order mark is accepted and removed.
 */
final class TextEncoding {

  private static final String SAVE_AS_UTF8 = "; save it as UTF-8";

  private TextEncoding() {}

  /**
   * The text of {@code bytes}, without a leading UTF-8 byte-order mark.
   *
   * @throws DataFormatException naming {@code source} if the bytes are UTF-16, UTF-32, binary or
   *     not valid UTF-8
   */
  static String decode(byte[] bytes, String source) {
    String wrong = wrongEncoding(bytes);
    if (wrong != null) {
      throw new DataFormatException(source, wrong);
    }
    int start = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new DataFormatException(source, "the file is not UTF-8 text", e);
    }
  }

  /**
   * Checks text already decoded by the caller (a {@code Reader}): a NUL character means the data
   * were binary or UTF-16 read as something else.
   *
   * @throws DataFormatException naming {@code source} if the text holds a NUL character
   */
  static void checkText(String text, String source) {
    if (text.indexOf('\0') >= 0) {
      throw new DataFormatException(
          source, "the data hold NUL characters: UTF-16 or binary data, not UTF-8 text");
    }
  }

  /** What the bytes are when they are not UTF-8 text, or {@code null} when they may be. */
  static String wrongEncoding(byte[] bytes) {
    if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
      return "the file is UTF-32 text (it starts with a UTF-32 byte-order mark)" + SAVE_AS_UTF8;
    }
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return "the file is UTF-16 text (it starts with a UTF-16 byte-order mark)" + SAVE_AS_UTF8;
    }
    int firstZero = indexOfZero(bytes);
    if (firstZero < 0) {
      return null;
    }
    if (isUtf32WithoutMark(bytes)) {
      return "the file is UTF-32 text (every character takes four bytes, most of them zero)"
          + SAVE_AS_UTF8;
    }
    if (isUtf16WithoutMark(bytes)) {
      return "the file is UTF-16 text (every other byte is zero)" + SAVE_AS_UTF8;
    }
    return "the file is binary, not text (byte "
        + (firstZero + 1)
        + " is zero); a data file"
        + " must be UTF-8 text";
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOfZero(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** ASCII text in UTF-16: of the first bytes, those at even (big-endian) or odd positions zero. */
  private static boolean isUtf16WithoutMark(byte[] bytes) {
    int n = Math.min(bytes.length & ~1, 200);
    if (n < 2) {
      return false;
    }
    boolean evenZero = true;
    boolean oddZero = true;
    for (int i = 0; i < n; i += 2) {
      evenZero &= bytes[i] == 0 && bytes[i + 1] != 0;
      oddZero &= bytes[i] != 0 && bytes[i + 1] == 0;
    }
    return evenZero || oddZero;
  }

  /** ASCII text in UTF-32: of each group of four of the first bytes, exactly three zero. */
  private static boolean isUtf32WithoutMark(byte[] bytes) {
    int n = Math.min(bytes.length & ~3, 200);
    if (n < 4) {
      return false;
    }
    for (int i = 0; i < n; i += 4) {
      int zeros = 0;
      for (int k = 0; k < 4; k++) {
        zeros += bytes[i + k] == 0 ? 1 : 0;
      }
      if (zeros != 3) {
        return false;
      }
    }
    return true;
  }
}

package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.datasets.InputEcho;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import io.gramian.kalman.SystemMatrix;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code SYSTEM.json}: a time-invariant state-space system as row-major nested arrays,
 *
 * <pre>
 *   {"F": [[…]], "c": […], "H": [[…]], "d": […],
 *    "cholQ": [[…]], "cholR": [[…]], "m0": […], "cholP0": [[…]]}
 * </pre>
 *
 * with F nx × nx, H ny × nx, cholQ nx × q, cholR ny × r, cholP0 nx × k (any number of columns, zero
 * included: {@code [[], []]} is a factor with two rows and no column), vectors c (length nx), d
 * (ny) and m0 (nx) as flat arrays; c and d default to zeros. Every problem is reported naming the
 * file and the key. Also writes a {@link SystemGradient} in the same layout.
 */
final class SystemJson {

  /** The optional key for exactly diffuse initial directions; written only when there are some. */
  static final String DIFFUSE_KEY = SystemMatrix.cholPinf.key();

  /**
   * The keys, in the order they are written: the names of the {@link SystemMatrix} values but the
   * optional {@link #DIFFUSE_KEY}.
   */
  static final List<String> KEYS =
      java.util.Arrays.stream(SystemMatrix.values())
          .map(SystemMatrix::key)
          .filter(key -> !key.equals(DIFFUSE_KEY))
          .toList();

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          // Python's json module writes NaN and Infinity; read them to report them by key.
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final String file;

  private SystemJson(String file) {
    this.file = file;
  }

  /**
   * Reads a system file.
   *
   * @throws CliException (bad input) naming the file and, where it applies, the key, row and entry
   */
  static StateSpaceSystem read(Path path) {
    return parse(path.toString(), InputFiles.readText(path));
  }

  /** Parses the JSON text of a system; {@code file} is the name used in messages. */
  static StateSpaceSystem parse(String file, String text) {
    return new SystemJson(file).parse(text);
  }

  private StateSpaceSystem parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      String why = e.getOriginalMessage().lines().findFirst().orElse("").trim();
      throw bad("not valid JSON" + where + ": " + why, e);
    }
    if (root == null || root.isMissingNode()) {
      throw bad("the file is empty; expected a JSON object with the keys " + keyList());
    }
    if (!root.isObject()) {
      throw bad("expected a JSON object with the keys " + keyList() + ", found " + describe(root));
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String key = entry.getKey();
      if (!KEYS.contains(key) && !key.equals(DIFFUSE_KEY)) {
        throw bad(
            "unknown key "
                + InputEcho.quoted(key)
                + "; the keys are "
                + keyList()
                + " (names are case-sensitive)");
      }
    }

    DMatrixRMaj F = matrix(root, "F", -1, "", -1, "");
    int nx = F.numRows;
    if (F.numCols != nx) {
      throw bad("\"F\" is " + nx + " x " + F.numCols + ", expected a square matrix");
    }
    DMatrixRMaj H = matrix(root, "H", -1, "", nx, "nx, the size of F");
    int ny = H.numRows;
    DMatrixRMaj c = vector(root, "c", nx, "nx, the size of F", false);
    DMatrixRMaj d = vector(root, "d", ny, "ny, the rows of H", false);
    DMatrixRMaj cholQ = matrix(root, "cholQ", nx, "nx, the size of F", -1, "");
    DMatrixRMaj cholR = matrix(root, "cholR", ny, "ny, the rows of H", -1, "");
    DMatrixRMaj m0 = vector(root, "m0", nx, "nx, the size of F", true);
    DMatrixRMaj cholP0 = matrix(root, "cholP0", nx, "nx, the size of F", -1, "");
    JsonNode pinf = root.get(DIFFUSE_KEY);
    DMatrixRMaj cholPinf =
        pinf == null || pinf.isNull()
            ? null
            : matrix(root, DIFFUSE_KEY, nx, "nx, the size of F", -1, "");
    try {
      return StateSpaceSystem.builder()
          .F(F)
          .c(c)
          .H(H)
          .d(d)
          .cholQ(cholQ)
          .cholR(cholR)
          .m0(m0)
          .cholP0(cholP0)
          .cholPinf(cholPinf)
          .build();
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage(), e);
    }
  }

  /**
   * A matrix under {@code key}: rows × cols, where a negative expected count means "any" (but at
   * least one row, and the same count in every row).
   */
  private DMatrixRMaj matrix(
      JsonNode root, String key, int rows, String rowsWhy, int cols, String colsWhy) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      throw bad("\"" + key + "\" is missing; it is required");
    }
    if (!node.isArray()) {
      throw bad(
          "\""
              + key
              + "\" must be a matrix written as nested arrays (a list of rows),"
              + " found "
              + describe(node));
    }
    int n = node.size();
    if (rows < 0 && n == 0) {
      throw bad("\"" + key + "\" is empty; it needs at least one row");
    }
    if (rows >= 0 && n != rows) {
      String hint =
          n == 0
              ? "; a factor with no columns is written as " + rows + " empty rows, like [[], []]"
              : "";
      throw bad(
          "\""
              + key
              + "\" has "
              + n
              + (n == 1 ? " row" : " rows")
              + ", expected "
              + rows
              + " ("
              + rowsWhy
              + ")"
              + hint);
    }
    int width = cols;
    String widthWhy = colsWhy;
    double[][] values = new double[n][];
    for (int i = 0; i < n; i++) {
      JsonNode row = node.get(i);
      if (!row.isArray()) {
        throw bad(
            "\""
                + key
                + "\" row "
                + (i + 1)
                + " is "
                + describe(row)
                + ", not an array;"
                + " a matrix is written as a list of rows, like [[1, 0], [0, 1]]");
      }
      if (width < 0) {
        width = row.size();
        widthWhy = "as in row 1";
      }
      if (row.size() != width) {
        throw bad(
            "\""
                + key
                + "\" row "
                + (i + 1)
                + " has "
                + row.size()
                + (row.size() == 1 ? " entry" : " entries")
                + ", expected "
                + width
                + " ("
                + widthWhy
                + ")");
      }
      values[i] = new double[width];
      for (int j = 0; j < width; j++) {
        values[i][j] = number(row.get(j), "\"" + key + "\" row " + (i + 1) + ", entry " + (j + 1));
      }
    }
    DMatrixRMaj m = new DMatrixRMaj(n, width);
    for (int i = 0; i < n; i++) {
      System.arraycopy(values[i], 0, m.data, i * width, width);
    }
    return m;
  }

  /** A flat array of {@code length} numbers under {@code key}; {@code null} when absent. */
  private DMatrixRMaj vector(JsonNode root, String key, int length, String why, boolean required) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      if (required) {
        throw bad("\"" + key + "\" is missing; it is required");
      }
      return null;
    }
    if (!node.isArray()) {
      throw bad(
          "\""
              + key
              + "\" must be a vector written as a flat array, like [0, 0], found "
              + describe(node));
    }
    if (node.size() != length) {
      throw bad(
          "\""
              + key
              + "\" has "
              + node.size()
              + (node.size() == 1 ? " entry" : " entries")
              + ", expected "
              + length
              + " ("
              + why
              + ")");
    }
    DMatrixRMaj v = new DMatrixRMaj(length, 1);
    for (int i = 0; i < length; i++) {
      JsonNode e = node.get(i);
      if (e.isArray()) {
        throw bad(
            "\""
                + key
                + "\" entry "
                + (i + 1)
                + " is an array; a vector is written as a"
                + " flat array, like [0, 0]");
      }
      v.data[i] = number(e, "\"" + key + "\" entry " + (i + 1));
    }
    return v;
  }

  private double number(JsonNode node, String where) {
    if (!node.isNumber()) {
      throw bad(where + " is " + describe(node) + ", expected a number");
    }
    double v = node.doubleValue();
    if (Double.isNaN(v)) {
      throw bad(where + " is NaN; every entry must be a finite number");
    }
    if (Double.isInfinite(v)) {
      throw bad(
          where
              + " is infinite (or too large for a double); every entry must be a finite"
              + " number");
    }
    return v;
  }

  private static String describe(JsonNode node) {
    if (node.isTextual()) {
      return "a string (" + InputEcho.quoted(node.asText()) + ")";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return "a number (" + node.asText() + ")";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isArray()) {
      return "an array";
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static String keyList() {
    return String.join(", ", KEYS) + " (and optionally " + DIFFUSE_KEY + ")";
  }

  private CliException bad(String message) {
    return CliException.badInput(file + ": " + message);
  }

  private CliException bad(String message, Throwable cause) {
    return CliException.badInput(file + ": " + message, cause);
  }

  // ---------------------------------------------------------------------------------------------
  // Writing

  /**
   * The gradient as a JSON object with the keys and shapes of a system file ({@code cholPinf} only
   * when the system has diffuse directions).
   */
  static ObjectNode gradientNode(SystemGradient g) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (String key : keys(g)) {
      DMatrixRMaj bar = g.matrices().get(SystemMatrix.ofKey(key));
      out.set(key, isVectorKey(key) ? vectorNode(bar) : matrixNode(bar));
    }
    return out;
  }

  /**
   * The keys of a gradient, in the order of {@link SystemMatrix}: {@link #KEYS}, then {@link
   * #DIFFUSE_KEY} when there are diffuse directions.
   */
  static List<String> keys(SystemGradient g) {
    if (g.cholPinfBar.numCols == 0) {
      return KEYS;
    }
    List<String> keys = new ArrayList<>(KEYS);
    keys.add(DIFFUSE_KEY);
    return keys;
  }

  /** True for the keys written as flat arrays. */
  static boolean isVectorKey(String key) {
    return SystemMatrix.ofKey(key).isVector();
  }

  static ArrayNode matrixNode(DMatrixRMaj m) {
    ArrayNode rows = JsonNodeFactory.instance.arrayNode(m.numRows);
    for (int i = 0; i < m.numRows; i++) {
      ArrayNode row = rows.addArray();
      for (int j = 0; j < m.numCols; j++) {
        row.add(m.unsafe_get(i, j));
      }
    }
    return rows;
  }

  static ArrayNode vectorNode(DMatrixRMaj v) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode(v.getNumElements());
    for (int i = 0; i < v.getNumElements(); i++) {
      out.add(v.data[i]);
    }
    return out;
  }

  /** Where the first non-finite entry of the gradient is, or {@code null} when all are finite. */
  static String firstNonFinite(SystemGradient g) {
    List<String> keys = keys(g);
    List<String> found = new ArrayList<>();
    for (int k = 0; k < keys.size() && found.isEmpty(); k++) {
      DMatrixRMaj m = g.matrices().get(SystemMatrix.ofKey(keys.get(k)));
      for (int i = 0; i < m.numRows && found.isEmpty(); i++) {
        for (int j = 0; j < m.numCols; j++) {
          if (!Double.isFinite(m.unsafe_get(i, j))) {
            found.add(
                "\""
                    + keys.get(k)
                    + "\" "
                    + (isVectorKey(keys.get(k))
                        ? "entry " + (i + 1)
                        : "row " + (i + 1) + ", entry " + (j + 1)));
            break;
          }
        }
      }
    }
    return found.isEmpty() ? null : found.get(0);
  }
}

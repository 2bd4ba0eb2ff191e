package io.gramian.estimation.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;

/**
 * A seeded random stable system and data simulated from it, for timing the command line on
 * realistic sizes (not a test):
 *
 * <pre>
 *   java -cp estimation/cli/target/test-classes:estimation/cli/target/gramian-cli-0.1.0-SNAPSHOT-all.jar \
 *       io.gramian.estimation.cli.SyntheticSystem DIR [T [nx [ny [seed [missing]]]]]
 * </pre>
 *
 * writes {@code DIR/system.json} and {@code DIR/data.csv} (an {@code index} column and {@code y1 …
 * y_ny}). Defaults: T = 50,000, nx = 10, ny = 3, seed = 1, and a fraction 0.01 of the values
 * missing. F is a Gaussian matrix scaled to spectral norm 0.95 (so stable), cholQ and cholR are
 * lower-triangular with positive diagonals, m0 = 0 and cholP0 = I.
 */
public final class SyntheticSystem {

  private SyntheticSystem() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: SyntheticSystem DIR [T [nx [ny [seed [missing]]]]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int T = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    int nx = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int ny = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    long seed = args.length > 4 ? Long.parseLong(args[4]) : 1L;
    double missing = args.length > 5 ? Double.parseDouble(args[5]) : 0.01;
    write(dir, T, nx, ny, seed, missing);
    System.out.printf(
        "wrote %s and %s (T = %d, nx = %d, ny = %d, seed = %d)%n",
        dir.resolve("system.json"), dir.resolve("data.csv"), T, nx, ny, seed);
  }

  /** Writes {@code system.json} and {@code data.csv} into {@code dir}. */
  public static void write(Path dir, int T, int nx, int ny, long seed, double missing)
      throws IOException {
    Random rnd = new Random(seed);
    DMatrixRMaj F = gaussian(nx, nx, 1.0, rnd);
    F.data = scale(F.data, 0.95 / NormOps_DDRM.normP2(F));
    double[] c = vector(nx, 0.1, rnd);
    DMatrixRMaj H = gaussian(ny, nx, 1.0, rnd);
    double[] d = vector(ny, 1.0, rnd);
    DMatrixRMaj cholQ = lowerTriangular(nx, 0.3, rnd);
    DMatrixRMaj cholR = lowerTriangular(ny, 0.5, rnd);
    double[] m0 = new double[nx];
    DMatrixRMaj cholP0 = new DMatrixRMaj(nx, nx);
    for (int i = 0; i < nx; i++) {
      cholP0.set(i, i, 1.0);
    }

    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.set("F", json.valueToTree(rows(F)));
    root.set("c", json.valueToTree(c));
    root.set("H", json.valueToTree(rows(H)));
    root.set("d", json.valueToTree(d));
    root.set("cholQ", json.valueToTree(rows(cholQ)));
    root.set("cholR", json.valueToTree(rows(cholR)));
    root.set("m0", json.valueToTree(m0));
    root.set("cholP0", json.valueToTree(rows(cholP0)));
    Files.createDirectories(dir);
    json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("system.json").toFile(), root);

    double[] x = new double[nx];
    for (int i = 0; i < nx; i++) {
      x[i] = m0[i] + rnd.nextGaussian(); // cholP0 = I
    }
    double[] w = new double[nx];
    double[] v = new double[ny];
    try (BufferedWriter out =
        Files.newBufferedWriter(dir.resolve("data.csv"), StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("index");
      for (int j = 1; j <= ny; j++) {
        header.append(",y").append(j);
      }
      out.write(header.append('\n').toString());
      StringBuilder line = new StringBuilder();
      for (int t = 0; t < T; t++) {
        line.setLength(0);
        line.append(t + 1);
        for (int j = 0; j < ny; j++) {
          v[j] = rnd.nextGaussian();
        }
        for (int i = 0; i < ny; i++) {
          double y = d[i];
          for (int k = 0; k < nx; k++) {
            y += H.get(i, k) * x[k];
          }
          for (int k = 0; k <= i; k++) {
            y += cholR.get(i, k) * v[k];
          }
          line.append(',');
          if (rnd.nextDouble() >= missing) {
            line.append(y);
          }
        }
        out.write(line.append('\n').toString());
        for (int k = 0; k < nx; k++) {
          w[k] = rnd.nextGaussian();
        }
        double[] next = new double[nx];
        for (int i = 0; i < nx; i++) {
          double s = c[i];
          for (int k = 0; k < nx; k++) {
            s += F.get(i, k) * x[k];
          }
          for (int k = 0; k <= i; k++) {
            s += cholQ.get(i, k) * w[k];
          }
          next[i] = s;
        }
        x = next;
      }
    }
  }

  private static DMatrixRMaj gaussian(int rows, int cols, double scale, Random rnd) {
    DMatrixRMaj m = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < m.data.length; i++) {
      m.data[i] = scale * rnd.nextGaussian();
    }
    return m;
  }

  private static DMatrixRMaj lowerTriangular(int n, double scale, Random rnd) {
    DMatrixRMaj m = new DMatrixRMaj(n, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        m.set(i, j, 0.3 * scale * rnd.nextGaussian());
      }
      m.set(i, i, scale * (0.5 + rnd.nextDouble()));
    }
    return m;
  }

  private static double[] vector(int n, double scale, Random rnd) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = scale * rnd.nextGaussian();
    }
    return v;
  }

  private static double[] scale(double[] a, double s) {
    for (int i = 0; i < a.length; i++) {
      a[i] *= s;
    }
    return a;
  }

  private static double[][] rows(DMatrixRMaj m) {
    double[][] r = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        r[i][j] = m.get(i, j);
      }
    }
    return r;
  }
}

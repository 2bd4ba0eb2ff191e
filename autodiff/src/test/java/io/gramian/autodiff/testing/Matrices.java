package io.gramian.autodiff.testing;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;

/**
 * Seeded random matrices and the error measure every module's tests share: Gaussian, positive,
 * fixed-rank and fixed-spectral-radius matrices drawn from a caller's {@link Random}, Frobenius
 * inner products, and {@link #relativeError(DMatrixRMaj, DMatrixRMaj)}.
 */
public final class Matrices {

  private Matrices() {}

  /** A rows × cols matrix of independent standard normal entries. */
  public static DMatrixRMaj gaussian(Random rng, int rows, int cols) {
    return gaussian(rng, rows, cols, 1.0);
  }

  /** A rows × cols matrix of independent normal entries with standard deviation {@code scale}. */
  public static DMatrixRMaj gaussian(Random rng, int rows, int cols, double scale) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = scale * rng.nextGaussian();
    }
    return A;
  }

  /** Entries in [0.5, 2), away from the singularities of log, sqrt, pow and div. */
  public static DMatrixRMaj positive(Random rng, int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = 0.5 + 1.5 * rng.nextDouble();
    }
    return A;
  }

  /** A random n × m matrix of exact rank r, as a product (n × r)(r × m) of Gaussians. */
  public static DMatrixRMaj ofRank(Random rng, int n, int m, int r) {
    if (r == 0) {
      return new DMatrixRMaj(n, m);
    }
    return CommonOps_DDRM.mult(gaussian(rng, n, r), gaussian(rng, r, m), null);
  }

  /** A random n × n matrix with spectral radius exactly {@code rho} (a scaled Gaussian). */
  public static DMatrixRMaj withSpectralRadius(Random rng, int n, double rho) {
    DMatrixRMaj F = gaussian(rng, n, n);
    double radius = 0;
    var eig = DecompositionFactory_DDRM.eig(n, false);
    eig.decompose(F.copy());
    for (int i = 0; i < n; i++) {
      radius = Math.max(radius, eig.getEigenvalue(i).getMagnitude());
    }
    CommonOps_DDRM.scale(rho / radius, F);
    return F;
  }

  /** The Frobenius inner product {@code Σ A_ij B_ij}. */
  public static double inner(DMatrixRMaj A, DMatrixRMaj B) {
    double s = 0;
    for (int i = 0; i < A.getNumElements(); i++) {
      s += A.data[i] * B.data[i];
    }
    return s;
  }

  /** ‖A‖_F. */
  public static double norm(DMatrixRMaj A) {
    return Math.sqrt(inner(A, A));
  }

  /** The Gram matrix {@code M Mᵀ} of a factor M (n × k gives n × n). */
  public static DMatrixRMaj gram(DMatrixRMaj M) {
    return CommonOps_DDRM.multTransB(M, M, null);
  }

  /** {@code A Bᵀ + B Aᵀ}. */
  public static DMatrixRMaj symmetricProduct(DMatrixRMaj A, DMatrixRMaj B) {
    DMatrixRMaj S = CommonOps_DDRM.multTransB(A, B, null);
    CommonOps_DDRM.multAddTransB(B, A, S);
    return S;
  }

  /**
   * ‖actual − expected‖_F / ‖expected‖_F, or the absolute error ‖actual − expected‖_F when expected
   * = 0.
   *
   * @throws IllegalArgumentException when the shapes differ
   */
  public static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
    if (actual.numRows != expected.numRows || actual.numCols != expected.numCols) {
      throw new IllegalArgumentException(
          "shapes differ: "
              + actual.numRows
              + " × "
              + actual.numCols
              + " and "
              + expected.numRows
              + " × "
              + expected.numCols);
    }
    DMatrixRMaj D = CommonOps_DDRM.subtract(actual, expected, null);
    double scale = norm(expected);
    return scale == 0 ? norm(D) : norm(D) / scale;
  }

  /** ‖actual − expected‖₂ / ‖expected‖₂ for a vector against a column. */
  public static double relativeError(double[] actual, DMatrixRMaj expected) {
    return relativeError(column(actual), expected);
  }

  /** ‖actual − expected‖₂ / ‖expected‖₂ for vectors. */
  public static double relativeError(double[] actual, double[] expected) {
    return relativeError(column(actual), column(expected));
  }

  /** Whether every entry is finite (no NaN, no infinity). */
  public static boolean allFinite(DMatrixRMaj A) {
    for (int i = 0; i < A.getNumElements(); i++) {
      if (!Double.isFinite(A.data[i])) {
        return false;
      }
    }
    return true;
  }

  /** The matrix with these rows. */
  public static DMatrixRMaj of(double[][] rows) {
    return new DMatrixRMaj(rows);
  }

  private static DMatrixRMaj column(double[] v) {
    return new DMatrixRMaj(v.length, 1, true, v);
  }

  /** Every entry of {@code actual} within {@code tol} of {@code expected}'s, the shapes equal. */
  public static void assertEntriesClose(
      DMatrixRMaj expected, DMatrixRMaj actual, double tol, String what) {
    org.junit.jupiter.api.Assertions.assertEquals(expected.numRows, actual.numRows, what + " rows");
    org.junit.jupiter.api.Assertions.assertEquals(expected.numCols, actual.numCols, what + " cols");
    for (int i = 0; i < expected.getNumElements(); i++) {
      org.junit.jupiter.api.Assertions.assertEquals(
          expected.data[i], actual.data[i], tol, what + " entry " + i);
    }
  }
}

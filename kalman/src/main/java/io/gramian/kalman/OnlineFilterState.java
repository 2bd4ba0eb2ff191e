package io.gramian.kalman;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A snapshot of an online filter, everything its next step depends on: the step count t, the
 * running ℓ, the mean m (nx × 1) and factor S (nx × s, P = S Sᵀ; s = k before the first predict, nx
 * after), and for an {@link OnlineSensitivityFilter} the tangents dm_j (nx × 1) and dS_j (nx × s)
 * along each of its n directions with the running gradient ∂ℓ/∂θ_j.
 *
 * <p>Restoring a snapshot makes the filter continue exactly as the one it was taken from would
 * have, to the last bit ({@link OnlineKalmanFilter#restore}, {@link
 * OnlineSensitivityFilter#restore}). {@link #toBytes()} and {@link #fromBytes(byte[])} write and
 * read it as a self-describing byte string (doubles as their IEEE 754 bits, so nothing is rounded),
 * for a restart or for keyed state in a streaming engine. Immutable: the accessors return copies.
 */
public final class OnlineFilterState {

  /** The first bytes of {@link #toBytes()}: the format's name and version. */
  private static final int MAGIC = 0x47524F31; // "GRO1"

  private final int step;
  private final double logLikelihood;
  private final DMatrixRMaj m;
  private final DMatrixRMaj S;
  private final DMatrixRMaj[] dm;
  private final DMatrixRMaj[] dS;
  private final double[] gradient;

  OnlineFilterState(
      int step,
      double logLikelihood,
      DMatrixRMaj m,
      DMatrixRMaj S,
      DMatrixRMaj[] dm,
      DMatrixRMaj[] dS,
      double[] gradient) {
    this.step = step;
    this.logLikelihood = logLikelihood;
    this.m = m.copy();
    this.S = S.copy();
    this.dm = new DMatrixRMaj[dm.length];
    this.dS = new DMatrixRMaj[dS.length];
    for (int j = 0; j < dm.length; j++) {
      this.dm[j] = dm[j].copy();
      this.dS[j] = dS[j].copy();
    }
    this.gradient = gradient.clone();
  }

  /** Predictions made before the snapshot (the index of the next step's matrices). */
  public int step() {
    return step;
  }

  /** Σ ℓ_t up to the snapshot. */
  public double logLikelihood() {
    return logLikelihood;
  }

  /** The mean, nx × 1 (a copy). */
  public DMatrixRMaj mean() {
    return m.copy();
  }

  /** The covariance factor, nx × s (a copy). */
  public DMatrixRMaj cholP() {
    return S.copy();
  }

  /**
   * Number n of directions whose tangents the snapshot carries (0 for an {@link
   * OnlineKalmanFilter}).
   */
  public int directions() {
    return dm.length;
  }

  /** ∂ℓ/∂θ_j summed up to the snapshot, length {@link #directions()} (a copy). */
  public double[] gradient() {
    return gradient.clone();
  }

  /** Number of states nx. */
  public int nx() {
    return m.numRows;
  }

  DMatrixRMaj meanView() {
    return m;
  }

  DMatrixRMaj cholPView() {
    return S;
  }

  DMatrixRMaj meanTangentView(int j) {
    return dm[j];
  }

  DMatrixRMaj cholPTangentView(int j) {
    return dS[j];
  }

  double[] gradientView() {
    return gradient;
  }

  /** The snapshot as bytes: a version tag, the sizes, then every number's IEEE 754 bits. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(step);
      out.writeDouble(logLikelihood);
      out.writeInt(m.numRows);
      out.writeInt(S.numCols);
      out.writeInt(dm.length);
      write(out, m);
      write(out, S);
      for (int j = 0; j < dm.length; j++) {
        write(out, dm[j]);
        write(out, dS[j]);
        out.writeDouble(gradient[j]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #toBytes()} wrote.
   *
   * @throws IllegalArgumentException if the bytes are not such a snapshot (wrong tag, sizes out of
   *     range, too short or too long)
   */
  public static OnlineFilterState fromBytes(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not an online filter snapshot (unknown format tag)");
      }
      int step = in.readInt();
      double logLikelihood = in.readDouble();
      int nx = in.readInt();
      int s = in.readInt();
      int n = in.readInt();
      long doubles = (long) nx * (1 + s) * (1 + n) + n;
      if (step < 0 || nx < 1 || s < 0 || n < 0 || doubles * 8 > bytes.length) {
        throw new IllegalArgumentException(
            "not an online filter snapshot (sizes nx=" + nx + ", s=" + s + ", n=" + n + ")");
      }
      DMatrixRMaj m = read(in, nx, 1);
      DMatrixRMaj S = read(in, nx, s);
      DMatrixRMaj[] dm = new DMatrixRMaj[n];
      DMatrixRMaj[] dS = new DMatrixRMaj[n];
      double[] gradient = new double[n];
      for (int j = 0; j < n; j++) {
        dm[j] = read(in, nx, 1);
        dS[j] = read(in, nx, s);
        gradient[j] = in.readDouble();
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException(
            "not an online filter snapshot (" + in.available() + " bytes after its end)");
      }
      return new OnlineFilterState(step, logLikelihood, m, S, dm, dS, gradient);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an online filter snapshot (it ends early)", e);
    }
  }

  private static void write(DataOutputStream out, DMatrixRMaj a) throws IOException {
    for (int i = 0; i < a.getNumElements(); i++) {
      out.writeDouble(a.data[i]);
    }
  }

  private static DMatrixRMaj read(DataInputStream in, int rows, int cols) throws IOException {
    DMatrixRMaj a = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < a.getNumElements(); i++) {
      a.data[i] = in.readDouble();
    }
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OnlineFilterState other && Arrays.equals(toBytes(), other.toBytes());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(toBytes());
  }
}

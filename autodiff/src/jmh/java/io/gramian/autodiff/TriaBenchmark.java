package io.gramian.autodiff;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of {@code tria} and of its reverse-mode derivative on the filter's predict block {@code M =
 * [F S, cholQ]} (n × 2n, q = nx = n), with every output owned by the caller.
 *
 * <ul>
 *   <li>{@link #tria}: {@code Tria.decompose(M, L, Q)} alone, the baseline;
 *   <li>{@link #triaWithoutQ}: {@code Tria.decompose(M, L)}, the L-only variant a forward pass
 *       without derivatives uses;
 *   <li>{@link #triaVjpMasked}: the decomposition followed by {@code TriaAdjoint.vjpAdd} with
 *       {@link TriaRule#MASKED} into a zeroed {@code MBar}, what one predict step of the reverse
 *       sweep costs when the factors are recomputed;
 *   <li>{@link #triaVjpPseudoinverse}: the same with {@link TriaRule#PSEUDOINVERSE} (SVD of L);
 *   <li>{@link #householder}, {@link #householderWithoutQ}: the same with {@link
 *       SparseHouseholderTria};
 *   <li>{@link #updateBlockTria}, {@link #updateBlockHouseholder}: L alone of the update block
 *       {@code [[H S, cholR], [S, 0]]} for one observation, (1 + n) × (n + 1);
 *   <li>{@link #shiftBlockTria}, {@link #shiftBlockHouseholder}: L alone of a structural predict
 *       block, F a shift with one free entry and one noisy state (n × (n + 1));
 *   <li>{@link #vjpMasked}: the masked VJP alone, on factors computed once, as when a forward sweep
 *       has stored them.
 * </ul>
 *
 * <p>Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the allocation per call, which the
 * workspace variants keep at zero. See {@code docs/benchmarks.md}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TriaBenchmark {

  /** Seed of the inputs; every size draws its own matrices from it. */
  private static final long SEED = 20261128L;

  /** State dimension nx; M is n × 2n. */
  @Param({"2", "5", "10", "20", "50"})
  public int n;

  private DMatrixRMaj M;
  private DMatrixRMaj LBar;
  private DMatrixRMaj MBar;
  private Tria tria;
  private SparseHouseholderTria householder;
  private DMatrixRMaj U;
  private DMatrixRMaj UL;
  private DMatrixRMaj shiftM;
  private TriaAdjoint adjoint;
  private TriaFactors factors;
  private TriaFactors storedFactors;

  @Setup(Level.Trial)
  public void setUp() {
    Random rng = new Random(SEED + n);
    DMatrixRMaj F = gaussian(rng, n, n);
    DMatrixRMaj S = lowerTriangular(rng, n);
    DMatrixRMaj cholQ = lowerTriangular(rng, n);
    DMatrixRMaj FS = CommonOps_DDRM.mult(F, S, null);
    M = new DMatrixRMaj(n, 2 * n);
    CommonOps_DDRM.insert(FS, M, 0, 0);
    CommonOps_DDRM.insert(cholQ, M, 0, n);
    LBar = gaussian(rng, n, n);
    MBar = new DMatrixRMaj(n, 2 * n);

    tria = new Tria(n + 1, 2 * n + 1);
    householder = new SparseHouseholderTria(n + 1, 2 * n + 1);
    // The update block [[H S, cholR], [S, 0]] for one observation, (1 + n) × (n + 1).
    DMatrixRMaj H = gaussian(rng, 1, n);
    U = new DMatrixRMaj(1 + n, n + 1);
    CommonOps_DDRM.insert(CommonOps_DDRM.mult(H, S, null), U, 0, 0);
    U.unsafe_set(0, n, 0.5);
    CommonOps_DDRM.insert(S, U, 1, 0);
    UL = new DMatrixRMaj(1 + n, 1 + n);
    // A structural predict block: F a shift with one free entry, one noisy state (q = 1).
    DMatrixRMaj shift = new DMatrixRMaj(n, n);
    shift.unsafe_set(0, 0, 0.9);
    for (int i = 1; i < n; i++) {
      shift.unsafe_set(i, i - 1, 1.0);
    }
    shiftM = new DMatrixRMaj(n, n + 1);
    CommonOps_DDRM.insert(CommonOps_DDRM.mult(shift, S, null), shiftM, 0, 0);
    shiftM.unsafe_set(0, n, 0.7);
    adjoint = new TriaAdjoint(n, 2 * n);
    factors = new TriaFactors(n, 2 * n);
    storedFactors = new TriaFactors(n, 2 * n);
    tria.decompose(M, storedFactors.L(), storedFactors.Q());
  }

  @Benchmark
  public DMatrixRMaj tria() {
    tria.decompose(M, factors.L(), factors.Q());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj triaWithoutQ() {
    tria.decompose(M, factors.L());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj householder() {
    householder.decompose(M, factors.L(), factors.Q());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj householderWithoutQ() {
    householder.decompose(M, factors.L());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj updateBlockTria() {
    tria.decompose(U, UL);
    return UL;
  }

  @Benchmark
  public DMatrixRMaj updateBlockHouseholder() {
    householder.decompose(U, UL);
    return UL;
  }

  @Benchmark
  public DMatrixRMaj shiftBlockTria() {
    tria.decompose(shiftM, factors.L());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj shiftBlockHouseholder() {
    householder.decompose(shiftM, factors.L());
    return factors.L();
  }

  @Benchmark
  public DMatrixRMaj triaVjpMasked() {
    return triaThenVjp(TriaRule.MASKED);
  }

  @Benchmark
  public DMatrixRMaj triaVjpPseudoinverse() {
    return triaThenVjp(TriaRule.PSEUDOINVERSE);
  }

  @Benchmark
  public DMatrixRMaj vjpMasked() {
    MBar.zero();
    adjoint.vjpAdd(TriaRule.MASKED, storedFactors.L(), storedFactors.Q(), LBar, MBar);
    return MBar;
  }

  private DMatrixRMaj triaThenVjp(TriaRule rule) {
    tria.decompose(M, factors.L(), factors.Q());
    MBar.zero();
    adjoint.vjpAdd(rule, factors.L(), factors.Q(), LBar, MBar);
    return MBar;
  }

  private static DMatrixRMaj gaussian(Random rng, int rows, int cols) {
    DMatrixRMaj A = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < A.getNumElements(); i++) {
      A.data[i] = rng.nextGaussian();
    }
    return A;
  }

  /** A lower-triangular factor with a positive diagonal, as a filter carries. */
  private static DMatrixRMaj lowerTriangular(Random rng, int size) {
    DMatrixRMaj A = new DMatrixRMaj(size, size);
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < i; j++) {
        A.unsafe_set(i, j, rng.nextGaussian());
      }
      A.unsafe_set(i, i, 1.0 + Math.abs(rng.nextGaussian()));
    }
    return A;
  }
}

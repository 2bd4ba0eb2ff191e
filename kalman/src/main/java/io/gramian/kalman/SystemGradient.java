package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * The gradient of the log-likelihood with respect to every entry of a time-invariant system's
 * matrices, {@code FBar = ∂ℓ/∂F} and so on, summed over time steps. Gradients with respect to a
 * factor are with respect to that factor's entries (ℓ depends on cholQ only through {@code Q =
 * cholQ cholQᵀ}, so {@code cholQBar = 2 Q̄ cholQ}).
 */
public final class SystemGradient implements AdjointAccumulator {

  public final DMatrixRMaj FBar;
  public final DMatrixRMaj cBar;
  public final DMatrixRMaj HBar;
  public final DMatrixRMaj dBar;
  public final DMatrixRMaj cholQBar;
  public final DMatrixRMaj cholRBar;
  public final DMatrixRMaj m0Bar;
  public final DMatrixRMaj cholP0Bar;
  public final DMatrixRMaj cholPinfBar;

  private final SystemMatrices<DMatrixRMaj> matrices;

  private final boolean[] accumulated = new boolean[SystemMatrix.values().length];

  /** The entries of F whose adjoints are formed, or null for all ({@link #FEntries}). */
  private final int[] FEntries;

  /** A zero gradient for systems of these dimensions, every adjoint computed. */
  public SystemGradient(Dimensions dims) {
    this(dims, java.util.EnumSet.allOf(SystemMatrix.class));
  }

  /**
   * A zero gradient for systems of these dimensions in which the reverse sweep computes only the
   * adjoints of {@code accumulated}; the others stay zero ({@link #accumulates}).
   */
  public SystemGradient(Dimensions dims, java.util.Set<SystemMatrix> accumulated) {
    this(dims, accumulated, null);
  }

  /**
   * As {@link #SystemGradient(Dimensions, java.util.Set)}, with F̄ formed only at {@code FEntries}
   * (row-major indices {@code i · nx + j}; null for all): the other entries of {@link #FBar} stay
   * zero.
   *
   * @throws IllegalArgumentException if an index is outside F
   */
  public SystemGradient(Dimensions dims, java.util.Set<SystemMatrix> accumulated, int[] FEntries) {
    if (FEntries != null) {
      for (int e : FEntries) {
        if (e < 0 || e >= dims.nx() * dims.nx()) {
          throw new IllegalArgumentException(
              "F has " + dims.nx() * dims.nx() + " entries, but entry " + e + " was asked for");
        }
      }
    }
    this.FEntries = FEntries == null ? null : FEntries.clone();
    for (SystemMatrix m : accumulated) {
      this.accumulated[m.ordinal()] = true;
    }
    matrices =
        SystemMatrices.<DMatrixRMaj>builder()
            .build()
            .map((m, none) -> new DMatrixRMaj(m.rows(dims), m.cols(dims)));
    FBar = matrices.F();
    cBar = matrices.c();
    HBar = matrices.H();
    dBar = matrices.d();
    cholQBar = matrices.cholQ();
    cholRBar = matrices.cholR();
    m0Bar = matrices.m0();
    cholP0Bar = matrices.cholP0();
    cholPinfBar = matrices.cholPinf();
  }

  /**
   * Sets every entry back to zero. Allocates nothing (so it names the fields rather than looping
   * over {@code SystemMatrix.values()}, which copies its array at every call).
   */
  public void zero() {
    FBar.zero();
    cBar.zero();
    HBar.zero();
    dBar.zero();
    cholQBar.zero();
    cholRBar.zero();
    m0Bar.zero();
    cholP0Bar.zero();
    cholPinfBar.zero();
  }

  /**
   * The adjoints by the name of their matrix ({@code matrices().cholQ()} is {@link #cholQBar}); the
   * matrices themselves, which the reverse sweep adds into.
   */
  public SystemMatrices<DMatrixRMaj> matrices() {
    return matrices;
  }

  /** The matrices whose adjoints the sweep computes. */
  public java.util.Set<SystemMatrix> accumulated() {
    java.util.Set<SystemMatrix> set = java.util.EnumSet.noneOf(SystemMatrix.class);
    for (SystemMatrix m : SystemMatrix.values()) {
      if (accumulated[m.ordinal()]) {
        set.add(m);
      }
    }
    return set;
  }

  @Override
  public boolean accumulates(SystemMatrix matrix) {
    return accumulated[matrix.ordinal()];
  }

  @Override
  public int[] FEntries() {
    return FEntries;
  }

  /** True: the same matrices at every step. */
  @Override
  public boolean sumsOverTime() {
    return true;
  }

  @Override
  public DMatrixRMaj FBar(int t) {
    return FBar;
  }

  @Override
  public DMatrixRMaj cBar(int t) {
    return cBar;
  }

  @Override
  public DMatrixRMaj HBar(int t) {
    return HBar;
  }

  @Override
  public DMatrixRMaj dBar(int t) {
    return dBar;
  }

  @Override
  public DMatrixRMaj cholQBar(int t) {
    return cholQBar;
  }

  @Override
  public DMatrixRMaj cholRBar(int t) {
    return cholRBar;
  }

  @Override
  public DMatrixRMaj m0Bar() {
    return m0Bar;
  }

  @Override
  public DMatrixRMaj cholP0Bar() {
    return cholP0Bar;
  }

  @Override
  public DMatrixRMaj cholPinfBar() {
    return cholPinfBar;
  }
}

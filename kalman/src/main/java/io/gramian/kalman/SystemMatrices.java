package io.gramian.kalman;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One value per {@link SystemMatrix}, by name: a system's matrices, their adjoints (a gradient), a
 * tangent direction, or the model tape's nodes of the same matrices. Immutable; a slot left out of
 * the builder holds {@code null}, which a consumer replaces by its default (zero intercepts and
 * mean, no diffuse direction).
 *
 * <pre>
 *   SystemMatrices&lt;DMatrixRMaj&gt; m =
 *       SystemMatrices.&lt;DMatrixRMaj&gt;builder().F(F).H(H).cholQ(cholQ).cholR(cholR).cholP0(P).build();
 * </pre>
 *
 * @param <T> the value held per matrix
 */
public final class SystemMatrices<T> {

  private final Object[] slots;

  private SystemMatrices(Object[] slots) {
    this.slots = slots;
  }

  /** A builder of plain {@code SystemMatrices}. */
  public static <T> Builder<T, SystemMatrices<T>> builder() {
    return new Builder<>(m -> m);
  }

  /** The value of one matrix, or {@code null} when it was left out. */
  @SuppressWarnings("unchecked")
  public T get(SystemMatrix which) {
    return (T) slots[which.ordinal()];
  }

  public T F() {
    return get(SystemMatrix.F);
  }

  public T c() {
    return get(SystemMatrix.c);
  }

  public T H() {
    return get(SystemMatrix.H);
  }

  public T d() {
    return get(SystemMatrix.d);
  }

  public T cholQ() {
    return get(SystemMatrix.cholQ);
  }

  public T cholR() {
    return get(SystemMatrix.cholR);
  }

  public T m0() {
    return get(SystemMatrix.m0);
  }

  public T cholP0() {
    return get(SystemMatrix.cholP0);
  }

  public T cholPinf() {
    return get(SystemMatrix.cholPinf);
  }

  /** The values mapped one by one (a slot left out is passed as {@code null}). */
  public <U> SystemMatrices<U> map(BiFunction<SystemMatrix, ? super T, ? extends U> f) {
    Object[] out = new Object[slots.length];
    for (SystemMatrix m : SystemMatrix.values()) {
      out[m.ordinal()] = f.apply(m, get(m));
    }
    return new SystemMatrices<>(out);
  }

  /**
   * Builds a value of type {@code R} from named matrices: {@link SystemMatrices} itself, or a
   * system ({@link StateSpaceSystem#builder()}). Setting a matrix twice keeps the last value.
   */
  public static final class Builder<T, R> {

    private final Object[] slots = new Object[SystemMatrix.values().length];
    private final Function<SystemMatrices<T>, R> finish;

    /** A builder that hands the collected matrices to {@code finish}. */
    public Builder(Function<SystemMatrices<T>, R> finish) {
      this.finish = finish;
    }

    public Builder<T, R> set(SystemMatrix which, T value) {
      slots[which.ordinal()] = value;
      return this;
    }

    /** Every matrix of {@code from} (including those it left out). */
    public Builder<T, R> setAll(SystemMatrices<? extends T> from) {
      for (SystemMatrix m : SystemMatrix.values()) {
        slots[m.ordinal()] = from.get(m);
      }
      return this;
    }

    /** Transition F, nx × nx. */
    public Builder<T, R> F(T F) {
      return set(SystemMatrix.F, F);
    }

    /** State intercept c, nx × 1 (default zero). */
    public Builder<T, R> c(T c) {
      return set(SystemMatrix.c, c);
    }

    /** Observation matrix H, ny × nx. */
    public Builder<T, R> H(T H) {
      return set(SystemMatrix.H, H);
    }

    /** Observation intercept d, ny × 1 (default zero). */
    public Builder<T, R> d(T d) {
      return set(SystemMatrix.d, d);
    }

    /** State-noise factor cholQ, nx × q. */
    public Builder<T, R> cholQ(T cholQ) {
      return set(SystemMatrix.cholQ, cholQ);
    }

    /** Observation-noise factor cholR, ny × r. */
    public Builder<T, R> cholR(T cholR) {
      return set(SystemMatrix.cholR, cholR);
    }

    /** Initial mean m0, nx × 1 (default zero). */
    public Builder<T, R> m0(T m0) {
      return set(SystemMatrix.m0, m0);
    }

    /** Initial factor cholP0, nx × k. */
    public Builder<T, R> cholP0(T cholP0) {
      return set(SystemMatrix.cholP0, cholP0);
    }

    /** Diffuse initial directions cholPinf, nx × d (default none). */
    public Builder<T, R> cholPinf(T cholPinf) {
      return set(SystemMatrix.cholPinf, cholPinf);
    }

    public R build() {
      return finish.apply(new SystemMatrices<>(slots.clone()));
    }
  }
}

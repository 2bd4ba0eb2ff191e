package io.gramian.autodiff;

/**
 * The product of the filter's blocks, skipping the zeros they are made of:
 *
 * <pre>
 *   C += α A B        A rows × inner,  B inner × cols,  C rows × cols
 * </pre>
 *
 * on row-major arrays addressed by offset and row stride, so that a block of a larger matrix is
 * read or written in place. A zero entry of A skips its row of B, and each row of B is used only up
 * to its last nonzero: a lower-triangular factor (S, L, cholQ) or a block with a zero right part
 * ({@code [S, 0]}) costs what its nonzeros cost, half of a dense product for a triangle. Each entry
 * of C receives its terms in increasing k, as an i-k-j product adds them, so skipping changes no
 * digit: the skipped terms are exact zeros. (A zero of A times an infinite or NaN entry of B is
 * skipped too, where a dense product would give NaN; the filter's blocks are checked finite where
 * they are triangularised.)
 *
 * <p>{@link #multAdd} runs with k outermost, so each row of B is scanned for its last nonzero once.
 * For a mostly nonzero A, {@link #multInto} and {@link #denseMultAdd} form each entry as a dot
 * product instead (four rows of A at a time, from k = j when B is lower triangular), with the same
 * nonzero terms in the same order: the same result to the bit. From {@link #AXPY_MIN_COLS} columns
 * those dot products run as row updates instead ({@link #axpyRows}), again the same sums in the
 * same order. Allocates nothing per call: the row updates use a scratch of each thread's own, grown
 * to the largest product it has taken (B's rows, inner × cols).
 */
public final class BlockProduct {

  /**
   * The smallest products {@link #multInto} takes as dot products: below four rows no block of four
   * forms, and below eight terms a sum the scans for A's zeros and B's shape cost more than the dot
   * products save (measured: at nx = 5 the filter's step was 7% slower with them, at nx = 10 the
   * same, from nx = 20 on 10 to 15% faster).
   */
  private static final int DOT_ROWS = 4;

  private static final int DOT_INNER = 8;

  /**
   * The smallest products (rows · inner · cols multiplications) {@link #denseMultInto} forms as dot
   * products, whatever their shape. With no scan for A's zeros the dot products win over {@link
   * #multAdd}'s tests for zeros on square sizes (5 × 5 × 5: 104 → 48 ns with a dense B, 90 → 52
   * with a triangular one; 7 × 7 × 7: 250 → 140 ns), and on the thin products of a step with one or
   * two observed rows too (the reverse sweep's {@code K H} and {@code (K₁₁ H + K₁₂) S⁻}: ℓ + ∇ at
   * nx = 5 with missing values 3% faster); below 16 products (nx = 1's 1 × 1 and 2 × 1 products)
   * they lose (5%), and plain dot products one entry at a time win ({@link #smallDots}: ℓ + ∇ at nx
   * = 1 with missing values 5% faster than with {@link #multAdd} on a zeroed C).
   */
  private static final int DENSE_DOT_PRODUCTS = 16;

  private BlockProduct() {}

  /**
   * C += α A B, A's rows read consecutively.
   *
   * @param a A's storage; row i starts at {@code aOffset + i · aStride}. Not modified.
   * @param b B's storage; row k starts at {@code bOffset + k · bStride}. Not modified.
   * @param c C's storage; row i starts at {@code cOffset + i · cStride}. Modified.
   */
  public static void multAdd(
      double alpha,
      int rows,
      int inner,
      int cols,
      double[] a,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    multAdd(
        alpha, rows, inner, cols, a, null, 0, aOffset, aStride, b, bOffset, bStride, c, cOffset,
        cStride);
  }

  /**
   * C += α A B where row i of A is row {@code aRows[aRowsOffset + i]} of a larger matrix (the
   * observed rows of H), or row i itself when {@code aRows} is null.
   *
   * @param aRows indices of A's rows in {@code a}, or {@code null}. Not modified.
   */
  public static void multAdd(
      double alpha,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    if (cols == 1) {
      column(
          alpha,
          rows,
          inner,
          a,
          aRows,
          aRowsOffset,
          aOffset,
          aStride,
          b,
          bOffset,
          bStride,
          c,
          cOffset,
          cStride);
      return;
    }
    for (int k = 0; k < inner; k++) {
      final int rowB = bOffset + k * bStride;
      int end = cols;
      while (end > 0 && b[rowB + end - 1] == 0.0) {
        end--;
      }
      if (end == 0) {
        continue;
      }
      for (int i = 0; i < rows; i++) {
        int rowA = aRows == null ? i : aRows[aRowsOffset + i];
        double aik = a[aOffset + rowA * aStride + k];
        if (aik == 0.0) {
          continue;
        }
        aik *= alpha;
        final int rowC = cOffset + i * cStride;
        for (int j = 0; j < end; j++) {
          c[rowC + j] += aik * b[rowB + j];
        }
      }
    }
  }

  /**
   * {@link #multAdd} for a single column of B and C (a mean, a whitened innovation), entry by
   * entry: {@code c_i += Σ_k (α A_ik) b_k} over the k where neither A_ik nor b_k is zero, in
   * increasing k. Those are the terms {@link #multAdd} adds, in its order (it skips A's zeros and
   * the rows of B that are zero), so the result is the same to the bit, without a loop over a row
   * of length one per term.
   */
  private static void column(
      double alpha,
      int rows,
      int inner,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    for (int i = 0; i < rows; i++) {
      final int r = aOffset + row(aRows, aRowsOffset, i) * aStride;
      final int ci = cOffset + i * cStride;
      double v = c[ci];
      for (int k = 0; k < inner; k++) {
        final double aik = a[r + k];
        final double bk = b[bOffset + k * bStride];
        if (aik != 0.0 && bk != 0.0) {
          v += (alpha * aik) * bk;
        }
      }
      c[ci] = v;
    }
  }

  /**
   * C = A B, overwriting C (A rows × inner, B inner × cols). For a mostly nonzero A each entry is
   * the dot product
   *
   * <pre>
   *   C_ij = Σ_{k ≥ k₀(j)} A_ik B_kj,   k₀(j) = j for a lower-triangular B (cols ≤ inner, zero above
   *   its diagonal), 0 otherwise
   * </pre>
   *
   * four rows of A at a time against each column of B, which keeps four independent sums in flight
   * where {@link #multAdd} runs a short update loop per entry of A; for a mostly zero A, or a small
   * product, {@link #multAdd} on a zeroed C, which skips A's zeros. Either way each entry receives
   * the same nonzero terms in increasing k, so the result is {@link #multAdd}'s to the bit (up to
   * the sign of an exact zero).
   *
   * @param aRows indices of A's rows in {@code a}, or {@code null}. Not modified.
   */
  public static void multInto(
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    into(
        false,
        false,
        rows,
        inner,
        cols,
        a,
        aRows,
        aRowsOffset,
        aOffset,
        aStride,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride);
  }

  /**
   * {@link #multInto} for an A its caller knows to be dense (an adjoint's G, G F or K), without the
   * scan for A's zeros: the same result.
   */
  public static void denseMultInto(
      int rows,
      int inner,
      int cols,
      double[] a,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    into(
        true, false, rows, inner, cols, a, null, 0, aOffset, aStride, b, bOffset, bStride, c,
        cOffset, cStride);
  }

  /**
   * {@link #denseMultInto} with A's row i the row {@code aRows[aRowsOffset + i]} of a larger matrix
   * (the observed rows of a dense H).
   */
  public static void denseMultInto(
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    denseMultInto(
        rows,
        inner,
        cols,
        a,
        aRows,
        aRowsOffset,
        aOffset,
        aStride,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride,
        false);
  }

  /**
   * {@link #denseMultInto} on selected rows of A, told whether B is lower triangular (cols ≤ inner,
   * zero above its diagonal: a triangularisation's factor L or S). With {@code bLower} B is not
   * scanned for that shape: the same dot products from k = j, the same result to the bit; a B with
   * a nonzero above its diagonal then gives a wrong product. Without it B is scanned, as {@link
   * #denseMultInto} does.
   *
   * @param aRows indices of A's rows in {@code a}, or {@code null}. Not modified.
   */
  public static void denseMultInto(
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride,
      boolean bLower) {
    into(
        true,
        bLower,
        rows,
        inner,
        cols,
        a,
        aRows,
        aRowsOffset,
        aOffset,
        aStride,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride);
  }

  /**
   * C = A B: for a dense A ({@code dense}) as dot products ({@link #smallDots} below {@link
   * #DENSE_DOT_PRODUCTS}), otherwise as dot products only for a large, mostly nonzero A, else
   * {@link #multAdd} on a zeroed C. The dot products start at k = j when B is lower triangular:
   * {@code bLower} says so, else B is scanned for it.
   */
  private static void into(
      boolean dense,
      boolean bLower,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    if (dense && rows * inner * cols < DENSE_DOT_PRODUCTS) {
      smallDots(
          bLower,
          rows,
          inner,
          cols,
          a,
          aRows,
          aRowsOffset,
          aOffset,
          aStride,
          b,
          bOffset,
          bStride,
          c,
          cOffset,
          cStride);
      return;
    }
    if (!dense
        && (rows < DOT_ROWS
            || inner < DOT_INNER
            || !mostlyNonzero(rows, inner, a, aRows, aRowsOffset, aOffset, aStride))) {
      zeroedMultAdd(
          rows,
          inner,
          cols,
          a,
          aRows,
          aRowsOffset,
          aOffset,
          aStride,
          b,
          bOffset,
          bStride,
          c,
          cOffset,
          cStride);
      return;
    }
    dots(
        false,
        false,
        bLower || lowerTriangular(inner, cols, b, bOffset, bStride),
        false,
        rows,
        inner,
        cols,
        a,
        aRows,
        aRowsOffset,
        aOffset,
        aStride,
        1,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride);
  }

  /**
   * C = A B for a dense A, below {@link #DENSE_DOT_PRODUCTS} multiplications (one observed entry of
   * a one-state model): one plain dot product per entry, in increasing k from 0 (from j for a
   * lower-triangular B, whose skipped terms are zeros), with neither the blocks of four nor {@link
   * #multAdd}'s zeroing of C and tests for zeros, which cost more than the few products.
   */
  private static void smallDots(
      boolean lowerTriangularB,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    for (int i = 0; i < rows; i++) {
      final int r = aOffset + row(aRows, aRowsOffset, i) * aStride;
      final int ci = cOffset + i * cStride;
      for (int j = 0; j < cols; j++) {
        double v = 0;
        for (int k = lowerTriangularB ? j : 0; k < inner; k++) {
          v += a[r + k] * b[bOffset + k * bStride + j];
        }
        c[ci + j] = v;
      }
    }
  }

  /** C = A B as {@link #multAdd} forms it, on C's rows zeroed first. */
  private static void zeroedMultAdd(
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    for (int i = 0; i < rows; i++) {
      java.util.Arrays.fill(c, cOffset + i * cStride, cOffset + i * cStride + cols, 0.0);
    }
    multAdd(
        1.0,
        rows,
        inner,
        cols,
        a,
        aRows,
        aRowsOffset,
        aOffset,
        aStride,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride);
  }

  /**
   * C += α A B, α = ±1, for an A its caller knows to be dense (an adjoint's G, K or G⁺), as dot
   * products four rows of A at a time without looking for zeros: each entry is {@code C_ij + Σ_k (α
   * A_ik) B_kj} with the terms in increasing k, {@link #multAdd}'s sum to the bit (for α = −1 the
   * sum runs on −C_ij and is negated back: rounding to nearest is symmetric, so every partial sum
   * is the negative of {@link #multAdd}'s).
   *
   * @throws IllegalArgumentException if α is not 1 or −1
   */
  public static void denseMultAdd(
      double alpha,
      int rows,
      int inner,
      int cols,
      double[] a,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    if (alpha != 1.0 && alpha != -1.0) {
      throw new IllegalArgumentException("denseMultAdd: α must be 1 or −1, got " + alpha);
    }
    dots(
        alpha < 0, true, false, false, rows, inner, cols, a, null, 0, aOffset, aStride, 1, b,
        bOffset, bStride, c, cOffset, cStride);
  }

  /**
   * C = ±A B, or C ±= A B when {@code accumulate} (minus when {@code negate}), entry by entry as
   * dot products in increasing k (from j when B is lower triangular), four rows of A at a time;
   * with {@code lowerOnly} (C square) only the blocks of four that reach the diagonal or below it.
   * Entry (i, k) of A at {@code aOffset + row_i · aStride + k · aStep}: A stored by rows (aStep 1),
   * or Aᵀ of a matrix stored by rows ({@link #transposeMult}: aStride 1, aStep its row stride).
   */
  private static void dots(
      boolean negate,
      boolean accumulate,
      boolean triangular,
      boolean lowerOnly,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      int aStep,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    if (cols >= AXPY_MIN_COLS && rows >= AXPY_MIN_ROWS) {
      axpyRows(
          negate,
          accumulate,
          triangular,
          lowerOnly,
          rows,
          inner,
          cols,
          a,
          aRows,
          aRowsOffset,
          aOffset,
          aStride,
          aStep,
          b,
          bOffset,
          bStride,
          c,
          cOffset,
          cStride);
      return;
    }
    int i = 0;
    for (; i + 3 < rows; i += 4) {
      final int r0 = aOffset + row(aRows, aRowsOffset, i) * aStride;
      final int r1 = aOffset + row(aRows, aRowsOffset, i + 1) * aStride;
      final int r2 = aOffset + row(aRows, aRowsOffset, i + 2) * aStride;
      final int r3 = aOffset + row(aRows, aRowsOffset, i + 3) * aStride;
      final int c0 = cOffset + i * cStride;
      final int c1 = c0 + cStride;
      final int c2 = c1 + cStride;
      final int c3 = c2 + cStride;
      final int end = lowerOnly ? Math.min(i + 4, cols) : cols;
      int j = 0;
      // four columns of B at a time: sixteen independent sums, four loads of A and four of B per
      // sixteen products (for a triangular B from the first column's k = j: the other columns'
      // extra terms are B's zeros above its diagonal)
      for (; j + 3 < end; j += 4) {
        double v00 = start(accumulate, negate, c[c0 + j + 0]);
        double v10 = start(accumulate, negate, c[c1 + j + 0]);
        double v20 = start(accumulate, negate, c[c2 + j + 0]);
        double v30 = start(accumulate, negate, c[c3 + j + 0]);
        double v01 = start(accumulate, negate, c[c0 + j + 1]);
        double v11 = start(accumulate, negate, c[c1 + j + 1]);
        double v21 = start(accumulate, negate, c[c2 + j + 1]);
        double v31 = start(accumulate, negate, c[c3 + j + 1]);
        double v02 = start(accumulate, negate, c[c0 + j + 2]);
        double v12 = start(accumulate, negate, c[c1 + j + 2]);
        double v22 = start(accumulate, negate, c[c2 + j + 2]);
        double v32 = start(accumulate, negate, c[c3 + j + 2]);
        double v03 = start(accumulate, negate, c[c0 + j + 3]);
        double v13 = start(accumulate, negate, c[c1 + j + 3]);
        double v23 = start(accumulate, negate, c[c2 + j + 3]);
        double v33 = start(accumulate, negate, c[c3 + j + 3]);
        for (int k = triangular ? j : 0; k < inner; k++) {
          final int rowB = bOffset + k * bStride + j;
          final double b0 = b[rowB + 0];
          final double b1 = b[rowB + 1];
          final double b2 = b[rowB + 2];
          final double b3 = b[rowB + 3];
          final double a0 = a[r0 + k * aStep];
          final double a1 = a[r1 + k * aStep];
          final double a2 = a[r2 + k * aStep];
          final double a3 = a[r3 + k * aStep];
          v00 += a0 * b0;
          v10 += a1 * b0;
          v20 += a2 * b0;
          v30 += a3 * b0;
          v01 += a0 * b1;
          v11 += a1 * b1;
          v21 += a2 * b1;
          v31 += a3 * b1;
          v02 += a0 * b2;
          v12 += a1 * b2;
          v22 += a2 * b2;
          v32 += a3 * b2;
          v03 += a0 * b3;
          v13 += a1 * b3;
          v23 += a2 * b3;
          v33 += a3 * b3;
        }
        c[c0 + j + 0] = negate ? -v00 : v00;
        c[c1 + j + 0] = negate ? -v10 : v10;
        c[c2 + j + 0] = negate ? -v20 : v20;
        c[c3 + j + 0] = negate ? -v30 : v30;
        c[c0 + j + 1] = negate ? -v01 : v01;
        c[c1 + j + 1] = negate ? -v11 : v11;
        c[c2 + j + 1] = negate ? -v21 : v21;
        c[c3 + j + 1] = negate ? -v31 : v31;
        c[c0 + j + 2] = negate ? -v02 : v02;
        c[c1 + j + 2] = negate ? -v12 : v12;
        c[c2 + j + 2] = negate ? -v22 : v22;
        c[c3 + j + 2] = negate ? -v32 : v32;
        c[c0 + j + 3] = negate ? -v03 : v03;
        c[c1 + j + 3] = negate ? -v13 : v13;
        c[c2 + j + 3] = negate ? -v23 : v23;
        c[c3 + j + 3] = negate ? -v33 : v33;
      }
      for (; j < end; j++) {
        double v0 = start(accumulate, negate, c[c0 + j]);
        double v1 = start(accumulate, negate, c[c1 + j]);
        double v2 = start(accumulate, negate, c[c2 + j]);
        double v3 = start(accumulate, negate, c[c3 + j]);
        for (int k = triangular ? j : 0; k < inner; k++) {
          final double bkj = b[bOffset + k * bStride + j];
          v0 += a[r0 + k * aStep] * bkj;
          v1 += a[r1 + k * aStep] * bkj;
          v2 += a[r2 + k * aStep] * bkj;
          v3 += a[r3 + k * aStep] * bkj;
        }
        c[c0 + j] = negate ? -v0 : v0;
        c[c1 + j] = negate ? -v1 : v1;
        c[c2 + j] = negate ? -v2 : v2;
        c[c3 + j] = negate ? -v3 : v3;
      }
    }
    for (; i < rows; i++) {
      // a row left over: four columns at a time, four independent sums again
      final int r = aOffset + row(aRows, aRowsOffset, i) * aStride;
      final int ci = cOffset + i * cStride;
      final int end = lowerOnly ? i + 1 : cols;
      int j = 0;
      for (; j + 3 < end; j += 4) {
        double v0 = start(accumulate, negate, c[ci + j]);
        double v1 = start(accumulate, negate, c[ci + j + 1]);
        double v2 = start(accumulate, negate, c[ci + j + 2]);
        double v3 = start(accumulate, negate, c[ci + j + 3]);
        for (int k = triangular ? j : 0; k < inner; k++) {
          final double aik = a[r + k * aStep];
          final int rowB = bOffset + k * bStride + j;
          v0 += aik * b[rowB];
          v1 += aik * b[rowB + 1];
          v2 += aik * b[rowB + 2];
          v3 += aik * b[rowB + 3];
        }
        c[ci + j] = negate ? -v0 : v0;
        c[ci + j + 1] = negate ? -v1 : v1;
        c[ci + j + 2] = negate ? -v2 : v2;
        c[ci + j + 3] = negate ? -v3 : v3;
      }
      for (; j < end; j++) {
        double v = start(accumulate, negate, c[ci + j]);
        for (int k = triangular ? j : 0; k < inner; k++) {
          v += a[r + k * aStep] * b[bOffset + k * bStride + j];
        }
        c[ci + j] = negate ? -v : v;
      }
    }
  }

  /**
   * C = Aᵀ B, or C += Aᵀ B when {@code accumulate}: {@code C_ij = (C_ij +) Σ_k A_ki B_kj} for A of
   * inner × rows and B of inner × cols, each entry a dot product in increasing k (from C_ij when
   * accumulating), four rows by four columns of C at a time: sixteen independent sums from eight
   * loads per k. With {@code lowerOnly} (C square) only the blocks of four rows and columns that
   * reach the diagonal or below it are formed: every entry on and below the diagonal, and some
   * above it, which the caller overwrites with its mirror. A product like {@code Fᵀ (G F)} or
   * {@code Hᵀ (K H)}, whose factors are stored by rows, without forming a transpose.
   *
   * @param a A's storage; row k starts at {@code aOffset + k · aStride}. Not modified.
   * @param b B's storage; row k starts at {@code bOffset + k · bStride}. Not modified.
   * @param c C's storage; row i starts at {@code cOffset + i · cStride}. Modified.
   */
  public static void transposeMult(
      boolean accumulate,
      boolean lowerOnly,
      int rows,
      int inner,
      int cols,
      double[] a,
      int aOffset,
      int aStride,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    // Aᵀ's row i is A's column i: it starts at aOffset + i, its entries aStride apart
    dots(
        false,
        accumulate,
        false,
        lowerOnly,
        rows,
        inner,
        cols,
        a,
        null,
        0,
        aOffset,
        1,
        aStride,
        b,
        bOffset,
        bStride,
        c,
        cOffset,
        cStride);
  }

  /**
   * C = S Sᵀ (rows × rows, row i of C at {@code cOffset + i · rows}) for S of rows × cols
   * (row-major, stride cols): {@code C_ij = Σ_k S_ik S_jk} for j ≤ i, mirrored onto C_ji so that C
   * is exactly symmetric; for a lower-triangular S ({@code lowerTriangular}, zero above its
   * diagonal) each sum runs to k ≤ j only, whose terms beyond are exact zeros (the same sums to the
   * bit, in half the products). A covariance from its factor.
   */
  public static void gramian(
      int rows, int cols, double[] s, boolean lowerTriangular, double[] c, int cOffset) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j <= i; j++) {
        final double sum = gramianEntry(cols, s, lowerTriangular, i, j);
        c[cOffset + i * rows + j] = sum;
        c[cOffset + j * rows + i] = sum;
      }
    }
  }

  /**
   * {@code Σ_k S_hi,k S_lo,k} for hi ≥ lo, in increasing k, over k ≤ lo when S is lower triangular:
   * an entry of {@link #gramian}, the same sum wherever it is asked for.
   */
  private static double gramianEntry(
      int cols, double[] s, boolean lowerTriangular, int hi, int lo) {
    final int end = lowerTriangular ? Math.min(lo + 1, cols) : cols;
    double sum = 0;
    for (int k = 0; k < end; k++) {
      sum += s[hi * cols + k] * s[lo * cols + k];
    }
    return sum;
  }

  /**
   * Rows {@code which[0 .. count)} of C = S Sᵀ and, by symmetry, the same columns: {@code C_rj =
   * C_jr = Σ_k S_rk S_jk} for every j, the sums of {@link #gramian} to the bit (over k ≤ min(r, j)
   * for a lower-triangular S). The other entries of C are left as they were. For a caller that
   * reads a few rows of a covariance: O(count · rows · cols) instead of O(rows² · cols).
   *
   * @param which the rows, each in [0, rows). Not modified.
   */
  public static void gramianRows(
      int rows,
      int cols,
      double[] s,
      boolean lowerTriangular,
      int[] which,
      int count,
      double[] c,
      int cOffset) {
    for (int w = 0; w < count; w++) {
      final int r = which[w];
      for (int j = 0; j < rows; j++) {
        final double sum = gramianEntry(cols, s, lowerTriangular, Math.max(r, j), Math.min(r, j));
        c[cOffset + r * rows + j] = sum;
        c[cOffset + j * rows + r] = sum;
      }
    }
  }

  /**
   * The fewest columns of C the dot products run as {@link #axpyRows}: a row of C as a vector loop
   * pays from about four vectors on. Measured on C = A B with a lower-triangular B (rows × n × n,
   * rows n and n / 2): against the dot products 1.07–1.11 times the time at n = 24, 0.94–0.98 at
   * 32, 0.81–0.88 at 40, 0.71–0.74 at 50, 0.65–0.66 at 64.
   */
  static final int AXPY_MIN_COLS = 32;

  /** The fewest rows: B is copied once per call, and eight rows keep the copy under an eighth. */
  static final int AXPY_MIN_ROWS = 8;

  /** B's rows as arrays of their own and one row of C: the scratch of {@link #axpyRows}. */
  private static final class RowSpace {
    double[][] bRows;
    double[] cRow = new double[0];

    /** Grows (never shrinks) to inner rows of B and cols columns. */
    void ensure(int inner, int cols) {
      bRows = RowArrays.atLeast(bRows, inner, cols);
      if (cRow.length < cols) {
        cRow = new double[cols];
      }
    }
  }

  private static final ThreadLocal<RowSpace> ROW_SPACE = ThreadLocal.withInitial(RowSpace::new);

  /**
   * {@link #dots}'s entries, the same sums in the same order, as row updates: B's rows are copied
   * into arrays of their own, and row i of C is accumulated in one array as {@code c_i ← c_i + a_ik
   * b_k + a_i,k+1 b_k+1 + a_i,k+2 b_k+2 + a_i,k+3 b_k+3} over k, each entry taking its terms in
   * increasing k from the same start. As every array of the update is indexed alike, C2 compiles it
   * to vector instructions (a dot product is a chain of dependent additions, and an update of
   * arrays at different offsets stays scalar): at nx = 50 with missing values ℓ + ∇ 14% faster, ℓ
   * 8%. For a lower-triangular B row k is read up to its diagonal (a block of four rows to its last
   * row's, over zeros), and with {@code lowerOnly} each row of C takes the entries {@link #dots}
   * writes: a block of four rows up to its last row's diagonal, a row left over up to its own.
   */
  private static void axpyRows(
      boolean negate,
      boolean accumulate,
      boolean triangular,
      boolean lowerOnly,
      int rows,
      int inner,
      int cols,
      double[] a,
      int[] aRows,
      int aRowsOffset,
      int aOffset,
      int aStride,
      int aStep,
      double[] b,
      int bOffset,
      int bStride,
      double[] c,
      int cOffset,
      int cStride) {
    final int blockRows = rows - rows % 4;
    final RowSpace space = ROW_SPACE.get();
    space.ensure(inner, cols);
    final double[][] bRows = space.bRows;
    final double[] v = space.cRow;
    for (int k = 0; k < inner; k++) {
      System.arraycopy(b, bOffset + k * bStride, bRows[k], 0, cols);
    }
    for (int i = 0; i < rows; i++) {
      final int r = aOffset + row(aRows, aRowsOffset, i) * aStride;
      final int ci = cOffset + i * cStride;
      // the entries dots writes: with lowerOnly, a block of four rows up to its last row's diagonal
      final int width = !lowerOnly ? cols : Math.min(cols, i < blockRows ? i - i % 4 + 4 : i + 1);
      for (int j = 0; j < width; j++) {
        v[j] = start(accumulate, negate, c[ci + j]);
      }
      int k = 0;
      for (; k + 3 < inner; k += 4) {
        final double a0 = a[r + k * aStep];
        final double a1 = a[r + (k + 1) * aStep];
        final double a2 = a[r + (k + 2) * aStep];
        final double a3 = a[r + (k + 3) * aStep];
        final double[] b0 = bRows[k];
        final double[] b1 = bRows[k + 1];
        final double[] b2 = bRows[k + 2];
        final double[] b3 = bRows[k + 3];
        final int end = triangular ? Math.min(k + 4, width) : width;
        for (int j = 0; j < end; j++) {
          v[j] = v[j] + a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
      }
      for (; k < inner; k++) {
        final double a0 = a[r + k * aStep];
        final double[] b0 = bRows[k];
        final int end = triangular ? Math.min(k + 1, width) : width;
        for (int j = 0; j < end; j++) {
          v[j] += a0 * b0[j];
        }
      }
      for (int j = 0; j < width; j++) {
        c[ci + j] = negate ? -v[j] : v[j];
      }
    }
  }

  /** A dot product's starting value: 0, or C's entry (negated when the sum runs negated). */
  private static double start(boolean accumulate, boolean negate, double cij) {
    return accumulate ? (negate ? -cij : cij) : 0.0;
  }

  private static int row(int[] aRows, int aRowsOffset, int i) {
    return aRows == null ? i : aRows[aRowsOffset + i];
  }

  /** Whether B (inner × cols, cols ≤ inner) is zero above its diagonal. */
  private static boolean lowerTriangular(
      int inner, int cols, double[] b, int bOffset, int bStride) {
    if (cols > inner) {
      return false;
    }
    for (int k = 0; k < inner; k++) {
      final int rowB = bOffset + k * bStride;
      for (int j = k + 1; j < cols; j++) {
        if (b[rowB + j] != 0.0) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether more than half of the entries of A (rows × cols, row-major, contiguous) are nonzero:
   * the test {@link #multInto} makes, for a caller that makes it once for an A that does not change
   * (a time-invariant H) and then picks its product.
   */
  public static boolean mostlyNonzero(int rows, int cols, double[] a) {
    return mostlyNonzero(rows, cols, a, null, 0, 0, cols);
  }

  /**
   * Whether B (rows × cols, row-major, contiguous) is lower triangular: cols ≤ rows and every entry
   * above the diagonal zero, the test {@link #multInto}'s dot products make before they skip those
   * entries.
   */
  public static boolean lowerTriangular(int rows, int cols, double[] b) {
    return lowerTriangular(rows, cols, b, 0, cols);
  }

  /**
   * Whether more than half of A's entries are nonzero (then skipping its zeros saves little); stops
   * at the first half's worth of zeros, so a sparse A costs half a scan.
   */
  private static boolean mostlyNonzero(
      int rows, int inner, double[] a, int[] aRows, int aRowsOffset, int aOffset, int aStride) {
    final int limit = (rows * inner + 1) / 2; // this many zeros: not mostly nonzero
    int zeros = 0;
    for (int i = 0; i < rows; i++) {
      final int r = aOffset + row(aRows, aRowsOffset, i) * aStride;
      for (int k = 0; k < inner; k++) {
        if (a[r + k] == 0.0 && ++zeros >= limit) {
          return false;
        }
      }
    }
    return true;
  }
}

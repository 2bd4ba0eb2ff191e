package io.gramian.autodiff;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gramian.autodiff.testing.Allocation;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockProduct} against a dense i-k-j product written out here, which adds every term, zero
 * or not, in the same order: skipping exact zeros must change no bit. The operands carry the
 * filter's zero patterns (a lower triangle, a zero right block, zero rows and scattered zeros), sit
 * inside larger arrays at offsets and strides, and A's rows are selected through an index.
 */
class BlockProductTest {

  private static final int CASES = 200;

  /** A rows × cols block at {@code offset} with row stride {@code stride}, in a larger array. */
  private record Block(double[] data, int offset, int stride) {}

  private static Block block(Random rng, int rows, int cols, int pattern) {
    int offset = rng.nextInt(3);
    int stride = cols + rng.nextInt(3);
    double[] data = new double[offset + rows * stride + 2];
    for (int i = 0; i < data.length; i++) {
      data[i] = rng.nextGaussian(); // padding around the block too: it must not be read
    }
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        boolean zero =
            switch (pattern) {
              case 0 -> false; // dense
              case 1 -> j > i; // lower triangle
              case 2 -> j >= cols / 2; // [S, 0]: a zero right block
              case 3 -> i % 3 == 1; // zero rows
              default -> rng.nextDouble() < 0.4; // scattered zeros
            };
        if (zero) {
          data[offset + i * stride + j] = 0.0;
        }
      }
    }
    return new Block(data, offset, stride);
  }

  @Test
  void skippingZerosChangesNoBit() {
    Random rng = new Random(20261205);
    for (int trial = 0; trial < CASES; trial++) {
      int rows = 1 + rng.nextInt(9);
      int inner = 1 + rng.nextInt(9);
      int cols = 1 + rng.nextInt(9);
      double alpha = trial % 2 == 0 ? 1.0 : -0.7;
      int aSource = rows + rng.nextInt(3);
      Block a = block(rng, aSource, inner, rng.nextInt(5));
      Block b = block(rng, inner, cols, rng.nextInt(5));
      Block c = block(rng, rows, cols, 0);
      int[] index = null;
      int indexOffset = 0;
      if (trial % 3 == 0) {
        indexOffset = rng.nextInt(2);
        index = new int[indexOffset + rows];
        for (int i = 0; i < rows; i++) {
          index[indexOffset + i] = rng.nextInt(aSource);
        }
      }
      double[] expected = c.data().clone();
      for (int i = 0; i < rows; i++) {
        int rowA = index == null ? i : index[indexOffset + i];
        for (int k = 0; k < inner; k++) {
          double aik = alpha * a.data()[a.offset() + rowA * a.stride() + k];
          for (int j = 0; j < cols; j++) {
            expected[c.offset() + i * c.stride() + j] +=
                aik * b.data()[b.offset() + k * b.stride() + j];
          }
        }
      }
      double[] actual = c.data().clone();
      if (index == null && trial % 2 == 0) {
        BlockProduct.multAdd(
            alpha,
            rows,
            inner,
            cols,
            a.data(),
            a.offset(),
            a.stride(),
            b.data(),
            b.offset(),
            b.stride(),
            actual,
            c.offset(),
            c.stride());
      } else {
        BlockProduct.multAdd(
            alpha,
            rows,
            inner,
            cols,
            a.data(),
            index,
            indexOffset,
            a.offset(),
            a.stride(),
            b.data(),
            b.offset(),
            b.stride(),
            actual,
            c.offset(),
            c.stride());
      }
      for (int e = 0; e < expected.length; e++) {
        assertTrue(
            expected[e] == actual[e],
            "case " + trial + ", entry " + e + ": " + actual[e] + " instead of " + expected[e]);
      }
    }
  }

  /**
   * The dot-product forms add each entry's terms in the same order as {@link BlockProduct#multAdd}:
   * {@code multInto} against multAdd on a zeroed C (dense and sparse A, triangular and general B,
   * selected rows), {@code denseMultAdd} with α = ±1 against multAdd on the same C, {@code
   * denseMultInto} (and, for a lower-triangular B, told so) against multAdd on a zeroed C, to the
   * bit.
   */
  @Test
  void dotProductFormsEqualMultAddToTheBit() {
    Random rng = new Random(20261206);
    for (int trial = 0; trial < CASES; trial++) {
      // every fifth product wide enough for the row updates (BlockProduct.axpyRows)
      boolean wide = trial % 5 == 4;
      int rows = wide ? BlockProduct.AXPY_MIN_ROWS + rng.nextInt(12) : 1 + rng.nextInt(11);
      int inner = wide ? BlockProduct.AXPY_MIN_COLS + rng.nextInt(16) : 1 + rng.nextInt(11);
      int cols = // ≤ inner, so that B may be lower triangular
          wide
              ? BlockProduct.AXPY_MIN_COLS + rng.nextInt(inner - BlockProduct.AXPY_MIN_COLS + 1)
              : 1 + rng.nextInt(inner);
      int aSource = rows + rng.nextInt(3);
      Block a = block(rng, aSource, inner, trial % 3 == 0 ? 4 : 0); // scattered zeros or dense
      Block b = block(rng, inner, cols, trial % 2 == 0 ? 1 : 0); // lower triangle or dense
      int[] index = null;
      int indexOffset = 0;
      if (trial % 4 == 0) {
        indexOffset = rng.nextInt(2);
        index = new int[indexOffset + rows];
        for (int i = 0; i < rows; i++) {
          index[indexOffset + i] = rng.nextInt(aSource);
        }
      }
      Block c = block(rng, rows, cols, 0);
      double[] expected = c.data().clone();
      for (int i = 0; i < rows; i++) {
        java.util.Arrays.fill(
            expected, c.offset() + i * c.stride(), c.offset() + i * c.stride() + cols, 0.0);
      }
      BlockProduct.multAdd(
          1.0,
          rows,
          inner,
          cols,
          a.data(),
          index,
          indexOffset,
          a.offset(),
          a.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          expected,
          c.offset(),
          c.stride());
      double[] actual = c.data().clone();
      BlockProduct.multInto(
          rows,
          inner,
          cols,
          a.data(),
          index,
          indexOffset,
          a.offset(),
          a.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          actual,
          c.offset(),
          c.stride());
      assertSame(expected, actual, "multInto, case " + trial);
      Block dense = block(rng, rows, inner, 0);
      for (double alpha : new double[] {1.0, -1.0}) {
        double[] sum = c.data().clone();
        BlockProduct.multAdd(
            alpha,
            rows,
            inner,
            cols,
            dense.data(),
            dense.offset(),
            dense.stride(),
            b.data(),
            b.offset(),
            b.stride(),
            sum,
            c.offset(),
            c.stride());
        double[] dots = c.data().clone();
        BlockProduct.denseMultAdd(
            alpha,
            rows,
            inner,
            cols,
            dense.data(),
            dense.offset(),
            dense.stride(),
            b.data(),
            b.offset(),
            b.stride(),
            dots,
            c.offset(),
            c.stride());
        assertSame(sum, dots, "denseMultAdd α = " + alpha + ", case " + trial);
      }
      double[] product = c.data().clone();
      for (int i = 0; i < rows; i++) {
        java.util.Arrays.fill(
            product, c.offset() + i * c.stride(), c.offset() + i * c.stride() + cols, 0.0);
      }
      BlockProduct.multAdd(
          1.0,
          rows,
          inner,
          cols,
          dense.data(),
          dense.offset(),
          dense.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          product,
          c.offset(),
          c.stride());
      double[] into = c.data().clone();
      BlockProduct.denseMultInto(
          rows,
          inner,
          cols,
          dense.data(),
          dense.offset(),
          dense.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          into,
          c.offset(),
          c.stride());
      assertSame(product, into, "denseMultInto, case " + trial);
      if (trial % 2 == 0) { // B lower triangular
        double[] lower = c.data().clone();
        BlockProduct.denseMultInto(
            rows,
            inner,
            cols,
            dense.data(),
            null,
            0,
            dense.offset(),
            dense.stride(),
            b.data(),
            b.offset(),
            b.stride(),
            lower,
            c.offset(),
            c.stride(),
            true);
        assertSame(product, lower, "denseMultInto told B is lower, case " + trial);
      }
    }
    assertThrows(
        IllegalArgumentException.class,
        () ->
            BlockProduct.denseMultAdd(
                0.5, 1, 1, 1, new double[1], 0, 1, new double[1], 0, 1, new double[1], 0, 1));
  }

  /**
   * denseMultInto on selected rows of A (a dense H's observed rows) equals multAdd's, to the bit.
   */
  @Test
  void denseMultIntoOnSelectedRowsEqualsMultAdd() {
    Random rng = new Random(20261207);
    for (int trial = 0; trial < CASES; trial++) {
      int rows = 1 + rng.nextInt(6);
      int inner = 1 + rng.nextInt(11);
      int cols = 1 + rng.nextInt(inner);
      int source = rows + rng.nextInt(4);
      Block a = block(rng, source, inner, 0);
      Block b = block(rng, inner, cols, trial % 2 == 0 ? 1 : 0);
      int offset = rng.nextInt(2);
      int[] index = new int[offset + rows];
      for (int i = 0; i < rows; i++) {
        index[offset + i] = rng.nextInt(source);
      }
      Block c = block(rng, rows, cols, 0);
      double[] expected = c.data().clone();
      for (int i = 0; i < rows; i++) {
        int row = c.offset() + i * c.stride();
        java.util.Arrays.fill(expected, row, row + cols, 0.0);
      }
      BlockProduct.multAdd(
          1.0,
          rows,
          inner,
          cols,
          a.data(),
          index,
          offset,
          a.offset(),
          a.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          expected,
          c.offset(),
          c.stride());
      double[] actual = c.data().clone();
      BlockProduct.denseMultInto(
          rows,
          inner,
          cols,
          a.data(),
          index,
          offset,
          a.offset(),
          a.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          actual,
          c.offset(),
          c.stride());
      assertSame(expected, actual, "case " + trial);
    }
  }

  /**
   * {@code transposeMult} against each entry's plain dot product in increasing k (from C's entry
   * when accumulating), to the bit: every entry when not {@code lowerOnly}, every entry on and
   * below the diagonal when it is; C's entries outside the block untouched either way.
   */
  @Test
  void transposeMultEqualsPlainDotProductsToTheBit() {
    Random rng = new Random(20261207);
    for (int trial = 0; trial < CASES; trial++) {
      boolean lowerOnly = trial % 3 == 0;
      boolean accumulate = trial % 2 == 0;
      // every fifth product wide enough for the row updates (BlockProduct.axpyRows)
      int least = trial % 5 == 4 ? BlockProduct.AXPY_MIN_COLS : 1;
      int rows = least + rng.nextInt(13);
      int cols = lowerOnly ? rows : least + rng.nextInt(13);
      int inner = 1 + rng.nextInt(13);
      Block a = block(rng, inner, rows, 0);
      Block b = block(rng, inner, cols, 0);
      Block c = block(rng, rows, cols, 0);
      double[] actual = c.data().clone();
      BlockProduct.transposeMult(
          accumulate,
          lowerOnly,
          rows,
          inner,
          cols,
          a.data(),
          a.offset(),
          a.stride(),
          b.data(),
          b.offset(),
          b.stride(),
          actual,
          c.offset(),
          c.stride());
      double[] expected = c.data().clone();
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < cols; j++) {
          int at = c.offset() + i * c.stride() + j;
          double v = accumulate ? expected[at] : 0.0;
          for (int k = 0; k < inner; k++) {
            v +=
                a.data()[a.offset() + k * a.stride() + i]
                    * b.data()[b.offset() + k * b.stride() + j];
          }
          expected[at] = v;
          if (lowerOnly && j > i) {
            expected[at] = actual[at]; // above the diagonal: left to the caller's mirror
          }
        }
      }
      assertSame(expected, actual, "transposeMult, case " + trial);
    }
  }

  /**
   * Products wide enough for the row updates allocate nothing per call once their thread's scratch
   * has grown to the largest of them (a smaller product after a larger one reuses it).
   */
  @Test
  void rowUpdatesAllocateNothingPerCall() {
    Random rng = new Random(20261208);
    int n = 2 * BlockProduct.AXPY_MIN_COLS;
    double[] a = new double[n * n];
    double[] b = new double[n * n];
    double[] c = new double[n * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextGaussian();
      b[i] = rng.nextGaussian();
    }
    int small = BlockProduct.AXPY_MIN_COLS;
    int calls = 2_000;
    long allocated =
        Allocation.ofWarmLoop(
            calls,
            () -> {
              BlockProduct.denseMultInto(n, n, n, a, 0, n, b, 0, n, c, 0, n);
              BlockProduct.denseMultInto(small, small, small, a, 0, n, b, 0, n, c, 0, n);
            });
    assertTrue(
        allocated <= Allocation.WARM_LOOP_ALLOWANCE, allocated + " bytes over " + calls + " calls");
  }

  /**
   * S Sᵀ against every term added in increasing k, and a few of its rows ({@link
   * BlockProduct#gramianRows}) against the whole to the bit: the listed rows and columns equal the
   * whole gramian's, every other entry is left as it was. S general or lower triangular, square or
   * wider; rows listed in any order, none or all of them.
   */
  @Test
  void gramianRowsEqualTheWholeGramianToTheBit() {
    Random rng = new Random(20261209);
    for (int trial = 0; trial < CASES; trial++) {
      int rows = 1 + rng.nextInt(30);
      boolean triangular = trial % 2 == 0;
      int cols = triangular ? rows : rows + rng.nextInt(5);
      double[] s = new double[rows * cols];
      for (int i = 0; i < rows; i++) {
        for (int k = 0; k < cols; k++) {
          s[i * cols + k] = triangular && k > i ? 0.0 : rng.nextGaussian();
        }
      }
      int offset = rng.nextInt(3);
      double[] whole = new double[offset + rows * rows];
      BlockProduct.gramian(rows, cols, s, triangular, whole, offset);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < rows; j++) {
          double sum = 0;
          for (int k = 0; k < cols; k++) {
            sum += s[i * cols + k] * s[j * cols + k];
          }
          assertTrue(
              sum == whole[offset + i * rows + j],
              "case " + trial + ": (" + i + ", " + j + ") " + whole[offset + i * rows + j]);
        }
      }
      int[] which = new int[rows];
      int count = trial % 7 == 0 ? 0 : trial % 7 == 1 ? rows : rng.nextInt(rows + 1);
      boolean[] listed = new boolean[rows];
      for (int w = 0; w < count; w++) {
        int r;
        do {
          r = rng.nextInt(rows);
        } while (listed[r]);
        listed[r] = true;
        which[w] = r;
      }
      double[] before = new double[whole.length];
      for (int e = 0; e < before.length; e++) {
        before[e] = rng.nextGaussian();
      }
      double[] some = before.clone();
      BlockProduct.gramianRows(rows, cols, s, triangular, which, count, some, offset);
      for (int e = 0; e < some.length; e++) {
        int i = (e - offset) / rows;
        int j = (e - offset) % rows;
        boolean read = e >= offset && (listed[i] || listed[j]);
        double expected = read ? whole[e] : before[e];
        assertTrue(
            Double.doubleToLongBits(expected) == Double.doubleToLongBits(some[e]),
            "case " + trial + ", entry " + e + ": " + some[e] + " instead of " + expected);
      }
    }
  }

  /** The shape tests callers make once: more than half nonzero; square or tall, zero above. */
  @Test
  void shapeTests() {
    assertTrue(BlockProduct.mostlyNonzero(2, 2, new double[] {1, 2, 3, 0}));
    assertFalse(BlockProduct.mostlyNonzero(2, 2, new double[] {1, 0, 3, 0}), "half is not more");
    assertFalse(BlockProduct.mostlyNonzero(1, 3, new double[] {1, 0, 0}));
    assertTrue(BlockProduct.lowerTriangular(2, 2, new double[] {1, 0, 3, 4}));
    assertTrue(BlockProduct.lowerTriangular(3, 2, new double[] {1, 0, 3, 4, 5, 6}), "tall");
    assertFalse(BlockProduct.lowerTriangular(2, 2, new double[] {1, 1e-300, 3, 4}));
    assertFalse(BlockProduct.lowerTriangular(2, 3, new double[] {1, 0, 0, 3, 4, 0}), "wide");
  }

  private static void assertSame(double[] expected, double[] actual, String what) {
    for (int e = 0; e < expected.length; e++) {
      assertTrue(
          expected[e] == actual[e],
          what + ", entry " + e + ": " + actual[e] + " instead of " + expected[e]);
    }
  }
}

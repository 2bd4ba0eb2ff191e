package io.gramian.autodiff.tape;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Building matrices from parts and taking parts of matrices; each is a copy of entries, so its
 * adjoint copies them back, and its tangent is the same copy of the parts' tangents:
 *
 * <pre>
 *   Y = fromEntries(s₀₀, s₀₁, …)  (r × c):   s̄_ij += Ȳ_ij
 *   Y = [[B₀₀, B₀₁, …], …]:                   B̄_pq += the block (p, q) of Ȳ
 *   Y = X[r0:r1, c0:c1]:                      X̄[r0:r1, c0:c1] += Ȳ
 * </pre>
 */
final class Assembly {

  private Assembly() {}

  static Var fromEntries(Tape tape, int rows, int cols, Var... entries) {
    if (rows < 0 || cols < 0 || entries.length != rows * cols) {
      throw new IllegalArgumentException(
          "fromEntries: " + entries.length + " entries for a " + rows + " × " + cols + " matrix");
    }
    DMatrixRMaj Y = new DMatrixRMaj(rows, cols);
    for (int k = 0; k < entries.length; k++) {
      Var e = entries[k];
      if (e == null) {
        continue;
      }
      if (e.rows() != 1 || e.cols() != 1) {
        throw new IllegalArgumentException(
            "fromEntries: entry ("
                + k / cols
                + ", "
                + k % cols
                + ") is "
                + e.rows()
                + " × "
                + e.cols()
                + ", not 1 × 1");
      }
      Y.data[k] = e.value.data[0];
    }
    final Var[] inputs = entries.clone();
    Pullback pullback =
        YBar -> {
          for (int k = 0; k < inputs.length; k++) {
            DMatrixRMaj eBar = inputs[k] == null ? null : inputs[k].adjointToUpdate();
            if (eBar != null) {
              eBar.data[0] += YBar.data[k];
            }
          }
        };
    Pushforward pushforward =
        YDot -> {
          for (int k = 0; k < inputs.length; k++) {
            if (inputs[k] != null && inputs[k].tangent != null) {
              YDot.data[k] = inputs[k].tangent.data[0];
            }
          }
        };
    Var result = tape.record("fromEntries", Y, pullback, pushforward, inputs);
    boolean[] mask = new boolean[inputs.length];
    for (int k = 0; k < inputs.length; k++) {
      mask[k] = inputs[k] != null && inputs[k].isActive();
    }
    result.activeEntries(mask);
    return result;
  }

  static Var block(Tape tape, Var[][] blocks) {
    final int p = blocks.length;
    final int q = p == 0 ? 0 : blocks[0].length;
    final int[] heights = new int[p];
    final int[] widths = new int[q];
    Arrays.fill(heights, -1);
    Arrays.fill(widths, -1);
    for (int i = 0; i < p; i++) {
      if (blocks[i].length != q) {
        throw new IllegalArgumentException(
            "block: block row " + i + " has " + blocks[i].length + " blocks, row 0 has " + q);
      }
      for (int j = 0; j < q; j++) {
        Var b = blocks[i][j];
        if (b != null) {
          heights[i] = agree(heights[i], b.rows(), "rows", "block row " + i, i, j);
          widths[j] = agree(widths[j], b.cols(), "columns", "block column " + j, i, j);
        }
      }
    }
    int rows = 0;
    for (int i = 0; i < p; i++) {
      if (heights[i] < 0) {
        throw new IllegalArgumentException(
            "block: block row " + i + " is all null, so its height is unknown");
      }
      rows += heights[i];
    }
    int cols = 0;
    for (int j = 0; j < q; j++) {
      if (widths[j] < 0) {
        throw new IllegalArgumentException(
            "block: block column " + j + " is all null, so its width is unknown");
      }
      cols += widths[j];
    }
    final int[] rowOffsets = offsets(heights);
    final int[] colOffsets = offsets(widths);
    final Var[] inputs = new Var[p * q];
    DMatrixRMaj Y = new DMatrixRMaj(rows, cols);
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < q; j++) {
        Var b = blocks[i][j];
        inputs[i * q + j] = b;
        if (b != null) {
          CommonOps_DDRM.insert(b.value, Y, rowOffsets[i], colOffsets[j]);
        }
      }
    }
    Pullback pullback =
        YBar -> {
          for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
              Var b = inputs[i * q + j];
              DMatrixRMaj bBar = b == null ? null : b.adjointToUpdate();
              if (bBar != null) {
                addBlock(YBar, rowOffsets[i], colOffsets[j], bBar);
              }
            }
          }
        };
    Pushforward pushforward =
        YDot -> {
          for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
              Var b = inputs[i * q + j];
              if (b != null && b.tangent != null) {
                CommonOps_DDRM.insert(b.tangent, YDot, rowOffsets[i], colOffsets[j]);
              }
            }
          }
        };
    Var result = tape.record("block", Y, pullback, pushforward, inputs);
    boolean[] mask = new boolean[rows * cols];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < q; j++) {
        Var b = inputs[i * q + j];
        if (b == null) {
          continue;
        }
        for (int a = 0; a < b.rows(); a++) {
          for (int c = 0; c < b.cols(); c++) {
            mask[(rowOffsets[i] + a) * cols + colOffsets[j] + c] = b.isActiveEntry(a, c);
          }
        }
      }
    }
    result.activeEntries(mask);
    return result;
  }

  static Var slice(Var x, int r0, int r1, int c0, int c1) {
    final DMatrixRMaj X = x.value;
    if (r0 < 0 || r1 < r0 || r1 > X.numRows || c0 < 0 || c1 < c0 || c1 > X.numCols) {
      throw new IllegalArgumentException(
          "slice: rows ["
              + r0
              + ", "
              + r1
              + ") and columns ["
              + c0
              + ", "
              + c1
              + ") are not inside a "
              + X.numRows
              + " × "
              + X.numCols
              + " matrix");
    }
    DMatrixRMaj Y = new DMatrixRMaj(r1 - r0, c1 - c0);
    for (int i = r0; i < r1; i++) {
      for (int j = c0; j < c1; j++) {
        Y.unsafe_set(i - r0, j - c0, X.unsafe_get(i, j));
      }
    }
    Pullback pullback =
        YBar -> {
          DMatrixRMaj XBar = x.adjointToUpdate();
          for (int i = r0; i < r1; i++) {
            for (int j = c0; j < c1; j++) {
              XBar.unsafe_set(i, j, XBar.unsafe_get(i, j) + YBar.unsafe_get(i - r0, j - c0));
            }
          }
        };
    Pushforward pushforward =
        YDot -> {
          for (int i = r0; i < r1; i++) {
            for (int j = c0; j < c1; j++) {
              YDot.unsafe_set(i - r0, j - c0, x.tangent.unsafe_get(i, j));
            }
          }
        };
    Var result = x.tape.record("slice", Y, pullback, pushforward, x);
    boolean[] mask = new boolean[(r1 - r0) * (c1 - c0)];
    for (int i = r0; i < r1; i++) {
      for (int j = c0; j < c1; j++) {
        mask[(i - r0) * (c1 - c0) + j - c0] = x.isActiveEntry(i, j);
      }
    }
    result.activeEntries(mask);
    return result;
  }

  /** {@code bBar += YBar[r0 : r0 + rows(bBar), c0 : c0 + cols(bBar)]}. */
  private static void addBlock(DMatrixRMaj YBar, int r0, int c0, DMatrixRMaj bBar) {
    for (int i = 0; i < bBar.numRows; i++) {
      for (int j = 0; j < bBar.numCols; j++) {
        bBar.unsafe_set(i, j, bBar.unsafe_get(i, j) + YBar.unsafe_get(r0 + i, c0 + j));
      }
    }
  }

  private static int agree(int known, int size, String what, String where, int i, int j) {
    if (known >= 0 && known != size) {
      throw new IllegalArgumentException(
          "block: block ("
              + i
              + ", "
              + j
              + ") has "
              + size
              + " "
              + what
              + " but the others in "
              + where
              + " have "
              + known);
    }
    return size;
  }

  private static int[] offsets(int[] sizes) {
    int[] offsets = new int[sizes.length];
    for (int k = 1; k < sizes.length; k++) {
      offsets[k] = offsets[k - 1] + sizes[k - 1];
    }
    return offsets;
  }
}

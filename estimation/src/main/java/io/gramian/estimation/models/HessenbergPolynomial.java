package io.gramian.estimation.models;

import org.ejml.data.DMatrixRMaj;

/**
 * The characteristic polynomial of an upper Hessenberg matrix A (n × n) by the recursion on its
 * leading principal submatrices (Wilkinson, <i>The Algebraic Eigenvalue Problem</i>, §7.11):
 *
 * <pre>
 *   p₀(λ) = 1
 *   p_k(λ) = (λ − a_kk) p_{k−1}(λ) − Σ_{i&lt;k} a_ik (a_{i+1,i} ⋯ a_{k,k−1}) p_{i−1}(λ)
 *   det(λI − A) = p_n(λ)
 * </pre>
 *
 * O(n³) operations, no division. Structural models' transitions (trend, dummy and trigonometric
 * seasonals, cycles, AR companions, in blocks on the diagonal) are upper Hessenberg with small
 * integer or trigonometric entries, for which the recursion is exact or nearly so.
 */
final class HessenbergPolynomial {

  private HessenbergPolynomial() {}

  /**
   * D(L) = det(I − A L) = Lⁿ p_n(1/L), coefficients D₀ = 1, D₁, …, D_n in ascending powers of L.
   *
   * @param A upper Hessenberg (entries below the first subdiagonal are ignored)
   */
  static double[] reversedCharacteristic(DMatrixRMaj A) {
    int n = A.numRows;
    // p[k] holds p_k in ascending powers of λ, length k + 1
    double[][] p = new double[n + 1][];
    p[0] = new double[] {1};
    for (int k = 1; k <= n; k++) {
      double[] pk = new double[k + 1];
      double[] previous = p[k - 1];
      double akk = A.get(k - 1, k - 1);
      for (int d = 0; d < k; d++) {
        pk[d + 1] += previous[d];
        pk[d] -= akk * previous[d];
      }
      double product = 1;
      for (int i = k - 1; i >= 1; i--) {
        product *= A.get(i, i - 1); // a_{i+1,i} in 1-based indices
        if (product == 0) {
          break;
        }
        double coefficient = A.get(i - 1, k - 1) * product;
        if (coefficient != 0) {
          double[] lower = p[i - 1];
          for (int d = 0; d < lower.length; d++) {
            pk[d] -= coefficient * lower[d];
          }
        }
      }
      p[k] = pk;
    }
    double[] D = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      D[i] = p[n][n - i];
    }
    return D;
  }
}

package io.gramian.estimation.cli;

/**
 * The textbook covariance-form Kalman filter on plain arrays, written independently of the library
 * (no factors, no tria, no EJML): the oracle the command's log-likelihood is checked against.
 *
 * <pre>
 *   v = y_o − H_o a − d_o,   S = H_o P H_oᵀ + R_oo,   ℓ += −½ (p log 2π + log det S + vᵀ S⁻¹ v)
 *   K = P H_oᵀ S⁻¹,   a ← a + K v,   P ← P − K H_o P,   then  a ← F a + c,   P ← F P Fᵀ + Q
 * </pre>
 *
 * (o the observed entries of y_t, p their count).
 */
final class CovarianceOracle {

  private CovarianceOracle() {}

  static double logLikelihood(
      double[][] F,
      double[] c,
      double[][] H,
      double[] d,
      double[][] Q,
      double[][] R,
      double[] m0,
      double[][] P0,
      double[][] Y) {
    int nx = F.length;
    int ny = H.length;
    double[] a = m0.clone();
    double[][] P = copy(P0);
    double ll = 0;
    for (double[] y : Y) {
      int p = 0;
      int[] o = new int[ny];
      for (int i = 0; i < ny; i++) {
        if (!Double.isNaN(y[i])) {
          o[p++] = i;
        }
      }
      if (p > 0) {
        double[][] Ho = new double[p][];
        double[] v = new double[p];
        double[][] S = new double[p][p];
        for (int i = 0; i < p; i++) {
          Ho[i] = H[o[i]];
          v[i] = y[o[i]] - d[o[i]] - dot(Ho[i], a);
        }
        double[][] PHt = new double[nx][p]; // P H_oᵀ
        for (int r = 0; r < nx; r++) {
          for (int i = 0; i < p; i++) {
            PHt[r][i] = dot(P[r], Ho[i]);
          }
        }
        for (int i = 0; i < p; i++) {
          for (int j = 0; j < p; j++) {
            double s = R[o[i]][o[j]];
            for (int r = 0; r < nx; r++) {
              s += Ho[i][r] * PHt[r][j];
            }
            S[i][j] = s;
          }
        }
        double[][] L = cholesky(S);
        double logDet = 0;
        for (int i = 0; i < p; i++) {
          logDet += 2 * Math.log(L[i][i]);
        }
        double[] Sv = solve(L, v);
        ll += -0.5 * (p * Math.log(2 * Math.PI) + logDet + dot(v, Sv));
        // a += P Hᵀ S⁻¹ v;  P −= P Hᵀ S⁻¹ H P
        for (int r = 0; r < nx; r++) {
          a[r] += dot(PHt[r], Sv);
        }
        double[][] SinvHP = new double[p][nx]; // S⁻¹ (P Hᵀ)ᵀ, column by column
        for (int col = 0; col < nx; col++) {
          double[] rhs = new double[p];
          for (int i = 0; i < p; i++) {
            rhs[i] = PHt[col][i];
          }
          double[] x = solve(L, rhs);
          for (int i = 0; i < p; i++) {
            SinvHP[i][col] = x[i];
          }
        }
        double[][] Pn = new double[nx][nx];
        for (int r = 0; r < nx; r++) {
          for (int s = 0; s < nx; s++) {
            double sum = P[r][s];
            for (int i = 0; i < p; i++) {
              sum -= PHt[r][i] * SinvHP[i][s];
            }
            Pn[r][s] = sum;
          }
        }
        P = Pn;
      }
      double[] an = new double[nx];
      double[][] FP = new double[nx][nx];
      for (int r = 0; r < nx; r++) {
        an[r] = dot(F[r], a) + c[r];
        for (int s = 0; s < nx; s++) {
          double sum = 0;
          for (int k = 0; k < nx; k++) {
            sum += F[r][k] * P[k][s];
          }
          FP[r][s] = sum;
        }
      }
      double[][] Pn = new double[nx][nx];
      for (int r = 0; r < nx; r++) {
        for (int s = 0; s < nx; s++) {
          Pn[r][s] = Q[r][s] + dot(FP[r], F[s]);
        }
      }
      a = an;
      P = Pn;
    }
    return ll;
  }

  /** A Aᵀ for a factor A given as rows (any number of columns). */
  static double[][] gram(double[][] A) {
    int n = A.length;
    double[][] G = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        G[i][j] = dot(A[i], A[j]);
      }
    }
    return G;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static double[][] copy(double[][] A) {
    double[][] B = new double[A.length][];
    for (int i = 0; i < A.length; i++) {
      B[i] = A[i].clone();
    }
    return B;
  }

  private static double[][] cholesky(double[][] S) {
    int n = S.length;
    double[][] L = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = S[i][j];
        for (int k = 0; k < j; k++) {
          s -= L[i][k] * L[j][k];
        }
        if (i == j) {
          if (!(s > 0)) {
            throw new ArithmeticException("oracle: S is not positive definite");
          }
          L[i][i] = Math.sqrt(s);
        } else {
          L[i][j] = s / L[j][j];
        }
      }
    }
    return L;
  }

  /** S⁻¹ b with S = L Lᵀ. */
  private static double[] solve(double[][] L, double[] b) {
    int n = b.length;
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= L[i][k] * x[k];
      }
      x[i] = s / L[i][i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= L[k][i] * x[k];
      }
      x[i] = s / L[i][i];
    }
    return x;
  }
}

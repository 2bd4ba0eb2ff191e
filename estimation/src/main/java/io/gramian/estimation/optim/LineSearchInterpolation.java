package io.gramian.estimation.optim;

/**
 * Minimisers of the interpolating polynomials the line search uses to pick its next trial step, on
 * φ(α) = f(x + α p) (Nocedal &amp; Wright, §3.5). Each returns NaN when the polynomial has no
 * minimiser; the caller safeguards the result.
 */
final class LineSearchInterpolation {

  private LineSearchInterpolation() {}

  /**
   * The minimiser of the cubic matching φ and φ' at a and b (N&amp;W eq. 3.59):
   *
   * <pre>
   *   d₁ = φ'(a) + φ'(b) − 3 (φ(a) − φ(b)) / (a − b)
   *   d₂ = sign(b − a) √(d₁² − φ'(a) φ'(b))
   *   α  = b − (b − a) (φ'(b) + d₂ − d₁) / (φ'(b) − φ'(a) + 2 d₂)
   * </pre>
   *
   * NaN when d₁² &lt; φ'(a) φ'(b) (the cubic has no local minimiser) or a = b.
   */
  static double cubicMinimizer(double a, double fa, double da, double b, double fb, double db) {
    if (a == b) {
      return Double.NaN;
    }
    double d1 = da + db - 3 * (fa - fb) / (a - b);
    double radicand = d1 * d1 - da * db;
    if (!(radicand >= 0)) {
      return Double.NaN;
    }
    double d2 = Math.copySign(Math.sqrt(radicand), b - a);
    double denominator = db - da + 2 * d2;
    if (denominator == 0) {
      return Double.NaN;
    }
    return b - (b - a) * (db + d2 - d1) / denominator;
  }

  /**
   * The minimiser of the quadratic matching φ(a), φ'(a) and φ(b):
   *
   * <pre>
   *   α = a − φ'(a) (b − a)² / (2 (φ(b) − φ(a) − φ'(a) (b − a)))
   * </pre>
   *
   * NaN when the quadratic is not convex (its leading coefficient is ≤ 0) or a = b.
   */
  static double quadraticMinimizer(double a, double fa, double da, double b, double fb) {
    double width = b - a;
    double curvature = fb - fa - da * width;
    if (width == 0 || !(curvature > 0)) {
      return Double.NaN;
    }
    return a - da * width * width / (2 * curvature);
  }
}

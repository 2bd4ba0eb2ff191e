package io.gramian.kalman;

/**
 * The nine matrices of a linear Gaussian state-space system ({@link StateSpace}), by name, in three
 * groups:
 *
 * <pre>
 *   initial:      m0 (nx × 1),  cholP0 (nx × k),  cholPinf (nx × d, the diffuse directions)
 *   dynamics:     F (nx × nx),  c (nx × 1),  cholQ (nx × q)
 *   observation:  H (ny × nx),  d (ny × 1),  cholR (ny × r)
 * </pre>
 *
 * The declaration order is that of the SYSTEM.json format and of the gradient it reports (F, c, H,
 * d, cholQ, cholR, m0, cholP0, cholPinf); {@link #key()} is the matrix's name there and in the
 * docs, and the name of its adjoint is the key with {@code Bar}.
 */
public enum SystemMatrix {
  F("F", Group.DYNAMICS),
  c("c", Group.DYNAMICS),
  H("H", Group.OBSERVATION),
  d("d", Group.OBSERVATION),
  cholQ("cholQ", Group.DYNAMICS),
  cholR("cholR", Group.OBSERVATION),
  m0("m0", Group.INITIAL),
  cholP0("cholP0", Group.INITIAL),
  cholPinf("cholPinf", Group.INITIAL);

  /** Where a matrix belongs: the initial state, the dynamics or the observation equation. */
  public enum Group {
    INITIAL,
    DYNAMICS,
    OBSERVATION
  }

  private final String key;
  private final Group group;

  SystemMatrix(String key, Group group) {
    this.key = key;
    this.group = group;
  }

  /** The name: {@code "F"}, {@code "cholQ"}, … */
  public String key() {
    return key;
  }

  /** The group the matrix belongs to. */
  public Group group() {
    return group;
  }

  /** Whether a system may leave it out: the intercepts, the initial mean (zero) and cholPinf. */
  public boolean hasDefault() {
    return this == c || this == d || this == m0 || this == cholPinf;
  }

  /** Whether it is a vector (one column): c, d, m0. */
  public boolean isVector() {
    return this == c || this == d || this == m0;
  }

  /** Rows of this matrix in a system of the given sizes. */
  public int rows(Dimensions dims) {
    return group == Group.OBSERVATION ? dims.ny() : dims.nx();
  }

  /** Columns of this matrix in a system of the given sizes. */
  public int cols(Dimensions dims) {
    switch (this) {
      case F:
      case H:
        return dims.nx();
      case c:
      case d:
      case m0:
        return 1;
      case cholQ:
        return dims.q();
      case cholR:
        return dims.r();
      case cholP0:
        return dims.k();
      case cholPinf:
        return dims.diffuseRank();
      default:
        throw new AssertionError(this);
    }
  }

  /** The matrix with this key. */
  public static SystemMatrix ofKey(String key) {
    for (SystemMatrix m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    throw new IllegalArgumentException("no system matrix is named " + key);
  }
}

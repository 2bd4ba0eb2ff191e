package io.gramian.autodiff.tape;

import io.gramian.autodiff.TriaRule;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code L = tria(M)} on the tape: for M (n × m), the lower-triangular L (n × n) with {@code L Lᵀ =
 * M Mᵀ}, {@code diag(L) ≥ 0}, and the adjoint of {@link io.gramian.autodiff.TriaAdjoint#vjpAdd}:
 *
 * <pre>
 *   M = L Qᵀ,   Y = Lᵀ L̄,   Z = strictly_upper(Yᵀ − Y),   M̄ += (L̄ + Tᵀ Z) Qᵀ
 * </pre>
 *
 * with T the rule's map (docs/tria.md), and its tangent {@link io.gramian.autodiff.TriaAdjoint#jvp}
 * with the same map:
 *
 * <pre>
 *   W = Ṁ Q,   U = strictly_upper(T W),   L̇ = W − L (U − Uᵀ)
 * </pre>
 *
 * The factor Q (m × n) is kept with the node for the reverse pass; a constant M skips forming it.
 */
final class TriaOnTape {

  private TriaOnTape() {}

  static Var tria(Var M, TriaRule rule) {
    Objects.requireNonNull(rule, "tria: rule");
    final int n = M.rows();
    final int m = M.cols();
    final TriaWorkspace workspace = M.tape.triaWorkspace();
    final DMatrixRMaj L = new DMatrixRMaj(n, n);
    if (!M.isActive()) {
      workspace.tria(n, m).decompose(M.value, L);
      return M.tape.record("tria", L, null, null, M);
    }
    final DMatrixRMaj Q = new DMatrixRMaj(m, n);
    workspace.tria(n, m).decompose(M.value, L, Q);
    Pullback pullback =
        LBar -> workspace.adjoint(n, m).vjpAdd(rule, L, Q, LBar, M.adjointToUpdate());
    Pushforward pushforward = LDot -> workspace.adjoint(n, m).jvp(rule, L, Q, M.tangent, LDot);
    return M.tape.record("tria " + rule, L, pullback, pushforward, M);
  }
}

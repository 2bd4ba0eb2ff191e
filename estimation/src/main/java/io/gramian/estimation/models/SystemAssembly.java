package io.gramian.estimation.models;

import io.gramian.autodiff.tape.Tape;
import io.gramian.autodiff.tape.Var;
import io.gramian.estimation.model.ModelMatrices;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Stacks the components' blocks into the system of a univariate model:
 *
 * <pre>
 *   F      = diag(T₁, …, T_m)             nx × nx
 *   cholQ  = diag(R₁, …, R_m)             nx × Σ q_i   (deterministic blocks add zero rows)
 *   H      = [z₁, …, z_m]                 1 × nx      (regression loadings added per step)
 *   cholR  = [σ_irregular] or [0]         1 × 1
 *   m0     = [a₁; …; a_m],   cholP0 = diag(S₁, …, S_m),   cholPinf = the unit columns e_i of
 *            the exactly diffuse states, in state order (nx × d)
 * </pre>
 *
 * S_i is the block's own initial factor (stationary blocks), or for a diffuse block the proper part
 * of {@link DiffuseBlockPrior}, which changes neither ℓ nor any conditional moment.
 *
 * <p>A model with no state at all (the irregular alone) keeps one unused state, as statsmodels
 * does: T = 0, z = 0, known at 0 with no variance, no noise.
 */
final class SystemAssembly {

  private SystemAssembly() {}

  /**
   * @param irregular σ_irregular (1 × 1), or {@code null} when the model has no irregular
   */
  static ModelMatrices assemble(Tape tape, List<ComponentBlock> components, Var irregular) {
    List<ComponentBlock> blocks = new ArrayList<>(components);
    if (blocks.isEmpty()) {
      blocks.add(
          new ComponentBlock(
              tape.zeros(1, 1), null, new double[1], false, null, null, new boolean[1]));
    }
    int m = blocks.size();
    int nx = 0;
    for (ComponentBlock b : blocks) {
      nx += b.states();
    }

    Var[][] F = new Var[m][m];
    Var[][] S = new Var[m][m];
    Var[][] mean = new Var[m][1];
    for (int i = 0; i < m; i++) {
      ComponentBlock bi = blocks.get(i);
      Var factor =
          bi.initialFactor() != null ? bi.initialFactor() : DiffuseBlockPrior.factor(bi, tape);
      for (int j = 0; j < m; j++) {
        int nj = blocks.get(j).states();
        F[i][j] = i == j ? bi.transition() : tape.zeros(bi.states(), nj);
        S[i][j] = i == j && factor != null ? factor : tape.zeros(bi.states(), nj);
      }
      mean[i][0] = bi.initialMean() != null ? bi.initialMean() : tape.zeros(bi.states(), 1);
    }

    List<ComponentBlock> noisy = new ArrayList<>();
    for (ComponentBlock b : blocks) {
      if (b.noiseColumns() > 0) {
        noisy.add(b);
      }
    }
    Var cholQ;
    if (noisy.isEmpty()) {
      cholQ = tape.zeros(nx, 1);
    } else {
      Var[][] Q = new Var[m][noisy.size()];
      for (int i = 0; i < m; i++) {
        ComponentBlock bi = blocks.get(i);
        for (int j = 0; j < noisy.size(); j++) {
          ComponentBlock bj = noisy.get(j);
          Q[i][j] = bi == bj ? bi.noise() : tape.zeros(bi.states(), bj.noiseColumns());
        }
      }
      cholQ = tape.block(Q);
    }

    DMatrixRMaj H = new DMatrixRMaj(1, nx);
    List<Integer> diffuse = new ArrayList<>();
    int offset = 0;
    for (ComponentBlock b : blocks) {
      for (int i = 0; i < b.states(); i++) {
        H.set(0, offset + i, b.design()[i]);
        if (b.diffuse()[i]) {
          diffuse.add(offset + i);
        }
      }
      offset += b.states();
    }
    DMatrixRMaj Pinf = new DMatrixRMaj(nx, diffuse.size());
    for (int j = 0; j < diffuse.size(); j++) {
      Pinf.set(diffuse.get(j), j, 1);
    }

    return ModelMatrices.builder(tape)
        .F(tape.block(F))
        .c(tape.zeros(nx, 1))
        .H(tape.constant(H))
        .d(tape.zeros(1, 1))
        .cholQ(cholQ)
        .cholR(irregular != null ? irregular : tape.zeros(1, 1))
        .m0(tape.block(mean))
        .cholP0(tape.block(S))
        .cholPinf(tape.constant(Pinf))
        .build();
  }
}

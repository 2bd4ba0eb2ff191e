package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A {@link SystemGradient}'s matrices, asked for as an accumulator that does not sum over time
 * ({@link AdjointAccumulator#sumsOverTime} false): the reverse sweep then completes each step's
 * adjoints before it asks for an earlier step's, and walks every frozen step back on its own.
 * Subclasses may hand out other matrices for some adjoints.
 */
class StepByStepGradient implements AdjointAccumulator {

  /** Where every adjoint not handed out otherwise is added. */
  final SystemGradient sum;

  StepByStepGradient(SystemGradient sum) {
    this.sum = sum;
  }

  @Override
  public boolean accumulates(SystemMatrix matrix) {
    return sum.accumulates(matrix);
  }

  @Override
  public int[] FEntries() {
    return sum.FEntries();
  }

  @Override
  public DMatrixRMaj FBar(int t) {
    return sum.FBar(t);
  }

  @Override
  public DMatrixRMaj cBar(int t) {
    return sum.cBar(t);
  }

  @Override
  public DMatrixRMaj HBar(int t) {
    return sum.HBar(t);
  }

  @Override
  public DMatrixRMaj dBar(int t) {
    return sum.dBar(t);
  }

  @Override
  public DMatrixRMaj cholQBar(int t) {
    return sum.cholQBar(t);
  }

  @Override
  public DMatrixRMaj cholRBar(int t) {
    return sum.cholRBar(t);
  }

  @Override
  public DMatrixRMaj m0Bar() {
    return sum.m0Bar();
  }

  @Override
  public DMatrixRMaj cholP0Bar() {
    return sum.cholP0Bar();
  }

  @Override
  public DMatrixRMaj cholPinfBar() {
    return sum.cholPinfBar();
  }
}

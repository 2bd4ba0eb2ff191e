package io.gramian.kalman;

import org.ejml.data.DMatrixRMaj;

/**
 * A view of a system that forwards every {@link StateSpace} method to {@link #delegate()}: a
 * subclass overrides only the matrices it changes (a regression's observation rows, an inflated
 * initial factor) and inherits the rest. Forwarding allocates nothing.
 *
 * <p>Every method forwards, {@link #isTimeInvariant()} included: a view whose matrices vary with t
 * where the delegate's do not overrides it to say so.
 */
public abstract class ForwardingStateSpace implements StateSpace {

  /** For subclasses. */
  protected ForwardingStateSpace() {}

  /** The system this view forwards to; may change between calls only where the subclass says so. */
  protected abstract StateSpace delegate();

  @Override
  public int nx() {
    return delegate().nx();
  }

  @Override
  public int ny() {
    return delegate().ny();
  }

  @Override
  public int q() {
    return delegate().q();
  }

  @Override
  public int r() {
    return delegate().r();
  }

  @Override
  public int k() {
    return delegate().k();
  }

  @Override
  public DMatrixRMaj F(int t) {
    return delegate().F(t);
  }

  @Override
  public DMatrixRMaj c(int t) {
    return delegate().c(t);
  }

  @Override
  public DMatrixRMaj H(int t) {
    return delegate().H(t);
  }

  @Override
  public DMatrixRMaj d(int t) {
    return delegate().d(t);
  }

  @Override
  public DMatrixRMaj cholQ(int t) {
    return delegate().cholQ(t);
  }

  @Override
  public DMatrixRMaj cholR(int t) {
    return delegate().cholR(t);
  }

  @Override
  public DMatrixRMaj m0() {
    return delegate().m0();
  }

  @Override
  public DMatrixRMaj cholP0() {
    return delegate().cholP0();
  }

  @Override
  public int diffuseRank() {
    return delegate().diffuseRank();
  }

  @Override
  public DMatrixRMaj cholPinf() {
    return delegate().cholPinf();
  }

  @Override
  public boolean isTimeInvariant() {
    return delegate().isTimeInvariant();
  }
}

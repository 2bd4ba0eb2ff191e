/**
 * Test fixtures shared by every module's tests through the {@code gramian-autodiff} test-jar:
 * seeded random matrices, {@link io.gramian.autodiff.testing.Matrices#relativeError relativeError}
 * and central {@link io.gramian.autodiff.testing.FiniteDifferences finite differences}. Test scope
 * only; never part of a library jar.
 */
package io.gramian.autodiff.testing;

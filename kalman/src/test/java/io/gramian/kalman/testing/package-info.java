/**
 * Test fixtures shared through the {@code gramian-kalman} test-jar: seeded random systems and data
 * ({@link io.gramian.kalman.testing.RandomSystems}), and the covariance-form oracles the
 * square-root filter and smoother are checked against ({@link
 * io.gramian.kalman.testing.CovarianceFilter}, {@link
 * io.gramian.kalman.testing.CovarianceSmoother}), written as in a textbook and sharing no code with
 * the library. Test scope only.
 */
package io.gramian.kalman.testing;

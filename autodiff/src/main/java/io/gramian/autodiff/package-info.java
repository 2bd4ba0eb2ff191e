/**
 * The triangularisation {@code tria} (L Lᵀ = M Mᵀ by QR) and its exact derivative rules, tangent
 * and adjoint, stable where M is rank-deficient ({@code docs/tria.md}). The bottom layer of
 * Gramian: it depends on EJML only, and {@code io.gramian.kalman} builds on it.
 */
package io.gramian.autodiff;

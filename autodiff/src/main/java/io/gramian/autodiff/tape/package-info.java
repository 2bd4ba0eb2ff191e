/**
 * Reverse-mode differentiation of models: the map from parameters to system matrices, with no
 * hand-written adjoint.
 *
 * <pre>
 *   θ  ──model──▶  (F, c, H, d, cholQ, cholR, m0, cholP0, cholPinf)  ──filter──▶  ℓ
 *   θ̄  ◀──tape──   (F̄, c̄, H̄, d̄, cholQ̄, cholR̄, m̄0, cholP̄0, cholP̄inf)  ◀──reverse sweep──  ℓ̄ = 1
 *
 *   ∂ℓ/∂θ_j = Σ_X ⟨X̄, ∂X/∂θ_j⟩        (X over the system matrices, ⟨A, B⟩ = Σ A_ik B_ik)
 * </pre>
 *
 * <p>The Kalman filter's reverse sweep (docs/filter.md) gives the adjoints {@code X̄ = ∂ℓ/∂X} of
 * the system matrices. A model builds those matrices from its parameters on a {@link
 * io.gramian.autodiff.tape.Tape}; seeding each matrix with its adjoint and sweeping the tape
 * backwards once pulls them back to the parameters. The tape is built once per likelihood
 * evaluation, not once per time step, so it is small (matrices up to about 30 × 30, tens to
 * hundreds of operations) and the cost of the gradient stays that of the filter's sweeps.
 *
 * <h2>Example: a user-defined AR(2)</h2>
 *
 * Parameters θ = (φ1, φ2, log σ); state {@code (y_t, φ2 y_{t−1})}; stationary start.
 *
 * <pre>{@code
 * Tape tape = new Tape();
 * Var phi1 = tape.parameter(0, theta[0]);
 * Var phi2 = tape.parameter(1, theta[1]);
 * Var sigma = tape.parameter(2, theta[2]).exp();              // σ = exp(θ₂) > 0
 * Var F = tape.fromEntries(2, 2, phi1, tape.constant(1), phi2, null);
 * Var cholQ = tape.fromEntries(2, 1, sigma, null);
 * Var cholP0 = StationaryFactor.of(F, cholQ);                 // P0 = F P0 Fᵀ + Q
 * // run the filter's reverse sweep on F.value(), cholQ.value(), cholP0.value(), … → g
 * tape.seed(F, g.FBar); tape.seed(cholQ, g.cholQBar); tape.seed(cholP0, g.cholP0Bar);
 * double[] gradient = tape.gradient(3);                       // ∂ℓ/∂θ
 * }</pre>
 *
 * ({@code g} is the filter's {@code io.gramian.kalman.SystemGradient}; the test {@code
 * PackageExampleTest} runs these lines.)
 *
 * <h2>What is on offer</h2>
 *
 * <ul>
 *   <li>Inputs: {@link io.gramian.autodiff.tape.Tape#parameter} (scalar θ_j, derivative into slot
 *       j), {@link io.gramian.autodiff.tape.Tape#variable} (a matrix whose adjoint is kept),
 *       constants, {@code zeros}, {@code identity}.
 *   <li>Elementwise, with a 1 × 1 operand broadcast: {@code add, sub, mul, div} (so {@code
 *       s.mul(M)} scales and {@code A.mul(B)} is the Hadamard product), {@code neg, exp, log, sqrt,
 *       square, tanh, pow}.
 *   <li>Matrices: {@code times} (the matrix product), {@code transpose}, {@code entry}, {@code
 *       slice}, {@code fromEntries}, {@code diag}, {@code block} (null blocks are zero blocks of
 *       the inferred size).
 *   <li>Square roots: {@code tria(rule)} ({@code L Lᵀ = M Mᵀ}, the VJP of {@link
 *       io.gramian.autodiff.TriaAdjoint}) and {@link io.gramian.autodiff.tape.StationaryFactor}
 *       ({@code S Sᵀ = F S Sᵀ Fᵀ + Q}, by the square-root doubling recursion, differentiated
 *       through every step).
 * </ul>
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Values are immutable once recorded. An operation with a non-finite result (log of a
 *       negative number, overflow, an unstable F for the stationary factor) throws {@link
 *       java.lang.ArithmeticException} naming it; so does a reverse pass that meets an infinite
 *       derivative (√x at 0).
 *   <li>{@code seed} adds to an output's adjoint, so several outputs are seeded and then swept
 *       together; {@code backwardAdd} adds to the gradient array (+=) and clears the transient
 *       adjoints, so the tape can be seeded and swept again.
 *   <li>Values that depend on no parameter or variable are constants: not recorded, free in the
 *       reverse pass.
 *   <li>{@code forward(θ̇)} is the tangent pass: every value's directional derivative along θ̇
 *       ({@code Var.tangent()}), variables held fixed. With k parameters and many output entries (a
 *       model's system matrices) k forward passes give the Jacobian that would take one reverse
 *       pass per entry.
 *   <li>Every operation's adjoint is checked by a dot-product test against an independently written
 *       tangent and by central finite differences, and its forward rule against that tangent
 *       ({@code OperationAdjointTest}).
 * </ul>
 */
package io.gramian.autodiff.tape;

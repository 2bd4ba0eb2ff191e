package io.gramian.estimation.batch;

import java.io.Serializable;
import java.util.List;

/**
 * The structural components a command line adds to a trend ({@code --seasonal S} repeated, {@code
 * --harmonics K}, {@code --cycle}, {@code --damped-cycle}, {@code --autoregressive P}, {@code
 * --exog-varying A,B}), as they are spelled: a part of {@link ModelSpec}, which checks them and
 * builds the model. {@code null} or empty is an option not given.
 *
 * <p>Thread-safe: an immutable value.
 *
 * @param additionalSeasonals the seasonal periods after {@link ModelSpec#seasonal()}, the first
 * @param harmonics {@code K} or {@code K1,K2,...}: the number of harmonics of each trigonometric
 *     seasonal, one for all of them or one each in order ({@code --harmonics}; null: ⌊s/2⌋)
 * @param cycle a stochastic cycle ({@code --cycle})
 * @param dampedCycle the cycle damped ({@code --damped-cycle}; needs {@code cycle})
 * @param autoregressive the order p of an AR(p) component ({@code --autoregressive P})
 * @param exogVarying regressors whose coefficients follow random walks ({@code --exog-varying})
 */
public record StructuralOptions(
    List<Integer> additionalSeasonals,
    String harmonics,
    boolean cycle,
    boolean dampedCycle,
    Integer autoregressive,
    List<String> exogVarying)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** No component beyond the trend and the first seasonal. */
  public static final StructuralOptions NONE =
      new StructuralOptions(List.of(), null, false, false, null, List.of());

  public StructuralOptions {
    additionalSeasonals =
        additionalSeasonals == null ? List.of() : List.copyOf(additionalSeasonals);
    exogVarying = exogVarying == null ? List.of() : List.copyOf(exogVarying);
  }

  /** Whether any option is given. */
  public boolean isEmpty() {
    return equals(NONE);
  }
}

package io.gramian.estimation.select;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ranked candidates of a {@link ModelSearch}.
 *
 * <p>The ranking is auto.arima's: AICc compares only likelihoods of the same differenced data. The
 * unit-root tests choose the differencing (d, D); the candidates whose likelihood is of that
 * differencing (the ARIMA models of the stepwise search, and the structural models with the same
 * differencing, see {@link DifferencedLikelihood}) come first, by AICc, and are {@code comparable};
 * the other candidates follow by AICc, not comparable with the first; candidates without an AICc (a
 * failed fit, a root near the unit circle) come last, in the order they were fitted.
 *
 * @param differencing the differencing the unit-root tests chose
 * @param candidates every candidate, ranked
 */
public record Selection(DifferencingOrder differencing, List<RankedCandidate> candidates)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  public Selection {
    candidates = List.copyOf(candidates);
  }

  /**
   * Ranks {@code fitted} (in the order they were fitted) as described above.
   *
   * @throws ArithmeticException when no candidate with the tests' differencing has an AICc
   */
  static Selection rank(DifferencingOrder differencing, List<Candidate> fitted) {
    Comparator<Candidate> byAicc = Comparator.comparingDouble(Candidate::aicc);
    List<Candidate> comparable = new ArrayList<>();
    List<Candidate> other = new ArrayList<>();
    List<Candidate> unranked = new ArrayList<>();
    for (Candidate c : fitted) {
      if (!c.isRanked()) {
        unranked.add(c);
      } else if (differencing.equals(c.differencing())) {
        comparable.add(c);
      } else {
        other.add(c);
      }
    }
    if (comparable.isEmpty()) {
      throw new ArithmeticException(
          "no candidate with the differencing the tests chose ("
              + differencing.label()
              + ") could be fitted");
    }
    comparable.sort(byAicc);
    other.sort(byAicc);
    List<RankedCandidate> ranked = new ArrayList<>();
    for (Candidate c : comparable) {
      ranked.add(new RankedCandidate(ranked.size() + 1, c, true));
    }
    for (Candidate c : other) {
      ranked.add(new RankedCandidate(ranked.size() + 1, c, false));
    }
    for (Candidate c : unranked) {
      ranked.add(new RankedCandidate(ranked.size() + 1, c, false));
    }
    return new Selection(differencing, ranked);
  }

  /** The chosen model: rank 1. */
  public Candidate best() {
    return candidates.get(0).candidate();
  }
}

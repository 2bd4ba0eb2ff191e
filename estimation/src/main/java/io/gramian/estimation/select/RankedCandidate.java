package io.gramian.estimation.select;

import java.io.Serializable;

/**
 * A candidate's place in a {@link Selection}.
 *
 * @param rank 1 for the chosen model
 * @param candidate the fitted candidate
 * @param comparable whether its likelihood is of the same differenced data as the chosen model's
 *     (the same {@link DifferencingOrder}), so that its AICc compares with the winner's
 */
public record RankedCandidate(int rank, Candidate candidate, boolean comparable)
    implements Serializable {

  private static final long serialVersionUID = 1L;
}

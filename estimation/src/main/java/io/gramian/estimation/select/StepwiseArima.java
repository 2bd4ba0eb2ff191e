package io.gramian.estimation.select;

import io.gramian.estimation.arima.Differencing;
import io.gramian.estimation.batch.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The stepwise seasonal ARIMA search of Hyndman and Khandakar (2008), as {@code
 * forecast::auto.arima} (forecast 8.20) runs it with its defaults:
 *
 * <ol>
 *   <li>D: one seasonal difference when the seasonal strength exceeds 0.64 ({@link
 *       SeasonalStrength}; none without a seasonal period or with 2s values or fewer); d: first
 *       differences of the seasonally differenced series while KPSS rejects level stationarity at
 *       5%, at most 2 ({@link Kpss}).
 *   <li>Bounds: p, q ≤ min(5, ⌊n/3⌋), P, Q ≤ min(2, ⌊n/(3s)⌋); with a seasonal part p, q ≤ s − 1. A
 *       constant (mean or drift) is allowed when d + D ≤ 1.
 *   <li>Start: (2, d, 2)(1, D, 1), (0, d, 0)(0, D, 0), (1, d, 0)(1, D, 0), (0, d, 1)(0, D, 1) with
 *       the constant when allowed, and (0, d, 0)(0, D, 0) without it (each start order capped by
 *       its bound; (1,·,1) starts for fewer than 10 values).
 *   <li>Steps: from the best model so far, try in turn P ± 1, Q ± 1, (P, Q) ± (1, 1) in the four
 *       sign combinations, then the same for (p, q), then the constant toggled; move to the first
 *       that lowers the AICc and start the turn again; stop when every neighbour of the best model
 *       has been fitted, or after 94 models.
 * </ol>
 *
 * <p>Differences from auto.arima: every model is fitted by exact maximum likelihood (auto.arima
 * fits by conditional sums of squares during the search when n &gt; 150 or s &gt; 12 and refits the
 * winner); when the start model without the constant wins, the search continues from it (forecast
 * 8.20 moves its orders there but keeps the constant on, so it explores the neighbours with the
 * constant); the neighbours of one turn are fitted in parallel (the move is still the first in the
 * order above that improves, so the path does not depend on the number of threads).
 */
final class StepwiseArima {

  /** auto.arima's defaults. */
  static final int MAX_P = 5;

  static final int MAX_Q = 5;
  static final int MAX_SEASONAL_P = 2;
  static final int MAX_SEASONAL_Q = 2;
  static final int MAX_D = 2;
  static final int MAX_MODELS = 94;

  /** What the search chose and every model it fitted, in the order it fitted them. */
  record Result(DifferencingOrder differencing, List<Candidate> fitted, Candidate best) {}

  private StepwiseArima() {}

  /**
   * @param values the observed values of the (transformed) series, in order, missing ones left out
   *     (the unit-root tests need a complete series)
   * @param period the seasonal period s, 1 for none
   */
  static Result search(double[] values, int period, CandidatePool pool) {
    int n = values.length;
    int m = period;
    int seasonalD = 0;
    if (m > 1) {
      seasonalD = SeasonalStrength.differences(values, m);
    }
    double[] dx = Differencing.apply(values, 0, seasonalD, Math.max(m, 1));
    int d = Kpss.differences(dx, MAX_D);
    int maxP = Math.min(MAX_P, n / 3);
    int maxQ = Math.min(MAX_Q, n / 3);
    int maxSeasonalP = m > 1 ? Math.min(MAX_SEASONAL_P, n / 3 / m) : 0;
    int maxSeasonalQ = m > 1 ? Math.min(MAX_SEASONAL_Q, n / 3 / m) : 0;
    if (m > 1) {
      if (maxSeasonalP > 0) {
        maxP = Math.min(maxP, m - 1);
      }
      if (maxSeasonalQ > 0) {
        maxQ = Math.min(maxQ, m - 1);
      }
    }
    boolean allowConstant = d + seasonalD <= 1;
    int startP = n < 10 ? 1 : 2;
    int startQ = n < 10 ? 1 : 2;
    int startSeasonalP = n < 10 ? 0 : 1;
    int startSeasonalQ = n < 10 ? 0 : 1;
    ArimaOrder origin = new ArimaOrder(0, d, 0, 0, seasonalD, 0, m, allowConstant);

    Search s = new Search(pool, new Bounds(maxP, maxQ, maxSeasonalP, maxSeasonalQ, allowConstant));
    List<ArimaOrder> starts = new ArrayList<>();
    starts.add(
        origin.with(
            Math.min(startP, maxP),
            Math.min(startQ, maxQ),
            Math.min(startSeasonalP, maxSeasonalP),
            Math.min(startSeasonalQ, maxSeasonalQ)));
    starts.add(origin);
    if (maxP > 0 || maxSeasonalP > 0) {
      starts.add(origin.with(maxP > 0 ? 1 : 0, 0, m > 1 && maxSeasonalP > 0 ? 1 : 0, 0));
    }
    if (maxQ > 0 || maxSeasonalQ > 0) {
      starts.add(origin.with(0, maxQ > 0 ? 1 : 0, 0, m > 1 && maxSeasonalQ > 0 ? 1 : 0));
    }
    if (allowConstant) {
      starts.add(origin.withConstant(false));
    }
    s.prefetch(starts);
    for (ArimaOrder start : starts) {
      s.tryMove(start);
    }
    s.climb();
    return new Result(new DifferencingOrder(d, seasonalD, m), s.fitted, s.best);
  }

  private record Bounds(int p, int q, int seasonalP, int seasonalQ, boolean constant) {}

  /** The state of one search: the models fitted, the best so far and where it is. */
  private static final class Search {
    private final CandidatePool pool;
    private final Bounds bounds;
    private final List<ArimaOrder> tried = new ArrayList<>();
    private final List<Candidate> fitted = new ArrayList<>();
    private Candidate best;
    private ArimaOrder at;

    Search(CandidatePool pool, Bounds bounds) {
      this.pool = pool;
      this.bounds = bounds;
    }

    void prefetch(List<ArimaOrder> orders) {
      List<ModelSpec> specs = new ArrayList<>();
      for (ArimaOrder o : orders) {
        specs.add(o.spec());
      }
      pool.start(specs, Candidate.Family.ARIMA);
    }

    /** Fits {@code o} (once) and moves there when it lowers the AICc; whether it moved. */
    boolean tryMove(ArimaOrder o) {
      tried.add(o);
      Candidate c = pool.get(o.spec(), Candidate.Family.ARIMA);
      fitted.add(c);
      if (best == null || (c.isRanked() && c.aicc() < score(best))) {
        best = c;
        at = o;
        return true;
      }
      return false;
    }

    private static double score(Candidate c) {
      return c.isRanked() ? c.aicc() : Double.POSITIVE_INFINITY;
    }

    /** auto.arima's turns, until a turn fits no new model or the model limit is reached. */
    void climb() {
      boolean fittedNew = true;
      while (fittedNew && tried.size() < MAX_MODELS) {
        fittedNew = false;
        List<ArimaOrder> turn = neighbours(at);
        List<ArimaOrder> fresh = new ArrayList<>();
        for (ArimaOrder o : turn) {
          if (!tried.contains(o)) {
            fresh.add(o);
          }
        }
        for (int i = 0; i < fresh.size(); i++) {
          if (tried.size() >= MAX_MODELS) {
            break;
          }
          ArimaOrder o = fresh.get(i);
          // fit the next few in parallel: as many as there are threads, so one thread wastes none
          prefetch(fresh.subList(i, Math.min(fresh.size(), i + pool.threads())));
          fittedNew = true;
          boolean constantToggle = o.constant() != at.constant();
          if (tryMove(o) && !constantToggle) {
            break;
          }
        }
      }
    }

    /** The neighbours of {@code o} in auto.arima's order. */
    private List<ArimaOrder> neighbours(ArimaOrder o) {
      int p = o.p();
      int q = o.q();
      int sp = o.seasonalP();
      int sq = o.seasonalQ();
      List<ArimaOrder> out = new ArrayList<>();
      if (sp > 0) {
        out.add(o.with(p, q, sp - 1, sq));
      }
      if (sq > 0) {
        out.add(o.with(p, q, sp, sq - 1));
      }
      if (sp < bounds.seasonalP()) {
        out.add(o.with(p, q, sp + 1, sq));
      }
      if (sq < bounds.seasonalQ()) {
        out.add(o.with(p, q, sp, sq + 1));
      }
      if (sq > 0 && sp > 0) {
        out.add(o.with(p, q, sp - 1, sq - 1));
      }
      if (sq < bounds.seasonalQ() && sp > 0) {
        out.add(o.with(p, q, sp - 1, sq + 1));
      }
      if (sq > 0 && sp < bounds.seasonalP()) {
        out.add(o.with(p, q, sp + 1, sq - 1));
      }
      if (sq < bounds.seasonalQ() && sp < bounds.seasonalP()) {
        out.add(o.with(p, q, sp + 1, sq + 1));
      }
      if (p > 0) {
        out.add(o.with(p - 1, q, sp, sq));
      }
      if (q > 0) {
        out.add(o.with(p, q - 1, sp, sq));
      }
      if (p < bounds.p()) {
        out.add(o.with(p + 1, q, sp, sq));
      }
      if (q < bounds.q()) {
        out.add(o.with(p, q + 1, sp, sq));
      }
      if (q > 0 && p > 0) {
        out.add(o.with(p - 1, q - 1, sp, sq));
      }
      if (q < bounds.q() && p > 0) {
        out.add(o.with(p - 1, q + 1, sp, sq));
      }
      if (q > 0 && p < bounds.p()) {
        out.add(o.with(p + 1, q - 1, sp, sq));
      }
      if (q < bounds.q() && p < bounds.p()) {
        out.add(o.with(p + 1, q + 1, sp, sq));
      }
      if (bounds.constant()) {
        out.add(o.withConstant(!o.constant()));
      }
      return out;
    }
  }
}

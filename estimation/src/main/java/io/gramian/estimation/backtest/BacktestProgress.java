package io.gramian.estimation.backtest;

/** Receives one call per finished fold of a backtest: for a progress display, never for control. */
@FunctionalInterface
public interface BacktestProgress {

  /**
   * Called when fold {@code fold} of {@code folds} has been fitted (or filtered) and forecast.
   *
   * @param fold 1 … folds
   * @param folds K
   * @param refitted whether this fold's parameters were estimated (the first fold's always are)
   */
  void onFold(int fold, int folds, boolean refitted);

  /** A listener that ignores every call. */
  static BacktestProgress silent() {
    return (fold, folds, refitted) -> {};
  }
}

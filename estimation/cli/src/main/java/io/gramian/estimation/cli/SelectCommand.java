package io.gramian.estimation.cli;

import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.select.BacktestRanking;
import io.gramian.estimation.select.ModelSearch;
import io.gramian.estimation.select.Selection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gramian select DATA.csv [--seasonal S] [--transform T] [--by aicc|backtest] [--json
 * OUT.json]}: fits the candidate models of {@link ModelSearch} and prints them ranked by AICc.
 */
@Command(
    name = "select",
    header = "Choose a model: fit the candidates and rank them by AICc.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Fits the structural trend models (with and without a seasonal of period S when --seasonal"
          + " is given) and the models of a stepwise seasonal ARIMA search in the manner of"
          + " forecast::auto.arima (KPSS for d, seasonal strength for D, then the stepwise search"
          + " over p, q, P, Q and the constant), and prints them ranked by AICc on the likelihood"
          + " of the differenced data. AICc compares only within one differencing: the"
          + " candidates with the differencing the tests chose come first; the table marks the"
          + " others as not comparable. 'fit --model auto' fits the first.",
      ""
    },
    footer = {"", "Exit status: 0 on success, 2 for bad input, 1 when the computation fails."})
final class SelectCommand implements Callable<Integer> {

  /** {@code --by} spellings. */
  static final String BY_AICC = "aicc";

  static final String BY_BACKTEST = "backtest";

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DATA.csv", description = "The series, one row per period.")
  Path data;

  @Option(
      names = "--seasonal",
      paramLabel = "S",
      description = "Seasonal period (e.g. 12 for monthly data); without it, no seasonal models.")
  Integer seasonal;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--by",
      paramLabel = "CRITERION",
      defaultValue = BY_AICC,
      description =
          "aicc (the default) or backtest: the RMSE of each candidate's forecasts over --folds"
              + " rolling origins of --horizon periods.")
  String by;

  @Option(
      names = "--horizon",
      paramLabel = "H",
      description =
          "With --by backtest: the periods each fold forecasts (default: the seasonal period,"
              + " else 1).")
  Integer horizon;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description = "With --by backtest: the rolling origins (default: 10).")
  Integer folds;

  /** {@code --folds} when not given. */
  static final int DEFAULT_FOLDS = 10;

  @Option(
      names = "--json",
      paramLabel = "OUT.json",
      description =
          "Also write the ranking as JSON ('-' for standard output, instead of the table).")
  Path json;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Fit candidates on N threads (default: one per processor).")
  Integer threads;

  @Option(names = "--quiet", description = "No progress display on standard error.")
  boolean quiet;

  @Override
  public Integer call() {
    ModelSearch search = search();
    boolean jsonToStdout = json != null && json.toString().equals("-");
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.output("--json", jsonToStdout ? null : json);
      outputs.check();
      DataOptions.Loaded loaded = dataOptions.load(data);
      String jsonText;
      String table;
      if (BY_BACKTEST.equals(by)) {
        BacktestRanking ranking = runByBacktest(search, loaded);
        jsonText = json == null ? null : SelectionReport.json(ranking);
        table = SelectionReport.table(describe(loaded.series().name()), ranking);
      } else {
        Selection selection = run(search, loaded);
        jsonText = json == null ? null : SelectionReport.json(selection);
        table = SelectionReport.table(describe(loaded.series().name()), selection);
      }
      if (outputs.has("--json")) {
        outputs.writeText("--json", jsonText);
      }
      String printed = jsonToStdout ? jsonText : table;
      outputs.commit();
      PrintWriter out = spec.commandLine().getOut();
      out.print(printed);
      out.flush();
      return 0;
    }
  }

  /** The search the options describe; bad options refused before anything is read. */
  ModelSearch search() {
    if (!BY_AICC.equals(by) && !BY_BACKTEST.equals(by)) {
      throw new IllegalArgumentException("--by takes aicc or backtest, got \"" + by + "\"");
    }
    if (BY_AICC.equals(by) && (horizon != null || folds != null)) {
      throw new IllegalArgumentException("--horizon and --folds go with --by backtest");
    }
    if (horizon != null && horizon < 1) {
      throw new IllegalArgumentException("--horizon takes a positive number of periods");
    }
    if (folds != null && folds < 1) {
      throw new IllegalArgumentException("--folds takes a positive number of folds");
    }
    return searchFor(seasonal, dataOptions, threads);
  }

  /** The search of {@code select} and {@code fit --model auto}: period, no exog, threads. */
  static ModelSearch searchFor(Integer seasonal, DataOptions dataOptions, Integer threads) {
    if (seasonal != null && seasonal < 2) {
      throw new IllegalArgumentException(
          "--seasonal takes a period of at least 2, got " + seasonal);
    }
    if (!dataOptions.exog.isEmpty()) {
      throw new IllegalArgumentException(
          "the model search does not take regressors (--exog); fit a model with them instead");
    }
    if (threads != null && threads < 1) {
      throw new IllegalArgumentException("--threads takes at least 1, got " + threads);
    }
    SeriesTransform.parse(dataOptions.transform); // refuses an unknown transform now
    ModelSearch search = ModelSearch.of(seasonal == null ? 1 : seasonal);
    return threads == null ? search : search.withThreads(threads);
  }

  private Selection run(ModelSearch search, DataOptions.Loaded loaded) {
    SelectProgress progress =
        new SelectProgress(
            spec.commandLine().getErr(), FitCommand.stderrIsTerminal(), System::nanoTime);
    try {
      // DataOptions has applied --transform already
      return search.select(loaded.series(), quiet ? c -> {} : progress);
    } finally {
      progress.finish();
    }
  }

  private BacktestRanking runByBacktest(ModelSearch search, DataOptions.Loaded loaded) {
    int h = horizon != null ? horizon : seasonal != null ? seasonal : 1;
    int k = folds != null ? folds : DEFAULT_FOLDS;
    SelectProgress progress =
        new SelectProgress(
            spec.commandLine().getErr(), FitCommand.stderrIsTerminal(), System::nanoTime);
    try {
      // DataOptions has applied --transform already
      return search.selectByBacktest(loaded.series(), h, k, quiet ? c -> {} : progress);
    } finally {
      progress.finish();
    }
  }

  /** The series as the table's header names it: its (transformed) name and the period. */
  private String describe(String name) {
    return name + (seasonal == null ? "" : ", seasonal period " + seasonal);
  }
}

package io.gramian.estimation.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gramian.autodiff.TriaRule;
import io.gramian.datasets.InputEcho;
import io.gramian.kalman.Dimensions;
import io.gramian.kalman.FilterException;
import io.gramian.kalman.SquareRootFilter;
import io.gramian.kalman.StateSpaceSystem;
import io.gramian.kalman.SystemGradient;
import io.gramian.kalman.SystemMatrix;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code gramian loglik DATA.csv --system SYSTEM.json [--columns A,B,...] [--gradient] [--tria-rule
 * masked|pseudoinverse] [--json OUT.json]}: the log-likelihood of a CSV file's values under a
 * state-space system given as JSON, and optionally its gradient with respect to every entry of
 * every system matrix.
 *
 * <p>Or {@code gramian loglik DATA.csv --model MODEL [model options] [data options] --params
 * NAME=VALUE[,NAME=VALUE...] [--gradient] [--json OUT.json]}: the exact diffuse log-likelihood of a
 * named model at given parameter values, and its gradient with respect to those parameters on their
 * natural scale ({@link ModelLoglik}).
 */
@Command(
    name = "loglik",
    header = "The log-likelihood of a series under a state-space system, and its gradient.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "The log-likelihood of the values in DATA.csv under a linear Gaussian state-space system,"
          + " computed by the square-root Kalman filter, and with --gradient its exact gradient"
          + " with respect to every entry of every system matrix.",
      "",
      "SYSTEM.json holds {\"F\": [[...]], \"c\": [...], \"H\": [[...]], \"d\": [...],"
          + " \"cholQ\": [[...]], \"cholR\": [[...]], \"m0\": [...], \"cholP0\": [[...]]}:"
          + " row-major nested arrays, F nx x nx, H ny x nx, cholQ nx x q, cholR ny x r,"
          + " cholP0 nx x k (any number of columns; [[], []] is a factor with two rows and no"
          + " column); c and d default to zeros. m0, cholP0 describe the state at the first"
          + " step before its observation. Optionally \"cholPinf\": [[...]] (nx x d) adds"
          + " exactly diffuse initial directions; the log-likelihood is then the exact diffuse"
          + " one.",
      "",
      "DATA.csv is read as by 'gramian fit': UTF-8 with a header row; the delimiter (comma,"
          + " semicolon or tab) is detected. The time column (--time NAME, else the first column"
          + " named date, time, year, month, quarter, period or index, else the first column"
          + " when it holds dates or periods) is not part of y; its times must increase, and"
          + " years, quarters, months and integers must be consecutive. Without one, the rows"
          + " are the time steps. Missing values: an empty field, NA, NaN or '.'.",
      ""
    },
    footer = {
      "",
      "Instead of --system, --model MODEL --params NAME=VALUE,... gives a named model (the"
          + " models and options of 'gramian fit') at the given parameter values; the gradient"
          + " is then with respect to those parameters on their natural scale (null for a"
          + " variance at exactly zero, where it does not exist).",
      "",
      "Exit status: 0 on success, 2 for bad input, 1 when the computation fails (for example a"
          + " singular innovation covariance)."
    })
final class LoglikCommand implements Callable<Integer> {

  /** The tria differentiation rules offered on the command line. */
  enum RuleName {
    masked(TriaRule.MASKED),
    pseudoinverse(TriaRule.PSEUDOINVERSE);

    final TriaRule rule;

    RuleName(TriaRule rule) {
      this.rule = rule;
    }
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DATA.csv",
      description = "The observations, one row per time step.")
  Path data;

  @Option(
      names = "--system",
      paramLabel = "SYSTEM.json",
      description = "The state-space system, as JSON (see above).")
  Path system;

  @Mixin ModelOptions modelOptions;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--params",
      split = ",",
      paramLabel = "NAME=VALUE",
      description = "With --model: every parameter's value on its natural scale.")
  Map<String, Double> params;

  @Option(
      names = "--columns",
      split = ",",
      paramLabel = "A,B,...",
      hideParamSyntax = true,
      description =
          "The value columns that are y's components, in this order (default: every column"
              + " but the time column); with a model of several series, the series it models.")
  List<String> columns;

  @Option(names = "--gradient", description = "Also compute the gradient of the log-likelihood.")
  boolean gradient;

  @Option(
      names = "--tria-rule",
      paramLabel = "RULE",
      defaultValue = "masked",
      description =
          "How tria is differentiated for --gradient: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}; masked is exact for singular noise of any kind).")
  RuleName triaRule;

  @Option(
      names = "--json",
      paramLabel = "OUT.json",
      description =
          "Write the result as JSON to this file ('-' for standard output) instead of"
              + " the report.")
  Path json;

  private static final JsonMapper JSON = new JsonMapper();

  @Override
  public Integer call() {
    refuseRepeatedParams();
    if (system != null && modelOptions.model != null) {
      throw CliException.badInput("give either --system SYSTEM.json or --model MODEL, not both");
    }
    if (modelOptions.model == null && system == null) {
      throw CliException.badInput(
          "no model given; use --system SYSTEM.json, or --model MODEL --params NAME=VALUE,...");
    }
    if (system != null && params != null) {
      throw CliException.badInput("--params goes with --model, not with --system");
    }
    try (OutputFiles outputs = new OutputFiles()) {
      outputs.input("DATA.csv", data);
      outputs.input("--system", system);
      outputs.output(JSON_OUTPUT, jsonToStdout() ? null : json);
      outputs.check();
      return modelOptions.model != null ? ModelLoglik.run(this, outputs) : runSystem(outputs);
    }
  }

  /** The option that names the JSON output file, as {@link OutputFiles} knows it. */
  static final String JSON_OUTPUT = "--json";

  /** Whether {@code --json -} sends the JSON to standard output. */
  boolean jsonToStdout() {
    return json != null && json.toString().equals("-");
  }

  /**
   * Refuses a parameter that {@code --params} names twice (picocli would keep the last value
   * silently).
   */
  private void refuseRepeatedParams() {
    ParseResult parsed = spec.commandLine().getParseResult();
    if (parsed == null || !parsed.hasMatchedOption("--params")) {
      return;
    }
    Set<String> seen = new HashSet<>();
    // the arguments as typed: stringValues() holds a map option's keys and values apart
    for (String argument : parsed.matchedOption("--params").originalStringValues()) {
      for (String pair : argument.split(",")) {
        String name = pair.split("=", 2)[0];
        if (seen.add(name)) {
          continue;
        }
        throw CliException.badInput(
            "--params gives "
                + InputEcho.plain(name)
                + " more than once; give each parameter one value");
      }
    }
  }

  private int runSystem(OutputFiles outputs) {
    modelOptions.requireNoModelOptions("--system");
    SystemObservations obs = SystemObservations.read(data, dataOptions.time, columns);
    StateSpaceSystem system = SystemJson.read(this.system);
    checkWidth(obs, system);

    DMatrixRMaj Y = obs.values();
    SquareRootFilter filter = SquareRootFilter.forSystem(system);
    SystemGradient grad = null;
    double ll;
    try {
      if (gradient) {
        grad = new SystemGradient(Dimensions.of(system));
        ll = filter.logLikelihoodGradient(system, Y, triaRule.rule, grad);
      } else {
        ll = filter.logLikelihood(system, Y);
      }
    } catch (FilterException e) {
      throw atStep(e, obs);
    } catch (ArithmeticException e) {
      // Math.multiplyExact in the filter's tape: more entries than a Java array can hold.
      if (gradient && "integer overflow".equals(e.getMessage())) {
        throw CliException.failed(
            "the series is too long for the gradient: "
                + obs.steps()
                + " steps of this system need arrays larger than Java allows",
            e);
      }
      throw e;
    } catch (OutOfMemoryError e) {
      filter = null;
      grad = null;
      throw CliException.failed(
          String.format(
              Locale.ROOT,
              "out of memory (Java's heap limit is %d MB)%s; give Java more memory, for example"
                  + " GRAMIAN_JAVA_OPTS=-Xmx8g",
              Runtime.getRuntime().maxMemory() >> 20,
              gradient
                  ? ": the gradient keeps every step's factors, " + obs.steps() + " steps"
                  : ""),
          e);
    }
    if (!Double.isFinite(ll)) {
      throw CliException.failed("the log-likelihood is not finite (" + ll + ")", null);
    }
    if (grad != null) {
      String where = SystemJson.firstNonFinite(grad);
      if (where != null) {
        throw CliException.failed(
            "the gradient is not finite at " + where + " (tria rule " + triaRule + ")", null);
      }
    }

    if (json == null) {
      report(spec.commandLine().getOut(), obs, ll, grad);
    } else {
      String text = jsonText(ll, obs.observedCount(), grad);
      if (jsonToStdout()) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
      } else {
        outputs.writeText(JSON_OUTPUT, text);
        outputs.commit();
      }
    }
    return 0;
  }

  private void checkWidth(SystemObservations obs, StateSpaceSystem system) {
    int width = obs.columns().size();
    if (width != system.ny()) {
      String hint = columns == null ? "; choose them with --columns A,B,..." : "";
      throw CliException.badInput(
          obs.file()
              + " gives "
              + width
              + (width == 1 ? " value column (" : " value columns (")
              + InputEcho.quotedList(obs.columns())
              + ") but "
              + this.system
              + " has ny = "
              + system.ny()
              + " (the rows of H)"
              + hint);
    }
  }

  /** The filter's failure, with the data file's line for the step. */
  private static CliException atStep(FilterException e, SystemObservations obs) {
    int step = e.step();
    String prefix = "time step " + (step + 1) + ": ";
    String message = e.getMessage();
    String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    String where =
        step >= 0 && step < obs.steps()
            ? " (" + obs.file() + ", line " + obs.lineOf(step) + ")"
            : "";
    return CliException.failed("time step " + (step + 1) + where + ": " + rest, e);
  }

  static String jsonText(double ll, int nobs, SystemGradient grad) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("loglikelihood", ll);
    root.put("nobs", nobs);
    if (grad != null) {
      root.set("gradient", SystemJson.gradientNode(grad));
    }
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    try {
      return JSON.writer(pretty).writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  private void report(PrintWriter out, SystemObservations obs, double ll, SystemGradient grad) {
    int total = obs.steps() * obs.columns().size();
    List<String> quoted = new ArrayList<>();
    for (String c : obs.columns()) {
      quoted.add("\"" + c + "\"");
    }
    out.println("Log-likelihood of " + obs.file() + " under " + this.system);
    out.println();
    out.printf(
        Locale.ROOT,
        "  time steps       %d%s%n",
        obs.steps(),
        obs.timeColumn().map(name -> " (time column \"" + name + "\")").orElse(""));
    out.printf(
        Locale.ROOT,
        "  series (ny)      %d: %s%n",
        obs.columns().size(),
        String.join(", ", quoted));
    out.printf(
        Locale.ROOT,
        "  observed values  %d (nobs; %d missing)%n",
        obs.observedCount(),
        total - obs.observedCount());
    out.printf(Locale.ROOT, "  log-likelihood   %s%n", ll);
    if (grad != null) {
      out.println();
      out.println(
          "Gradient of the log-likelihood with respect to each entry (tria rule: "
              + triaRule
              + ")");
      for (String key : SystemJson.keys(grad)) {
        out.println();
        printMatrix(
            out, key, grad.matrices().get(SystemMatrix.ofKey(key)), SystemJson.isVectorKey(key));
      }
    }
    out.flush();
  }

  private static void printMatrix(PrintWriter out, String name, DMatrixRMaj m, boolean vector) {
    if (vector) {
      out.printf(Locale.ROOT, "  %s (length %d)%n", name, m.getNumElements());
    } else {
      out.printf(Locale.ROOT, "  %s (%d x %d)%n", name, m.numRows, m.numCols);
    }
    if (m.getNumElements() == 0) {
      out.println("    (no entries)");
      return;
    }
    int rows = vector ? 1 : m.numRows;
    int cols = vector ? m.getNumElements() : m.numCols;
    for (int i = 0; i < rows; i++) {
      StringBuilder line = new StringBuilder("   ");
      for (int j = 0; j < cols; j++) {
        double v = vector ? m.data[j] : m.unsafe_get(i, j);
        line.append(String.format(Locale.ROOT, " % .6e", v));
      }
      out.println(line);
    }
  }
}

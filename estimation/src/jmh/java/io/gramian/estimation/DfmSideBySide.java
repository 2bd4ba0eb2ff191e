package io.gramian.estimation;

import io.gramian.autodiff.TriaRule;
import io.gramian.estimation.fit.FitOptions;
import io.gramian.estimation.fit.FitResult;
import io.gramian.estimation.fit.MaximumLikelihood;
import io.gramian.estimation.model.LogLikelihood;
import io.gramian.estimation.model.ModelData;
import io.gramian.estimation.models.DynamicFactor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;

/**
 * The Java half of {@code dfm_side_by_side.py}: a dynamic factor model of every column of a panel
 * (CSV without header, T × p) with K factors of order 1, timed warm (median of repeats): the fit
 * from the model's start values, and ℓ with its exact gradient at those start values. Writes one
 * line per figure to the output file: {@code fit SECONDS LOGLIK}, {@code gradient SECONDS LOGLIK},
 * then {@code estimate NAME VALUE} for the fitted parameters (natural scale).
 *
 * <p>Arguments: panel.csv factors output warmups repeats.
 */
public final class DfmSideBySide {

  private DfmSideBySide() {}

  public static void main(String[] args) throws IOException {
    List<String> rows = Files.readAllLines(Path.of(args[0]));
    int factors = Integer.parseInt(args[1]);
    Path out = Path.of(args[2]);
    int warmups = Integer.parseInt(args[3]);
    int repeats = Integer.parseInt(args[4]);
    int p = rows.get(0).split(",").length;
    DMatrixRMaj y = new DMatrixRMaj(rows.size(), p);
    for (int t = 0; t < rows.size(); t++) {
      String[] f = rows.get(t).split(",");
      for (int j = 0; j < p; j++) {
        y.set(t, j, Double.parseDouble(f[j]));
      }
    }
    List<String> series = new ArrayList<>();
    for (int j = 1; j <= p; j++) {
      series.add("y" + j);
    }
    DynamicFactor model = new DynamicFactor(series, factors, 1);
    ModelData data = new ModelData(y, null, null);
    FitResult[] last = new FitResult[1];
    double fitSeconds =
        SideBySide.medianSeconds(
            () -> {
              last[0] = MaximumLikelihood.fit(model, data, FitOptions.defaults());
              return last[0].logLikelihood();
            },
            warmups,
            repeats);
    LogLikelihood ll = new LogLikelihood(model, data, Map.of(), TriaRule.MASKED);
    double[] theta = ll.layout().unconstrained(model.startParameters(data));
    double[] gradient = new double[theta.length];
    double[] value = new double[1];
    double gradientSeconds =
        SideBySide.medianSeconds(
            () -> value[0] = ll.valueAndGradient(theta, gradient), warmups, repeats);
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "fit %.6g %.17g", fitSeconds, last[0].logLikelihood()));
    lines.add(String.format(Locale.ROOT, "gradient %.6g %.17g", gradientSeconds, value[0]));
    List<String> names = last[0].parameterNames();
    double[] estimates = last[0].estimates();
    for (int i = 0; i < names.size(); i++) {
      lines.add(String.format(Locale.ROOT, "estimate %s %.17g", names.get(i), estimates[i]));
    }
    Files.write(out, lines);
  }
}

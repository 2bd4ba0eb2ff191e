package io.gramian.estimation.arima;

import io.gramian.estimation.arima.ArimaCase.Convention;
import io.gramian.estimation.model.ModelData;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The ARIMA rows of the shared reference table, read from {@code arima_cases.csv} (a verbatim copy
 * of the {@code Rarima_*} and {@code SARIMAX_*} rows of that table; the README beside it gives
 * their provenance), with their parameter names translated to ours: R's {@code ar1, ma1, sar1,
 * sma1, intercept} and statsmodels' {@code const, x1 … x3} become {@code ar.L1, ma.L1, ar.S.L12,
 * ma.S.L12, mean, beta.kms, beta.PetrolPrice, beta.law}.
 */
final class ArimaCases {

  private ArimaCases() {}

  /** Every row, in the file's order. */
  static List<ArimaCase> all() {
    List<ArimaCase> cases = new ArrayList<>();
    for (CSVRecord row : read("arima_cases.csv")) {
      cases.add(toCase(row));
    }
    return cases;
  }

  /** The row with this id. */
  static ArimaCase get(String id) {
    for (ArimaCase c : all()) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("no reference row " + id);
  }

  /** The rows in one convention. */
  static List<ArimaCase> inConvention(Convention convention) {
    List<ArimaCase> out = new ArrayList<>();
    for (ArimaCase c : all()) {
      if (c.convention() == convention) {
        out.add(c);
      }
    }
    return out;
  }

  private static ArimaCase toCase(CSVRecord row) {
    String id = row.get("case");
    String[] names = row.get("param_names").split(";");
    String[] values = row.get("params").split(";");
    Map<String, Double> byName = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      byName.put(ourName(names[i]), Double.parseDouble(values[i]));
    }
    boolean r = id.startsWith("Rarima_");
    boolean simple = id.endsWith("_simplediff");
    String body = id.substring(id.indexOf('_') + 1).replace("_simplediff", "");
    Sarimax model;
    ModelData data;
    switch (body) {
      case "nile_ar2":
        model = Sarimax.of(SarimaxOrder.of(2, 0, 0)).withMean(true);
        data = ArimaSeries.nile();
        break;
      case "nileNA_ar2":
        model = Sarimax.of(SarimaxOrder.of(2, 0, 0)).withMean(true);
        data = ArimaSeries.nileNA();
        break;
      case "presidents_ar1":
        model = Sarimax.of(SarimaxOrder.of(1, 0, 0)).withMean(true);
        data = ArimaSeries.presidents();
        break;
      case "presidents_ar3":
        model = Sarimax.of(SarimaxOrder.of(3, 0, 0)).withMean(true);
        data = ArimaSeries.presidents();
        break;
      case "nile_arima011":
        model = Sarimax.of(SarimaxOrder.of(0, 1, 1));
        data = ArimaSeries.nile();
        break;
      case "air_ln_airline":
        model = Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
        data = ArimaSeries.logAir();
        break;
      case "air_log10_airline":
        model = Sarimax.of(SarimaxOrder.of(0, 1, 1, 0, 1, 1, 12));
        data = ArimaSeries.log10Air();
        break;
      case "seatbelts_sar_xreg":
        model =
            Sarimax.of(SarimaxOrder.of(1, 0, 0, 1, 0, 0, 12))
                .withMean(true)
                .withRegressors(ArimaSeries.SEATBELT_REGRESSORS);
        data = ArimaSeries.seatbelts();
        break;
      default:
        throw new IllegalArgumentException("no model for reference row " + id);
    }
    Convention convention;
    if (!model.order().isIntegrated()) {
      convention = Convention.EXACT;
    } else if (simple) {
      convention = Convention.SIMPLE_DIFFERENCING;
      model = model.withIntegration(Integration.SIMPLE_DIFFERENCING);
    } else {
      convention = r ? Convention.R_KAPPA : Convention.STATSMODELS_APPROXIMATE_DIFFUSE;
    }
    List<String> ours = model.parameterNames();
    double[] parameters = new double[ours.size()];
    for (int i = 0; i < parameters.length; i++) {
      Double v = byName.remove(ours.get(i));
      if (v == null) {
        throw new IllegalStateException(id + " has no value for " + ours.get(i));
      }
      parameters[i] = v;
    }
    if (!byName.isEmpty()) {
      throw new IllegalStateException(id + " has parameters the model lacks: " + byName.keySet());
    }
    return new ArimaCase(
        id, model, data, parameters, Double.parseDouble(row.get("loglik")), convention);
  }

  /** Our name for an R or statsmodels parameter name. */
  private static String ourName(String name) {
    switch (name) {
      case "intercept":
      case "const":
        return "mean";
      case "kms":
      case "x1":
        return "beta.kms";
      case "PetrolPrice":
      case "x2":
        return "beta.PetrolPrice";
      case "law":
      case "x3":
        return "beta.law";
      case "sigma2":
        return name;
      default:
        break;
    }
    if (name.matches("ar\\d+")) {
      return "ar.L" + name.substring(2);
    }
    if (name.matches("ma\\d+")) {
      return "ma.L" + name.substring(2);
    }
    if (name.matches("sar\\d+")) {
      return "ar.S.L" + 12 * Integer.parseInt(name.substring(3));
    }
    if (name.matches("sma\\d+")) {
      return "ma.S.L" + 12 * Integer.parseInt(name.substring(3));
    }
    return name; // statsmodels' own spelling: ar.L1, ma.S.L12, ...
  }

  /** The records of a CSV file in this package's test resources ('#' lines are comments). */
  static List<CSVRecord> read(String file) {
    try (InputStream in = ArimaCases.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + file);
      }
      CSVFormat format =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setCommentMarker('#')
              .build();
      return format.parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

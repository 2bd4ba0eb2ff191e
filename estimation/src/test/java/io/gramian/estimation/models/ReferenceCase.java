package io.gramian.estimation.models;

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
 * A reference case: a model on a series, parameter values (by Gramian's names), and the
 * log-likelihood another program reported there. Read from the copies of the shared reference
 * tables in this package's test resources ({@code cases.csv}, {@code kfas_unemp.csv}; see the
 * README beside them).
 *
 * @param id the case's name in its table
 * @param model the model, built from the case's description
 * @param data the series (and regressors)
 * @param parameters natural values by parameter name, in the model's order
 * @param loglik the reference log-likelihood, in the table's convention
 * @param maximum whether the parameters are a maximum of the exact diffuse likelihood (so a fit
 *     must reproduce them)
 */
record ReferenceCase(
    String id,
    UnobservedComponents model,
    ModelData data,
    Map<String, Double> parameters,
    double loglik,
    boolean maximum) {

  @Override
  public String toString() {
    return id;
  }

  /** The parameters' natural values in the model's order. */
  double[] natural() {
    List<String> names = model.parameterNames();
    double[] v = new double[names.size()];
    for (int i = 0; i < v.length; i++) {
      Double x = parameters.get(names.get(i));
      if (x == null) {
        throw new IllegalStateException(id + ": no value for " + names.get(i));
      }
      v[i] = x;
    }
    return v;
  }

  /** The rows of a table in this package's resources, by column name. */
  static List<Map<String, String>> table(String resource) {
    try (InputStream in = ReferenceCase.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord r :
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .build()
              .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        rows.add(new LinkedHashMap<>(r.toMap()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "a;b;c" with values "1;2;3" → {a=1, b=2, c=3}. */
  static Map<String, Double> zip(String names, String values) {
    String[] n = names.split(";");
    String[] v = values.split(";");
    if (n.length != v.length) {
      throw new IllegalStateException(names + " vs " + values);
    }
    Map<String, Double> m = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      m.put(n[i].strip(), Double.parseDouble(v[i].strip()));
    }
    return m;
  }

  /** "a=1; b=2" → {a=1, b=2}. */
  static Map<String, Double> assignments(String text) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      String[] kv = part.split("=");
      m.put(kv[0].strip(), Double.parseDouble(kv[1].strip()));
    }
    return m;
  }
}

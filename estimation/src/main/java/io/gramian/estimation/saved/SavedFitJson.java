package io.gramian.estimation.saved;

import io.gramian.estimation.batch.ModelSpec;
import io.gramian.estimation.batch.SeriesTransform;
import io.gramian.estimation.diagnostics.CovarianceType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SavedFit} ↔ the JSON tree of the {@code gramian-fit} format, version 1 (docs/cli.md,
 * "Saved fits"):
 *
 * <pre>{@code
 * {"format": "gramian-fit", "version": 1, "software": "gramian 0.1.0",
 *  "model": {"model": "bsm", "seasonal": 12}, "spelling": "--model bsm --seasonal 12",
 *  "transform": "log", "exog": [], "fixed": {}, "covariance_type": "opg",
 *  "data": {"file": …, "column": …, "time_column": …, "frequency": "monthly", "nobs": 144,
 *           "time": ["1949-01", …], "columns": {"passengers": [112.0, …]}},
 *  "parameters": ["sigma2.irregular", …], "estimates": […], "std_errors": […],
 *  "covariance": [[…], …], "loglikelihood": …, "converged": true, "iterations": 31}
 * }</pre>
 *
 * Undefined numbers (a standard error or covariance entry without a value, a missing observation)
 * are {@code null}. Reading checks the format and version first, then names any field that is
 * missing or of the wrong kind.
 */
final class SavedFitJson {

  private SavedFitJson() {}

  static Map<String, Object> tree(SavedFit fit) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", SavedFit.FORMAT);
    root.put("version", SavedFit.VERSION);
    root.put("software", fit.software());
    root.put("model", fit.model().options());
    root.put("spelling", fit.model().spelling());
    root.put("transform", fit.transform().spelling());
    root.put("exog", fit.exog());
    root.put("fixed", fit.fixed());
    root.put("covariance_type", fit.covarianceType().label());
    SavedData d = fit.data();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("file", d.file());
    data.put("column", d.column());
    data.put("time_column", d.timeColumn());
    data.put("frequency", d.frequency());
    data.put("nobs", d.nobs());
    data.put("time", d.time());
    Map<String, Object> columns = new LinkedHashMap<>();
    d.columns().forEach((name, values) -> columns.put(name, numbers(values)));
    data.put("columns", columns);
    root.put("data", data);
    root.put("parameters", fit.parameterNames());
    root.put("estimates", numbers(fit.estimates()));
    root.put("std_errors", numbers(fit.standardErrors()));
    List<Object> cov = new ArrayList<>();
    for (double[] row : fit.covariance()) {
      cov.add(numbers(row));
    }
    root.put("covariance", cov);
    root.put("loglikelihood", fit.logLikelihood());
    root.put("converged", fit.converged());
    root.put("iterations", fit.iterations());
    return root;
  }

  static SavedFit fit(Object parsed, String source) {
    Fields root = Fields.root(parsed, source);
    Object format = root.raw("format");
    if (!SavedFit.FORMAT.equals(format)) {
      throw new JsonFormatException(
          source
              + " is not a saved Gramian fit (its \"format\" is "
              + (format == null ? "missing" : JsonWriter.write(format).strip())
              + ", not \""
              + SavedFit.FORMAT
              + "\"); write one with gramian fit … --save FIT.json");
    }
    int version = root.integer("version");
    if (version > SavedFit.VERSION) {
      throw new JsonFormatException(
          source
              + " is a gramian-fit of version "
              + version
              + ", newer than this software reads ("
              + SavedFit.VERSION
              + "); it was written by "
              + root.raw("software")
              + ", use that version or newer");
    }
    if (version < 1) {
      throw new JsonFormatException(source + ": \"version\" " + version + " is not a version");
    }
    ModelSpec model;
    try {
      model = ModelSpec.fromOptions(root.object("model").map());
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(source + ": \"model\": " + e.getMessage());
    }
    SeriesTransform transform;
    CovarianceType covarianceType;
    try {
      transform = SeriesTransform.parse(root.string("transform"));
      covarianceType = CovarianceType.parse(root.string("covariance_type"));
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(source + ": " + e.getMessage());
    }
    Fields d = root.object("data");
    Fields columns = d.object("columns");
    Map<String, double[]> values = new LinkedHashMap<>();
    for (String name : columns.map().keySet()) {
      values.put(name, columns.numbers(name));
    }
    SavedData data;
    List<String> parameters = root.strings("parameters");
    try {
      data =
          new SavedData(
              d.string("file"),
              d.string("column"),
              d.optionalString("time_column"),
              d.string("frequency"),
              d.strings("time"),
              values);
      Map<String, Double> fixed = new LinkedHashMap<>();
      Fields fixedFields = root.object("fixed");
      for (String name : fixedFields.map().keySet()) {
        fixed.put(name, fixedFields.number(name));
      }
      double[] estimates = root.numbers("estimates");
      for (int i = 0; i < estimates.length; i++) {
        if (Double.isNaN(estimates[i])) {
          throw new JsonFormatException(
              source
                  + ": the field \"estimates\" has null for "
                  + (i < parameters.size() ? parameters.get(i) : "entry " + (i + 1)));
        }
      }
      return new SavedFit(
          root.string("software"),
          model,
          transform,
          data,
          root.strings("exog"),
          fixed,
          covarianceType,
          parameters,
          estimates,
          root.numbers("std_errors"),
          root.matrix("covariance"),
          root.number("loglikelihood"),
          root.bool("converged"),
          root.integer("iterations"));
    } catch (JsonFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(source + ": " + e.getMessage());
    }
  }

  private static List<Object> numbers(double[] values) {
    List<Object> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(Double.isNaN(v) ? null : v);
    }
    return list;
  }

  /** The fields of one JSON object, each read as the kind it should be or an error naming it. */
  private record Fields(Map<String, Object> map, String path, String source) {

    static Fields root(Object parsed, String source) {
      if (!(parsed instanceof Map<?, ?>)) {
        throw new JsonFormatException(
            source + " is not a saved Gramian fit (it holds no JSON object)");
      }
      return new Fields(asObject(parsed), "", source);
    }

    /** A JSON object as {@link JsonReader} gives it: string keys. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asObject(Object parsed) {
      return (Map<String, Object>) parsed;
    }

    Object raw(String name) {
      return map.get(name);
    }

    private Object required(String name) {
      if (!map.containsKey(name)) {
        throw new JsonFormatException(source + ": the field \"" + path + name + "\" is missing");
      }
      return map.get(name);
    }

    private JsonFormatException kind(String name, String expected) {
      return new JsonFormatException(
          source + ": the field \"" + path + name + "\" should be " + expected);
    }

    Fields object(String name) {
      Object v = required(name);
      if (v instanceof Map<?, ?>) {
        return new Fields(asObject(v), path + name + ".", source);
      }
      throw kind(name, "an object");
    }

    String string(String name) {
      if (required(name) instanceof String s) {
        return s;
      }
      throw kind(name, "a string");
    }

    String optionalString(String name) {
      Object v = map.get(name);
      if (v == null || v instanceof String) {
        return (String) v;
      }
      throw kind(name, "a string or null");
    }

    double number(String name) {
      if (required(name) instanceof Double v) {
        return v;
      }
      throw kind(name, "a number");
    }

    int integer(String name) {
      if (required(name) instanceof Double v && v == Math.rint(v) && Math.abs(v) < 1e9) {
        return (int) (double) v;
      }
      throw kind(name, "an integer");
    }

    boolean bool(String name) {
      if (required(name) instanceof Boolean b) {
        return b;
      }
      throw kind(name, "true or false");
    }

    List<String> strings(String name) {
      if (required(name) instanceof List<?> list
          && list.stream().allMatch(v -> v instanceof String)) {
        return list.stream().map(String.class::cast).toList();
      }
      throw kind(name, "an array of strings");
    }

    /** An array of numbers, null read as NaN (undefined). */
    double[] numbers(String name) {
      if (required(name) instanceof List<?> list) {
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
          Object v = list.get(i);
          if (v == null) {
            out[i] = Double.NaN;
          } else if (v instanceof Double d) {
            out[i] = d;
          } else {
            throw kind(name, "an array of numbers (entry " + (i + 1) + " is not)");
          }
        }
        return out;
      }
      throw kind(name, "an array of numbers");
    }

    double[][] matrix(String name) {
      if (required(name) instanceof List<?> rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
          if (!(rows.get(i) instanceof List<?>)) {
            throw kind(name, "an array of rows of numbers");
          }
          String row = name + "[" + i + "]";
          out[i] = new Fields(Map.of(row, (Object) rows.get(i)), path, source).numbers(row);
        }
        return out;
      }
      throw kind(name, "an array of rows of numbers");
    }
  }
}

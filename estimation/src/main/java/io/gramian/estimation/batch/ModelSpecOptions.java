package io.gramian.estimation.batch;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link ModelSpec} ↔ its options by command-line name, for saved fits: each record component is
 * the option of the same name hyphenated ({@code seasonalType} ↔ {@code seasonal-type}, {@code
 * arLags} ↔ {@code ar-lags}). Read from the record's components, so an option added to {@link
 * ModelSpec} is saved and read back with no change here; the components of a nested record ({@link
 * StructuralOptions}: {@code harmonics}, {@code cycle}, {@code exog-varying}, …) are options of the
 * same level. Values are strings, numbers, booleans or lists of them; an option not given (null,
 * false, 0, an empty list) is left out.
 */
final class ModelSpecOptions {

  private ModelSpecOptions() {}

  /**
   * The options given, by option name, in the record's order; a component that is itself a record
   * ({@link StructuralOptions}) contributes its own components as options, in its order.
   */
  static Map<String, Object> of(ModelSpec spec) {
    Map<String, Object> options = new LinkedHashMap<>();
    put(spec, options);
    return options;
  }

  private static void put(Record record, Map<String, Object> options) {
    for (RecordComponent c : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = c.getAccessor().invoke(record);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(
            "cannot read " + record.getClass().getSimpleName() + "." + c.getName(), e);
      }
      if (value instanceof Record nested) {
        put(nested, options);
      } else if (!isDefault(value, c.getType())) {
        options.put(optionName(c.getName()), value);
      }
    }
  }

  /**
   * The specification with these options (the others not given).
   *
   * @throws IllegalArgumentException naming an option this version does not know, or one whose
   *     value has the wrong kind
   */
  static ModelSpec from(Map<String, ?> options) {
    List<String> known = new ArrayList<>();
    ModelSpec spec = build(ModelSpec.class, options, known);
    for (String name : options.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "model option \"" + name + "\" is unknown to this version; it knows " + known);
      }
    }
    return spec;
  }

  /** The record of {@code type} from the options its components name (nested records too). */
  private static <R extends Record> R build(
      Class<R> type, Map<String, ?> options, List<String> known) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      if (c.getType().isRecord()) {
        args[i] = build(c.getType().asSubclass(Record.class), options, known);
      } else {
        String name = optionName(c.getName());
        known.add(name);
        args[i] = converted(name, options.get(name), c.getType(), c.getGenericType());
      }
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException("cannot build a " + type.getSimpleName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a " + type.getSimpleName(), e);
    }
  }

  /** {@code seasonalType} → {@code seasonal-type}. */
  static String optionName(String component) {
    StringBuilder s = new StringBuilder();
    for (char c : component.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('-').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString().toLowerCase(Locale.ROOT);
  }

  /** Not given: null, an empty list, or a primitive's zero (false, 0). */
  private static boolean isDefault(Object value, Class<?> type) {
    return value == null
        || (value instanceof List<?> l && l.isEmpty())
        || (type.isPrimitive()
            && (Boolean.FALSE.equals(value)
                || (value instanceof Number n && n.doubleValue() == 0)));
  }

  private static Object converted(String name, Object value, Class<?> type, Type generic) {
    if (value == null) {
      if (type == boolean.class) {
        return false;
      }
      if (type == int.class) {
        return 0;
      }
      if (type == double.class) {
        return 0.0;
      }
      if (type == List.class) {
        return List.of();
      }
      return null;
    }
    if (type == List.class) {
      if (!(value instanceof List<?> list)) {
        throw kind(name, "a list", value);
      }
      Class<?> element =
          generic instanceof ParameterizedType p
                  && p.getActualTypeArguments()[0] instanceof Class<?> e
              ? e
              : Object.class;
      List<Object> out = new ArrayList<>();
      for (Object v : list) {
        out.add(converted(name, v, element, element));
      }
      return List.copyOf(out);
    }
    if (type == String.class) {
      if (value instanceof String) {
        return value;
      }
      throw kind(name, "a string", value);
    }
    if (type == boolean.class || type == Boolean.class) {
      if (value instanceof Boolean) {
        return value;
      }
      throw kind(name, "true or false", value);
    }
    if (type == int.class || type == Integer.class) {
      if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return (int) n.doubleValue();
      }
      throw kind(name, "an integer", value);
    }
    if (type == double.class || type == Double.class) {
      if (value instanceof Number n) {
        return n.doubleValue();
      }
      throw kind(name, "a number", value);
    }
    if (type == Object.class) {
      return value;
    }
    throw new IllegalStateException(
        "ModelSpec option " + name + " has a type saved fits cannot hold: " + type.getName());
  }

  private static IllegalArgumentException kind(String name, String expected, Object value) {
    return new IllegalArgumentException(
        "model option \"" + name + "\" should be " + expected + ", not " + value);
  }
}

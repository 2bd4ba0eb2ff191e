package io.gramian.estimation.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's parameter values read by name or by block, never by position: the values a model's
 * {@link StateSpaceModel#build} receives, in the order of its {@link
 * StateSpaceModel#parameterBlocks()}, keyed by the parameters' names.
 *
 * <pre>
 *   ParameterValues&lt;Var&gt; p = ParameterValues.of(parameterBlocks(), values);
 *   Var sigma2 = p.get("sigma2");
 *   List&lt;Var&gt; phi = p.block(arBlock);
 * </pre>
 *
 * @param <T> the value of one parameter (a tape node, or a number)
 */
public final class ParameterValues<T> {

  private final Map<String, T> byName;

  private ParameterValues(Map<String, T> byName) {
    this.byName = byName;
  }

  /**
   * The values of {@code blocks}' parameters, one per name in block order.
   *
   * @throws IllegalArgumentException if the number of values differs from the number of names
   */
  public static <T> ParameterValues<T> of(List<ParameterBlock> blocks, T[] values) {
    Map<String, T> byName = new LinkedHashMap<>();
    int count = 0;
    for (ParameterBlock block : blocks) {
      count += block.size();
    }
    if (values.length != count) {
      throw new IllegalArgumentException(
          values.length + " parameter values for the " + count + " parameters of the blocks");
    }
    int i = 0;
    for (ParameterBlock block : blocks) {
      for (String name : block.names()) {
        byName.put(name, values[i++]);
      }
    }
    return new ParameterValues<>(Collections.unmodifiableMap(byName));
  }

  /**
   * The value of one parameter.
   *
   * @throws IllegalArgumentException naming the parameter if the model has none of that name
   */
  public T get(String name) {
    T value = byName.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "no parameter " + name + "; the parameters are " + String.join(", ", byName.keySet()));
    }
    return value;
  }

  /** Whether there is a parameter of this name. */
  public boolean has(String name) {
    return byName.containsKey(name);
  }

  /** The values of a block's parameters, in the block's order. */
  public List<T> block(ParameterBlock block) {
    return block.names().stream().map(this::get).toList();
  }

  /** The values of the named parameters, in the order given. */
  public List<T> of(List<String> names) {
    return names.stream().map(this::get).toList();
  }

  /** Every value by name, in block order (unmodifiable). */
  public Map<String, T> asMap() {
    return byName;
  }
}

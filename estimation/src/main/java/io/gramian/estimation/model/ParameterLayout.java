package io.gramian.estimation.model;

import io.gramian.datasets.InputEcho;
import io.gramian.estimation.transform.ParameterTransform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which of a model's parameters are free and how the optimiser's unconstrained θ (free parameters
 * only) maps to the natural values and to the values a model's {@code build} receives. A fixed
 * parameter keeps the natural value it was given. Blocks that constrain parameters jointly (an AR
 * or MA polynomial) are fixed or free as a whole.
 */
public final class ParameterLayout {

  private final List<String> names;
  private final List<ParameterBlock> blocks;
  private final boolean[] blockFixed;
  private final double[] fixedValues;
  private final List<String> freeNames;
  private final boolean[] variance;

  /**
   * @param fixed natural values of the parameters to hold fixed (may be empty)
   * @throws IllegalArgumentException naming an unknown parameter, an infeasible fixed value, or
   *     part of a block fixed without the rest
   */
  public ParameterLayout(StateSpaceModel model, Map<String, Double> fixed) {
    names = List.copyOf(model.parameterNames());
    blocks = List.copyOf(model.parameterBlocks());
    Map<String, Double> remaining = new LinkedHashMap<>(fixed);
    blockFixed = new boolean[blocks.size()];
    fixedValues = new double[names.size()];
    variance = new boolean[names.size()];
    List<String> free = new ArrayList<>();
    int offset = 0;
    for (int b = 0; b < blocks.size(); b++) {
      ParameterBlock block = blocks.get(b);
      int given = 0;
      for (String n : block.names()) {
        if (remaining.containsKey(n)) {
          given++;
        }
      }
      if (given != 0 && given != block.size()) {
        throw new IllegalArgumentException(
            "parameters " + block.names() + " are constrained together; fix all of them or none");
      }
      blockFixed[b] = given > 0;
      for (int i = 0; i < block.size(); i++) {
        String n = block.names().get(i);
        variance[offset + i] = block.variance();
        if (blockFixed[b]) {
          fixedValues[offset + i] = remaining.remove(n);
        } else {
          free.add(n);
        }
      }
      if (blockFixed[b]) {
        double[] natural = new double[block.size()];
        System.arraycopy(fixedValues, offset, natural, 0, block.size());
        block.transform().toUnconstrained(natural); // throws, naming the parameter, if infeasible
      }
      offset += block.size();
    }
    if (!remaining.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown parameter "
              + InputEcho.plain(remaining.keySet().iterator().next())
              + " for model "
              + model.name()
              + "; its parameters are "
              + String.join(", ", names));
    }
    freeNames = Collections.unmodifiableList(free);
  }

  /** All parameter names, in model order. */
  public List<String> names() {
    return names;
  }

  /** Names of the free parameters, in θ order. */
  public List<String> freeNames() {
    return freeNames;
  }

  public int freeCount() {
    return freeNames.size();
  }

  /** Whether parameter i (model order) is a variance. */
  public boolean isVariance(int i) {
    return variance[i];
  }

  /** The natural values of all parameters for θ over the free ones. */
  public double[] natural(double[] theta) {
    double[] natural = new double[names.size()];
    forEachBlock(
        theta,
        (block, offset, thetaOffset, fixedBlock) -> {
          if (fixedBlock) {
            System.arraycopy(fixedValues, offset, natural, offset, block.size());
          } else {
            double[] part = block.transform().toNatural(slice(theta, thetaOffset, block.size()));
            System.arraycopy(part, 0, natural, offset, block.size());
          }
        });
    return natural;
  }

  /** θ for the free parameters' natural values taken from {@code natural} (all parameters). */
  public double[] unconstrained(double[] natural) {
    double[] theta = new double[freeNames.size()];
    forEachBlock(
        theta,
        (block, offset, thetaOffset, fixedBlock) -> {
          if (!fixedBlock) {
            double[] part = block.transform().toUnconstrained(slice(natural, offset, block.size()));
            System.arraycopy(part, 0, theta, thetaOffset, block.size());
          }
        });
    return theta;
  }

  /**
   * Checks that the log-likelihood exists at natural values of all parameters, which may lie
   * outside the region a fit searches (a non-invertible MA polynomial, say): see {@link
   * ParameterTransform#requireLikelihoodExists}.
   *
   * @throws IllegalArgumentException naming the parameter where it does not
   */
  public void requireLikelihoodExists(double[] natural) {
    if (natural.length != names.size()) {
      throw new IllegalArgumentException(
          natural.length + " values for the " + names.size() + " parameters " + names);
    }
    int offset = 0;
    for (ParameterBlock block : blocks) {
      block.transform().requireLikelihoodExists(slice(natural, offset, block.size()));
      offset += block.size();
    }
  }

  /**
   * The value {@code build} receives for parameter i: the standard deviation θ_i itself for a free
   * variance (σ² = θ²), √σ² for a fixed one, the natural value otherwise.
   */
  public double buildValue(int i, double[] theta, double[] natural) {
    if (variance[i]) {
      int j = freeIndex(i);
      if (j >= 0) {
        return theta[j];
      }
    }
    return buildValue(i, natural);
  }

  /**
   * The value {@code build} receives for parameter i held at its natural value: √σ² for a variance,
   * the natural value otherwise (what {@link #buildValue(int, double[], double[])} gives a fixed
   * parameter).
   */
  public double buildValue(int i, double[] natural) {
    return variance[i] ? Math.sqrt(natural[i]) : natural[i];
  }

  /** Position in θ of parameter i, or −1 when it is fixed. */
  public int freeIndex(int i) {
    int offset = 0;
    int thetaOffset = 0;
    for (int b = 0; b < blocks.size(); b++) {
      int size = blocks.get(b).size();
      if (i < offset + size) {
        return blockFixed[b] ? -1 : thetaOffset + (i - offset);
      }
      offset += size;
      if (!blockFixed[b]) {
        thetaOffset += size;
      }
    }
    throw new IndexOutOfBoundsException("no parameter " + i);
  }

  /**
   * ∂ℓ/∂θ from ∂ℓ/∂(build values of the free parameters, in θ order): the identity for a variance
   * (its build value is θ), the block transform's pull-back otherwise.
   */
  public double[] pullBack(double[] theta, double[] buildBar) {
    double[] thetaBar = new double[theta.length];
    forEachBlock(
        theta,
        (block, offset, thetaOffset, fixedBlock) -> {
          if (fixedBlock) {
            return;
          }
          double[] bar = slice(buildBar, thetaOffset, block.size());
          double[] out =
              block.variance()
                  ? bar
                  : block.transform().pullBack(slice(theta, thetaOffset, block.size()), bar);
          System.arraycopy(out, 0, thetaBar, thetaOffset, block.size());
        });
    return thetaBar;
  }

  /** J = ∂natural_free/∂θ (k × k), column by column through the pull-back of unit vectors. */
  public double[][] naturalJacobian(double[] theta) {
    int k = theta.length;
    double[][] J = new double[k][k];
    forEachBlock(
        theta,
        (block, offset, thetaOffset, fixedBlock) -> {
          if (fixedBlock) {
            return;
          }
          ParameterTransform t = block.transform();
          double[] th = slice(theta, thetaOffset, block.size());
          for (int i = 0; i < block.size(); i++) {
            double[] unit = new double[block.size()];
            unit[i] = 1;
            double[] row = t.pullBack(th, unit); // row i of J within the block
            for (int j = 0; j < block.size(); j++) {
              J[thetaOffset + i][thetaOffset + j] = row[j];
            }
          }
        });
    return J;
  }

  /** ∂b/∂θ for the free build values b (k × k): identity for variances, J otherwise. */
  public double[][] buildJacobian(double[] theta) {
    double[][] J = naturalJacobian(theta);
    forEachBlock(
        theta,
        (block, offset, thetaOffset, fixedBlock) -> {
          if (fixedBlock || !block.variance()) {
            return;
          }
          for (int i = 0; i < block.size(); i++) {
            java.util.Arrays.fill(J[thetaOffset + i], 0.0);
            J[thetaOffset + i][thetaOffset + i] = 1.0;
          }
        });
    return J;
  }

  private interface BlockVisitor {
    void visit(ParameterBlock block, int offset, int thetaOffset, boolean fixed);
  }

  private void forEachBlock(double[] theta, BlockVisitor visitor) {
    int offset = 0;
    int thetaOffset = 0;
    for (int b = 0; b < blocks.size(); b++) {
      ParameterBlock block = blocks.get(b);
      visitor.visit(block, offset, thetaOffset, blockFixed[b]);
      offset += block.size();
      if (!blockFixed[b]) {
        thetaOffset += block.size();
      }
    }
  }

  private static double[] slice(double[] a, int from, int length) {
    double[] out = new double[length];
    System.arraycopy(a, from, out, 0, length);
    return out;
  }
}

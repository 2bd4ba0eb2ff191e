package io.gramian.estimation;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The time per step of one side-by-side filter case on several builds of the kernels, in one JVM:
 * each build is loaded by a class loader of its own (so each is compiled by the JIT on its own),
 * and the builds take turns in short bursts, so that they share the machine's moments. On a shared,
 * noisy machine this resolves differences of 2–3% that runs of {@link FilterStepTiming} in JVMs of
 * their own, one after another, do not.
 *
 * <p>Arguments: the case folder (as {@code side_by_side.py --inputs DIR} writes), {@code ll} or
 * {@code grad} (or {@code fit:NAME} and anything: a whole fit of {@link SideBySide}'s case NAME,
 * timed in ms per fit), the number of rounds, the seconds per burst, then one class path per build
 * (entries separated by the path separator: that build's autodiff, kalman, datasets and estimation
 * classes, this class's included, and their dependencies). Two rounds warm up untimed; then each
 * build's median over the rounds is printed in µs per step, and each build's ratio to the first,
 * round by round (the median and the range).
 */
public final class BuildsInOneJvm {

  private BuildsInOneJvm() {}

  /** The first argument's prefix that names a fit case instead of a filter case's folder. */
  private static final String FIT = "fit:";

  /** One build: its filter, system, data and the call that times it. */
  private record Build(Object filter, Object system, Object Y, Method call, Object[] extra) {}

  public static void main(String[] args) throws Exception {
    String fitCase = args[0].startsWith(FIT) ? args[0].substring(FIT.length()) : null;
    Path dir = Path.of(fitCase == null ? args[0] : fitCase);
    boolean gradient = args[1].equals("grad");
    int rounds = Integer.parseInt(args[2]);
    double burst = Double.parseDouble(args[3]);
    List<Build> builds = new ArrayList<>();
    int steps = 0;
    for (int b = 4; b < args.length; b++) {
      List<URL> urls = new ArrayList<>();
      for (String entry : args[b].split(java.io.File.pathSeparator)) {
        urls.add(Path.of(entry).toUri().toURL());
      }
      ClassLoader loader =
          new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      Class<?> sideBySide = loader.loadClass(SideBySide.class.getName());
      if (fitCase != null) {
        Method fitOnce = sideBySide.getDeclaredMethod("fitOnce", String.class);
        fitOnce.setAccessible(true);
        builds.add(new Build(null, fitCase, null, fitOnce, null));
        steps = 1; // ms per fit, below
        continue;
      }
      Method readSystem = sideBySide.getDeclaredMethod("system", Path.class);
      Method read = sideBySide.getDeclaredMethod("read", Path.class, String.class);
      readSystem.setAccessible(true);
      read.setAccessible(true);
      Object system = readSystem.invoke(null, dir);
      Object Y = read.invoke(null, dir, "Y");
      Class<?> stateSpace = loader.loadClass("io.gramian.kalman.StateSpace");
      Class<?> matrix = loader.loadClass("org.ejml.data.DMatrixRMaj");
      Class<?> filterClass = loader.loadClass("io.gramian.kalman.SquareRootFilter");
      steps = (int) matrix.getField("numRows").get(Y);
      Object filter = filterClass.getMethod("forSystem", stateSpace).invoke(null, system);
      if (gradient) {
        Class<?> rule = loader.loadClass("io.gramian.autodiff.TriaRule");
        Class<?> accumulator = loader.loadClass("io.gramian.kalman.AdjointAccumulator");
        Class<?> dimensions = loader.loadClass("io.gramian.kalman.Dimensions");
        Class<?> systemGradient = loader.loadClass("io.gramian.kalman.SystemGradient");
        Object dims = dimensions.getMethod("of", stateSpace).invoke(null, system);
        Object g = systemGradient.getConstructor(dimensions).newInstance(dims);
        Method call =
            filterClass.getMethod("logLikelihoodGradient", stateSpace, matrix, rule, accumulator);
        builds.add(
            new Build(
                filter,
                system,
                Y,
                call,
                new Object[] {
                  rule.getField("MASKED").get(null), g, systemGradient.getMethod("zero")
                }));
      } else {
        builds.add(
            new Build(
                filter,
                system,
                Y,
                filterClass.getMethod("logLikelihood", stateSpace, matrix),
                null));
      }
    }
    double[][] perStep = new double[builds.size()][rounds];
    double sink = 0;
    for (int round = -2; round < rounds; round++) {
      for (int b = 0; b < builds.size(); b++) {
        Build build = builds.get(b);
        long t0 = System.nanoTime();
        int runs = 0;
        while (System.nanoTime() - t0 < burst * 1e9) {
          sink += run(build);
          runs++;
        }
        if (round >= 0) {
          perStep[b][round] =
              (System.nanoTime() - t0) * (fitCase == null ? 1e-3 : 1e-6) / runs / steps;
        }
      }
    }
    for (int b = 0; b < builds.size(); b++) {
      System.out.printf(
          Locale.ROOT,
          "%s %s build %d: %.4f %s (median of %d)%n",
          dir.getFileName(),
          fitCase != null ? "fit" : gradient ? "ℓ+∇" : "ℓ",
          b + 1,
          median(perStep[b]),
          fitCase == null ? "µs per step" : "ms per fit",
          rounds);
    }
    for (int b = 1; b < builds.size(); b++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = perStep[b][r] / perStep[0][r];
      }
      Arrays.sort(ratio);
      System.out.printf(
          Locale.ROOT,
          "build %d / build 1: %.3f (rounds %.3f to %.3f)%s%n",
          b + 1,
          median(ratio),
          ratio[0],
          ratio[rounds - 1],
          sink == 42 ? " " : "");
    }
  }

  private static double run(Build build) throws Exception {
    if (build.filter() == null) {
      return (double) build.call().invoke(null, build.system());
    }
    if (build.extra() == null) {
      return (double) build.call().invoke(build.filter(), build.system(), build.Y());
    }
    ((Method) build.extra()[2]).invoke(build.extra()[1]);
    return (double)
        build
            .call()
            .invoke(build.filter(), build.system(), build.Y(), build.extra()[0], build.extra()[1]);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}

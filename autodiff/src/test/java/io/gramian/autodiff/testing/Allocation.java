package io.gramian.autodiff.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;

/** Bytes a piece of code allocates on this thread, by HotSpot's per-thread allocation counter. */
public final class Allocation {

  /**
   * The allowance of a warm loop of many calls: the counter's read and a JIT deoptimisation may
   * show a few frames once, far below a byte a call.
   */
  public static final long WARM_LOOP_ALLOWANCE = 4096;

  private Allocation() {}

  /**
   * Bytes allocated by {@code calls} runs of {@code body} after as many runs to warm the JIT up.
   */
  public static long ofWarmLoop(int calls, Runnable body) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTrue(
        threads.isThreadAllocatedMemorySupported(),
        "this JVM cannot count allocated bytes per thread");
    threads.setThreadAllocatedMemoryEnabled(true);
    long allocated = 0;
    for (int round = 0; round < 2; round++) { // the first round warms the JIT up
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < calls; i++) {
        body.run();
      }
      allocated = threads.getCurrentThreadAllocatedBytes() - before;
    }
    return allocated;
  }
}

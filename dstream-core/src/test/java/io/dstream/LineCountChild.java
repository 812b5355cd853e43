package io.dstream;

import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;

/**
 * The program that {@link LargeFileStreamIT} runs in a child JVM with a small heap: counts the lines of the
 * files in a directory (argument 0) with one batch of a {@code fileStream} on {@code local[2]}, and reports
 * {@code count <n>}.
 */
final class LineCountChild {
  private LineCountChild() {}

  public static void main(String[] args) {
    ChildJvm.report(System.out, "started");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().setMaster("local[2]"))) {
      CollectedOutput<Long> counts = t.collect(t.context().fileStream(args[0], file -> true, false).count());
      // Far after the files' modification times, so that the first batch takes them all.
      t.clock().setTime(System.currentTimeMillis() + 60_000);
      t.runBatches(1);
      List<Long> batch = counts.batches().get(0);
      ChildJvm.report(System.out, "count " + batch.get(0));
    }
  }
}

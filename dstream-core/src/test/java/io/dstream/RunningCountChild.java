package io.dstream;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The program that {@link StatefulRunningCountCrashRecoveryIT} runs in a child JVM and kills (see
 * {@link CrashLoopChild} for its arguments and progress reports): the running count of every word of the files
 * that appear in a directory, kept with {@code updateStateByKey} (its state snapshotted every 3 batches, so a
 * recovery both restores a snapshot and computes the batches after it again), each batch's counts saved with
 * {@code saveAsTextFiles}, recoverable with {@code getOrCreate}.
 */
final class RunningCountChild {
  private RunningCountChild() {}

  public static void main(String[] args) throws Exception {
    CrashLoopChild child = new CrashLoopChild(args);
    StreamingContext ssc = StreamingContext.getOrCreate(child.checkpoints, () -> {
      StreamingContext created = child.newContext();
      PairDStream<String, Integer> counts = created.fileStream(child.input, file -> file.endsWith(".txt"), false)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1))
          .updateStateByKey((List<Integer> ones, Optional<Integer> count) ->
              Optional.of(count.orElse(0) + ones.size()))
          .checkpoint(child.batch.times(3))
          .name("running-counts");
      child.reportOutputs(counts);
      counts.saveAsTextFiles(child.outputPrefix(CrashLoop.COUNTS));
      child.stopOnEndWord(counts);
      return created;
    });
    child.runToTheEnd(ssc);
  }
}

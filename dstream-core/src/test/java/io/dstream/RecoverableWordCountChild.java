package io.dstream;

import java.util.Arrays;

/**
 * The program that {@link FileStreamCrashRecoveryIT} runs in a child JVM and kills (see {@link CrashLoopChild}
 * for its arguments and progress reports): word counts of the files that appear in a directory, each batch's
 * saved with {@code saveAsTextFiles}, recoverable with {@code getOrCreate}.
 */
final class RecoverableWordCountChild {
  private RecoverableWordCountChild() {}

  public static void main(String[] args) throws Exception {
    CrashLoopChild child = new CrashLoopChild(args);
    StreamingContext ssc = StreamingContext.getOrCreate(child.checkpoints, () -> {
      StreamingContext created = child.newContext();
      PairDStream<String, Integer> counts = created.fileStream(child.input, file -> file.endsWith(".txt"), false)
          .flatMap(line -> Arrays.asList(line.split(" ")).iterator())
          .mapToPair(word -> new Tuple2<>(word, 1))
          .reduceByKey(Integer::sum);
      child.reportOutputs(counts);
      counts.saveAsTextFiles(child.outputPrefix(CrashLoop.COUNTS));
      child.stopOnEndWord(counts);
      return created;
    });
    child.runToTheEnd(ssc);
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.rdd.RddAccess;
import io.dstream.rdd.RDD;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import io.dstream.testing.TestStreamingContextExtension;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code cache()} and {@code persist()} make a stream that several output operations use compute each
 * batch once instead of once per operation, and the persisted RDDs are released once their batch is
 * forgotten.
 */
@ExtendWith(TestStreamingContextExtension.class)
class StreamPersistenceTest {
  private static final List<List<Integer>> INPUT = TestData.randomInts(71, 5, 20, 100);
  private static final int RECORDS = INPUT.stream().mapToInt(List::size).sum();

  @Test
  void aCachedStreamIsComputedOncePerBatchForTwoOutputOperations(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> mapped = countingMap(t, calls).cache();
    CollectedOutput<Long> counts = t.collect(mapped.count());
    CollectedOutput<Integer> records = t.collect(mapped);

    t.runBatches(INPUT.size());

    assertThat(calls).hasValue(RECORDS);
    assertThat(counts.batches()).isEqualTo(TestData.perBatch(INPUT, b -> List.of((long) b.size())));
    assertThat(records.batches()).isEqualTo(TestData.perBatch(INPUT, b -> b.stream().map(x -> x + 1).toList()));
  }

  @Test
  void aStreamPersistedAtALevelIsComputedOncePerBatch(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> mapped = countingMap(t, calls).persist(StorageLevel.MEMORY_ONLY);
    t.collect(mapped);
    t.collect(mapped.filter(x -> x % 2 == 0));

    t.runBatches(INPUT.size());

    assertThat(calls).hasValue(RECORDS);
  }

  @Test
  void anUncachedStreamIsComputedOncePerOutputOperation(TestStreamingContext t) {
    AtomicInteger calls = new AtomicInteger();
    DStream<Integer> mapped = countingMap(t, calls);
    t.collect(mapped.count());
    t.collect(mapped);

    t.runBatches(INPUT.size());

    assertThat(calls).hasValue(2 * RECORDS);
  }

  @Test
  void persistedRddsAreUnpersistedOnceTheirBatchIsForgotten(TestStreamingContext t) {
    PartitionedOutput<Integer> cached = PartitionedOutput.of(t.inputStream(INPUT).map(x -> x).cache());

    t.runBatches(3);

    // Only the last batch is still remembered (the default remember duration is one batch).
    assertThat(cached.batches()).extracting(b -> b.rdd().getStorageLevel())
        .containsExactly(StorageLevel.NONE, StorageLevel.NONE, StorageLevel.MEMORY_ONLY_SER);
  }

  @Test
  void theCachedPartitionsOfAForgottenBatchAreRemovedFromTheBlockStore(TestStreamingContext t) {
    PartitionedOutput<Integer> cached = PartitionedOutput.of(t.inputStream(INPUT).map(x -> x).cache());

    t.runBatches(3);

    RDD<Integer> remembered = cached.batches().get(2).rdd();
    List<BlockId> expected = IntStream.range(0, remembered.getNumPartitions())
        .mapToObj(p -> BlockId.rdd(RddAccess.node(remembered).id(), p)).toList();
    assertThat(t.context().runtime.engine().blockManager().blockIds())
        .as("only the partitions of the batch still remembered").containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void anUncachedStreamsRddsAreNeverPersisted(TestStreamingContext t) {
    PartitionedOutput<Integer> plain = PartitionedOutput.of(t.inputStream(INPUT).map(x -> x));

    t.runBatches(2);

    assertThat(plain.batches()).extracting(b -> b.rdd().getStorageLevel()).containsOnly(StorageLevel.NONE);
  }

  @Test
  void theStorageLevelCannotChangeAfterStart(TestStreamingContext t) {
    DStream<Integer> in = t.inputStream(INPUT);
    t.collect(in);
    t.runBatches(1);

    assertThatThrownBy(in::cache)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("storage level");
  }

  private static DStream<Integer> countingMap(TestStreamingContext t, AtomicInteger calls) {
    return t.inputStream(INPUT).map(x -> {
      calls.incrementAndGet();
      return x + 1;
    });
  }
}

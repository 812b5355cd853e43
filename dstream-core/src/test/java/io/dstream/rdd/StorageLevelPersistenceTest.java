package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import io.dstream.internal.rdd.RddAccess;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.ReplicaStore;
import io.dstream.storage.internal.Replicas;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Persisted RDDs keep their partitions in the context's block store at their storage level: as objects or
 * serialized, in memory, on disk or both, in one or two replicas. A partition the store does not hold any
 * more (evicted, lost, unreadable, or too large for a memory-only level) is computed again; nothing is lost.
 */
class StorageLevelPersistenceTest extends RddTestBase {
  private static final int PARTITIONS = 3;

  static Stream<StorageLevel> everyLevel() {
    return StorageLevel.values().stream().filter(StorageLevel::isValid);
  }

  @ParameterizedTest
  @MethodSource("everyLevel")
  void everyLevelKeepsEachPartitionAsABlockWhereTheLevelSays(StorageLevel level) {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> persisted = counting(range(30), calls).persist(level);

    assertThat(persisted.collect()).isEqualTo(range(30));
    assertThat(persisted.reduce(Integer::sum)).isEqualTo(435);
    assertThat(calls).as("computed once").hasValue(30);

    BlockManager blocks = blockManager(persisted);
    for (int partition = 0; partition < PARTITIONS; partition++) {
      BlockId id = BlockId.rdd(rddId(persisted), partition);
      for (int replica = 0; replica < 2; replica++) {
        ReplicaStore store = Replicas.of(blocks, replica);
        boolean holds = replica < level.replication();
        assertThat(store.isInMemory(id)).as("%s in the memory of replica %d", id, replica)
            .isEqualTo(holds && level.useMemory());
        assertThat(store.isOnDisk(id)).as("%s on the disk of replica %d", id, replica)
            .isEqualTo(holds && !level.useMemory());
      }
    }
  }

  @Test
  void aSerializedLevelHandsOutFreshRecordsAndAnObjectLevelTheStoredOnes() {
    RDD<List<Integer>> objects = ssc().parallelize(List.of(1, 2), 1).map(x -> List.of(x)).cache();
    RDD<List<Integer>> serialized = ssc().parallelize(List.of(1, 2), 1).map(x -> List.of(x))
        .persist(StorageLevel.MEMORY_ONLY_SER);

    assertThat(objects.collect().get(0)).isSameAs(objects.collect().get(0));
    List<Integer> first = serialized.collect().get(0);
    List<Integer> second = serialized.collect().get(0);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
  }

  @Test
  void unpersistRemovesThePartitionsFromTheStore() {
    RDD<Integer> persisted = ssc().parallelize(range(30), PARTITIONS).persist(StorageLevel.MEMORY_AND_DISK_SER_2);
    persisted.count();
    BlockManager blocks = blockManager(persisted);
    assertThat(blocks.blockIds()).hasSize(PARTITIONS);

    persisted.unpersist();

    assertThat(blocks.blockIds()).isEmpty();
  }

  @Test
  void aPartitionTheStoreLostIsComputedAgainAndOnlyThatOne() {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> persisted = counting(range(30), calls).persist(StorageLevel.MEMORY_ONLY_SER);
    persisted.count();

    blockManager(persisted).remove(BlockId.rdd(rddId(persisted), 1));

    assertThat(persisted.collect()).isEqualTo(range(30));
    assertThat(calls).as("30 the first time, then the 10 records of partition 1").hasValue(40);
    assertThat(persisted.count()).isEqualTo(30);
    assertThat(calls).as("partition 1 is cached again").hasValue(40);
  }

  @Test
  void aPartitionUnreadableInEveryReplicaIsComputedAgain() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    RDD<Integer> persisted = counting(range(30), calls).persist(StorageLevel.DISK_ONLY_2);
    persisted.count();
    BlockManager blocks = blockManager(persisted);
    BlockId damaged = BlockId.rdd(rddId(persisted), 2);
    for (int replica = 0; replica < 2; replica++) {
      Files.write(Replicas.of(blocks, replica).diskFile(damaged), new byte[] {1, 2, 3});
    }

    assertThat(persisted.collect()).isEqualTo(range(30));
    assertThat(calls).hasValue(40);
    assertThat(blocks.contains(damaged)).as("cached again after the recomputation").isTrue();
  }

  @Test
  void withNoMemoryForBlocksAMemoryOnlyLevelCachesNothingAndAnAndDiskLevelUsesTheDisk() {
    useContext(new StreamingConf().setMaster("local[2]").set(ConfigKeys.STORAGE_MEMORY_FRACTION.name(), "0"));
    AtomicInteger memoryOnlyCalls = new AtomicInteger();
    AtomicInteger andDiskCalls = new AtomicInteger();
    RDD<Integer> memoryOnly = counting(range(30), memoryOnlyCalls).persist(StorageLevel.MEMORY_ONLY);
    RDD<Integer> andDisk = counting(range(30), andDiskCalls).persist(StorageLevel.MEMORY_AND_DISK);

    for (int run = 0; run < 2; run++) {
      assertThat(memoryOnly.collect()).isEqualTo(range(30));
      assertThat(andDisk.collect()).isEqualTo(range(30));
    }

    assertThat(memoryOnlyCalls).as("computed by each job").hasValue(60);
    assertThat(andDiskCalls).as("computed once, read from disk after").hasValue(30);
    assertThat(Replicas.of(blockManager(andDisk), 0).isOnDisk(BlockId.rdd(rddId(andDisk), 0))).isTrue();
  }

  @Test
  void aRecordTheSerializerRefusesFailsTheJobWithWhatToDo() {
    useContext(new StreamingConf().setMaster("local[2]")
        .set(ConfigKeys.SERIALIZER_REGISTRATION_REQUIRED.name(), "true"));
    RDD<Unregistered> persisted = ssc().parallelize(List.of(1, 2), 1).map(Unregistered::new)
        .persist(StorageLevel.MEMORY_ONLY_SER);

    assertThatThrownBy(persisted::count)
        .isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot persist")
        .hasMessageContaining("MEMORY_ONLY_SER")
        .hasMessageContaining("dstream.kryo.registrator");
    assertThat(ssc().parallelize(List.of(1, 2), 1).map(Unregistered::new).persist(StorageLevel.MEMORY_ONLY)
        .count()).as("an object level does not serialize").isEqualTo(2);
  }

  @Test
  void theBlocksOfAPersistedRddThatBecameGarbageAreRemoved() throws InterruptedException {
    BlockManager blocks = persistAndForget();
    assertThat(blocks.blockIds()).hasSize(PARTITIONS);

    // The cleaner thread removes them after a collection finds the RDD unreachable: poll, with a generous bound.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!blocks.blockIds().isEmpty() && System.nanoTime() < deadline) {
      System.gc();
      TimeUnit.MILLISECONDS.sleep(20);
    }

    assertThat(blocks.blockIds()).as("blocks left after the RDD became unreachable").isEmpty();
  }

  /** Persists and computes an RDD that nothing refers to afterwards; returns the store it cached into. */
  private BlockManager persistAndForget() {
    RDD<Integer> persisted = ssc().parallelize(range(30), PARTITIONS).persist(StorageLevel.MEMORY_AND_DISK);
    persisted.count();
    return blockManager(persisted);
  }

  private RDD<Integer> counting(List<Integer> records, AtomicInteger calls) {
    return ssc().parallelize(records, PARTITIONS).map(x -> {
      calls.incrementAndGet();
      return x;
    });
  }

  private static int rddId(RDD<?> rdd) {
    return RddAccess.node(rdd).id();
  }

  private static BlockManager blockManager(RDD<?> rdd) {
    return engine(rdd).blockManager();
  }

  /** A record class that is not registered with Kryo. */
  record Unregistered(int value) {}
}

package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.receiver.internal.Await;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.storage.StorageLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storing a received block waits, instead of dropping a block or growing without bound: while the received
 * blocks held take the bound of received bytes, and at a memory-only level while memory is full of received
 * blocks. Each record is estimated at 100 bytes; each replica holds 1000 bytes in memory.
 */
class BlockManagerFlowControlTest {
  private static final long MEMORY = 1000;
  private static final SizeEstimator HUNDRED_BYTES_PER_RECORD = records -> 100L * records.size();

  @TempDir
  Path temp;

  private final List<Thread> storers = new ArrayList<>();
  private BlockManager blocks;

  private BlockManager open(long maxReceivedBytes) {
    blocks = new BlockManager(temp.resolve("blocks"), MEMORY, maxReceivedBytes, new KryoSerializer(),
        HUNDRED_BYTES_PER_RECORD);
    return blocks;
  }

  @AfterEach
  void close() throws InterruptedException {
    blocks.close();
    for (Thread storer : storers) {
      storer.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    }
  }

  private static BlockId block(int n) {
    return BlockId.stream(0, n);
  }

  private static List<Integer> records(int first, int count) {
    return new ArrayList<>(IntStream.range(first, first + count).boxed().toList());
  }

  /** Stores a block on a thread of its own, as a receiver does; the future completes when the put returns. */
  private CompletableFuture<Integer> putOnOwnThread(BlockId id, List<Integer> records, StorageLevel level) {
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Thread storer = new Thread(() -> {
      try {
        result.complete(blocks.put(id, records, level));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }, "storer of " + id);
    storers.add(storer);
    storer.start();
    Await.until(() -> storer.getState() == Thread.State.WAITING || result.isDone(), "the put to wait or end");
    return result;
  }

  @Test
  void aMemoryOnlyReceivedBlockWaitsForABlockToBeRemovedInsteadOfEvictingOne() throws Exception {
    open(BlockManager.UNBOUNDED);
    for (int n = 0; n < 3; n++) {
      blocks.put(block(n), records(n, 3), StorageLevel.MEMORY_ONLY_2);
    }

    CompletableFuture<Integer> fourth = putOnOwnThread(block(3), records(3, 3), StorageLevel.MEMORY_ONLY_2);

    assertThat(fourth).isNotDone();
    assertThat(blocks.blockIds()).containsExactly(block(0), block(1), block(2));
    blocks.remove(block(1));
    assertThat(fourth.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(blocks.blockIds()).containsExactly(block(0), block(2), block(3));
    assertThat(blocks.<Integer>get(block(0))).contains(records(0, 3));
    assertThat(blocks.replica(1).memoryUsed()).isEqualTo(900);
  }

  @Test
  void aMemoryOnlyReceivedBlockEvictsCachedPartitionsAndSpillableBlocksWithoutWaiting() {
    open(BlockManager.UNBOUNDED);
    blocks.put(block(0), records(0, 3), StorageLevel.MEMORY_ONLY);
    blocks.put(BlockId.rdd(7, 0), records(10, 3), StorageLevel.MEMORY_ONLY);
    blocks.put(block(1), records(1, 3), StorageLevel.MEMORY_AND_DISK);

    assertThat(blocks.put(block(2), records(2, 6), StorageLevel.MEMORY_ONLY)).isEqualTo(1);

    assertThat(blocks.replica(0).isInMemory(block(0))).isTrue();
    assertThat(blocks.replica(0).isOnDisk(block(1))).isTrue();
    assertThat(blocks.contains(BlockId.rdd(7, 0))).isFalse();
  }

  @Test
  void aMemoryOnlyBlockThatCanNeverFitIsRefusedAtOnce() {
    open(BlockManager.UNBOUNDED);
    blocks.put(block(0), records(0, 3), StorageLevel.MEMORY_ONLY);

    assertThat(blocks.put(block(1), records(0, 11), StorageLevel.MEMORY_ONLY)).isZero();

    assertThat(blocks.receivedBlocksHeld()).isEqualTo(1);
  }

  @Test
  void aReceivedBlockWaitsWhileTheReceivedBlocksTakeTheBoundAndTheStoreNeverExceedsIt() throws Exception {
    open(1500);
    blocks.put(block(0), records(0, 3), StorageLevel.MEMORY_AND_DISK_2);
    blocks.put(block(1), records(3, 3), StorageLevel.MEMORY_AND_DISK_2);
    assertThat(blocks.receivedBytesHeld()).isEqualTo(1200);

    CompletableFuture<Integer> third = putOnOwnThread(block(2), records(6, 3), StorageLevel.MEMORY_AND_DISK_2);

    assertThat(third).isNotDone();
    assertThat(blocks.blockIds()).containsExactly(block(0), block(1));
    assertThat(blocks.receivedBytesHeld()).isEqualTo(1200);
    blocks.remove(block(0));
    assertThat(third.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(blocks.receivedBytesHeld()).isEqualTo(1200);
    assertThat(blocks.<Integer>get(block(2))).contains(records(6, 3));
  }

  @Test
  void aStoreMarkedNotToWaitTakesTheBoundOverAndLaterStoresWaitUntilItIsBackUnder() throws Exception {
    open(1500);
    blocks.put(block(0), records(0, 3), StorageLevel.MEMORY_AND_DISK_2);
    blocks.put(block(1), records(3, 3), StorageLevel.MEMORY_AND_DISK_2);

    BlockManager.storeWithoutWaitingForBound(
        () -> blocks.put(block(2), records(6, 3), StorageLevel.MEMORY_AND_DISK_2));

    assertThat(blocks.receivedBytesHeld()).isEqualTo(1800);
    CompletableFuture<Integer> fourth = putOnOwnThread(block(3), records(9, 3), StorageLevel.MEMORY_AND_DISK_2);
    assertThat(fourth).as("a store outside the mark waits as before").isNotDone();
    blocks.remove(block(0));
    assertThat(fourth).as("still 1200 + 600 bytes over the bound of 1500").isNotDone();
    blocks.remove(block(1));
    assertThat(fourth.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
    assertThat(blocks.receivedBytesHeld()).isEqualTo(1200);
  }

  @Test
  void aBlockLargerThanTheBoundIsStoredWhenItIsAlone() throws Exception {
    open(500);
    blocks.put(block(0), records(0, 2), StorageLevel.MEMORY_AND_DISK);

    CompletableFuture<Integer> large = putOnOwnThread(block(1), records(0, 8), StorageLevel.MEMORY_AND_DISK);

    assertThat(large).isNotDone();
    blocks.remove(block(0));
    assertThat(large.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(blocks.receivedBytesHeld()).isEqualTo(800);
  }

  @Test
  void aBlockStoredAgainReplacesItsEarlierCopyWithoutWaitingForIt() throws Exception {
    open(500);
    blocks.put(block(0), records(0, 5), StorageLevel.MEMORY_AND_DISK);

    CompletableFuture<Integer> again = putOnOwnThread(block(0), records(5, 5), StorageLevel.MEMORY_AND_DISK);

    assertThat(again.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(blocks.receivedBytesHeld()).isEqualTo(500);
    assertThat(blocks.<Integer>get(block(0))).contains(records(5, 5));
  }

  @Test
  void cachedPartitionsNeverWaitNorCount() {
    open(500);
    blocks.put(block(0), records(0, 5), StorageLevel.MEMORY_AND_DISK);

    assertThat(blocks.put(BlockId.rdd(1, 0), records(0, 5), StorageLevel.MEMORY_AND_DISK)).isEqualTo(1);

    assertThat(blocks.receivedBytesHeld()).isEqualTo(500);
  }

  @Test
  void aWaitingStoreFailsOnceWaitingIsRefusedAndTheBlockIsNotKept() {
    open(500);
    blocks.put(block(0), records(0, 5), StorageLevel.MEMORY_AND_DISK);
    CompletableFuture<Integer> waiting = putOnOwnThread(block(1), records(5, 1), StorageLevel.MEMORY_AND_DISK);

    blocks.refuseWaitingStores("the streaming context stopped");

    assertThatThrownBy(() -> waiting.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(BlockStoreException.class)
        .hasMessage("block input-0-1 was not stored: the streaming context stopped");
    assertThat(blocks.contains(block(1))).isFalse();
    assertThat(blocks.receivedBytesHeld()).isEqualTo(500);
  }

  @Test
  void aStoreThatNeedNotWaitStillSucceedsAfterWaitingIsRefused() {
    open(500);
    blocks.refuseWaitingStores("the streaming context stopped");

    assertThat(blocks.put(block(0), records(0, 5), StorageLevel.MEMORY_AND_DISK)).isEqualTo(1);
  }

  @Test
  void closingTheBlockManagerEndsAWaitingStore() {
    open(500);
    blocks.put(block(0), records(0, 5), StorageLevel.MEMORY_AND_DISK);
    CompletableFuture<Integer> waiting = putOnOwnThread(block(1), records(5, 1), StorageLevel.MEMORY_AND_DISK);

    blocks.close();

    assertThatThrownBy(() -> waiting.get(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS))
        .cause().isInstanceOf(BlockStoreException.class).hasMessageContaining("has been closed");
  }

  @Test
  void aCopyThatCannotBeDeletedDoesNotKeepTheOtherReplicasCopyOnceTheBlockIsNoLongerCounted() throws Exception {
    open(5000);
    blocks.put(block(0), records(0, 3), StorageLevel.DISK_ONLY_2);
    Path undeletable = blocksFileMadeUndeletable(0);

    assertThatThrownBy(() -> blocks.remove(block(0)))
        .isInstanceOf(BlockStoreException.class)
        .hasMessageContaining("cannot delete block input-0-0 at " + undeletable);

    assertThat(blocks.receivedBytesHeld()).isZero();
    assertThat(blocks.replica(1).contains(block(0))).as("replica 1 removed its copy").isFalse();
    assertThat(blocks.replica(1).diskFile(block(0))).doesNotExist();
  }

  @Test
  void whenEveryReplicaFailsToDeleteItsCopyTheFirstFailureIsThrownWithTheOthersSuppressed() throws Exception {
    open(5000);
    blocks.put(block(0), records(0, 3), StorageLevel.DISK_ONLY_2);
    Path first = blocksFileMadeUndeletable(0);
    Path second = blocksFileMadeUndeletable(1);

    assertThatThrownBy(() -> blocks.remove(block(0)))
        .hasMessageContaining("at " + first)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
            .isInstanceOf(BlockStoreException.class)
            .extracting(Throwable::getMessage).asString().contains("at " + second));
    assertThat(blocks.receivedBytesHeld()).isZero();
  }

  /** Puts a non-empty directory where a replica keeps the block's file: deleting it fails with an I/O error. */
  private Path blocksFileMadeUndeletable(int replica) throws IOException {
    Path file = blocks.replica(replica).diskFile(block(0));
    Files.delete(file);
    Files.createDirectories(file.resolve("in-the-way"));
    return file;
  }
}

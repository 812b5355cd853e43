package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver far faster than processing: while no batch runs, its store(...) waits once the block store
 * holds what it may (the bound of received bytes, or for a memory-only level the memory); once batches run,
 * every record arrives exactly once, and no block a batch still needs is ever evicted.
 *
 * <p>The batches run on the manual clock, as fast as the test thread goes, while the source stores from a
 * thread of its own: between two batches the test waits until the source has filled the store again (or is
 * done), so the batches keep pace with the source however the machine schedules the two threads.
 */
class ReceiverFlowControlTest {
  private static final int BLOCKS = 200;
  private static final int RECORDS_PER_BLOCK = 100;
  private static final long BOUND = 64 << 10;

  private final List<String> processed = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger storesReturned = new AtomicInteger();
  private final CapturedLog storeLog = CapturedLog.of(BlockManager.class.getName());
  private TestStreamingContext t;
  private int streamId;
  private Thread source;
  private BlockManager blocks;
  private int blocksThatFill;

  @AfterEach
  void close() throws InterruptedException {
    storeLog.close();
    t.close();
    source.join(TimeUnit.SECONDS.toMillis(ReceiverKit.TIMEOUT_SECONDS));
  }

  /** Starts a context whose receiver stream's records go to {@link #processed}, and a source that floods it. */
  private void startFlood(StreamingConf conf, StorageLevel level) throws InterruptedException {
    t = TestStreamingContext.create(Durations.seconds(1), conf);
    CommandedReceiver receiver = new CommandedReceiver(level);
    ReceiverInputDStream<String> stream = t.context().receiverStream(receiver);
    streamId = stream.id();
    stream.foreachRDD(rdd -> processed.addAll(rdd.collect()));
    t.runBatches(0);
    blocks = ReceiverKit.blockManager(t.context());
    receiver.awaitStarted();
    source = new Thread(() -> {
      for (int block = 0; block < BLOCKS; block++) {
        int first = block * RECORDS_PER_BLOCK;
        receiver.store(IntStream.range(first, first + RECORDS_PER_BLOCK).mapToObj(ReceiverFlowControlTest::record)
            .toList());
        storesReturned.incrementAndGet();
      }
    }, "flooding source");
    source.start();
  }

  private static String record(int n) {
    return String.format("record-%06d", n);
  }

  /**
   * Waits until the source waits at a full store: it has logged that it waits (the first time it found the
   * store full; no batch has run, so the store stays full) and its thread waits. Notes how many received
   * blocks the block manager counts then (those stored, and for a memory-only level the one waiting for
   * room): every block has the same size, so the store is full whenever it counts that many again.
   */
  private void awaitSourceHeldUp() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ReceiverKit.TIMEOUT_SECONDS);
    while (source.isAlive() && (storeLog.messagesStartingWith("Received data outgrows processing").isEmpty()
        || source.getState() != Thread.State.WAITING)) {
      assertThat(System.nanoTime()).as("the source to be held up by the full store").isLessThan(deadline);
      Thread.yield();
    }
    assertThat(source.isAlive()).as("the source was held up before it stored everything").isTrue();
    blocksThatFill = blocks.receivedBlocksHeld();
  }

  /**
   * Runs batches until the source has stored everything, then one more to process the last blocks. After
   * each batch, which may have removed blocks, it waits until the source has filled the store again: a batch
   * never runs while the source still has room, so each one finds the blocks the previous one made room for.
   */
  private void runBatchesUntilTheSourceIsDone(Runnable afterEachBatch) throws InterruptedException {
    for (int batch = 0; source.isAlive(); batch++) {
      assertThat(batch).as("batches run before the source finished").isLessThan(10 * BLOCKS);
      t.runBatches(1);
      afterEachBatch.run();
      awaitStoreFullOrSourceDone();
    }
    t.runBatches(2);
  }

  private void awaitStoreFullOrSourceDone() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ReceiverKit.TIMEOUT_SECONDS);
    while (source.isAlive() && blocks.receivedBlocksHeld() < blocksThatFill) {
      assertThat(System.nanoTime()).as("the source to fill the store again (%d blocks) after a batch made room",
          blocksThatFill).isLessThan(deadline);
      Thread.yield();
    }
  }

  private void assertEveryRecordProcessedOnce() {
    assertThat(storesReturned).hasValue(BLOCKS);
    List<String> sorted = new ArrayList<>(processed);
    Collections.sort(sorted);
    assertThat(sorted).containsExactlyElementsOf(
        IntStream.range(0, BLOCKS * RECORDS_PER_BLOCK).mapToObj(ReceiverFlowControlTest::record).toList());
  }

  @Test
  void storeWaitsWhileTheReceivedBlocksTakeTheBoundThenEveryRecordArrivesOnce() throws InterruptedException {
    startFlood(new StreamingConf().set("dstream.storage.maxReceivedBytes", Long.toString(BOUND)),
        StorageLevel.MEMORY_AND_DISK_SER_2);

    awaitSourceHeldUp();
    assertThat(blocks.receivedBytesHeld()).isPositive().isLessThanOrEqualTo(BOUND);
    assertThat(storesReturned.get()).isLessThan(BLOCKS);

    runBatchesUntilTheSourceIsDone(() -> assertThat(blocks.receivedBytesHeld()).isLessThanOrEqualTo(BOUND));
    assertEveryRecordProcessedOnce();
    assertThat(storeLog.messagesStartingWith("Received data outgrows processing")).singleElement().asString()
        .contains("the received blocks in store take").contains("dstream.storage.maxReceivedBytes");
  }

  @Test
  void aMemoryOnlyReceiverWaitsForRoomInsteadOfLosingBlocksTheirBatchesNeed() throws InterruptedException {
    // About 64 KiB of memory per replica: a dozen blocks of 100 records kept as objects.
    String fraction = Double.toString(2.0 * BOUND / Runtime.getRuntime().maxMemory());
    startFlood(new StreamingConf().set("dstream.storage.memoryFraction", fraction), StorageLevel.MEMORY_ONLY);

    awaitSourceHeldUp();
    List<BlockId> everyBlockStored = IntStream.range(0, storesReturned.get())
        .mapToObj(n -> BlockId.stream(streamId, n)).toList();
    assertThat(blocks.blockIds()).as("no block evicted").containsAll(everyBlockStored);

    runBatchesUntilTheSourceIsDone(() -> { });
    assertEveryRecordProcessedOnce();
    assertThat(storeLog.messagesStartingWith("Received data outgrows processing")).singleElement().asString()
        .contains("at the memory-only level MEMORY_ONLY) does not fit");
  }
}

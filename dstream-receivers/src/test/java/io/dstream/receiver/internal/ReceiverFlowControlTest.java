package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.SizeEstimator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver far faster than processing is slowed down by the block store's bound of received bytes: its
 * {@code store(record)} blocks the receiver's thread, and nothing is dropped.
 */
class ReceiverFlowControlTest {
  private static final int RECORDS = 1000;
  private static final int RECORDS_PER_BLOCK = 10;
  /** Each record is estimated at 100 bytes: a block takes 1000, and three blocks take the bound. */
  private static final long BOUND = 3000;
  private static final SizeEstimator HUNDRED_BYTES_PER_RECORD = records -> 100L * records.size();

  @TempDir
  Path temp;

  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final RecordingListener listener = new RecordingListener();
  private final ControlledReceiver receiver = new ControlledReceiver(StorageLevel.MEMORY_AND_DISK);
  private BlockManager blocks;
  private ReceiverSupervisor supervisor;

  @AfterEach
  void stop() throws InterruptedException {
    supervisor.stop("test over", null);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
    blocks.close();
  }

  @Test
  void singleRecordStoresBlockTheReceiverWhileTheStoreIsFullAndEveryRecordArrivesOnce() throws Exception {
    blocks = new BlockManager(temp, 1 << 20, BOUND, new KryoSerializer(), HUNDRED_BYTES_PER_RECORD);
    supervisor = ReceiverSupervisor.builder(receiver, 0, new BlockManagerBlockHandler(blocks)).listener(listener)
        .clock(clock).settings(ReceiverSettings.defaults().withMaxBufferedRecords(RECORDS_PER_BLOCK))
        .build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");
    Thread source = new Thread(() -> IntStream.range(0, RECORDS).forEach(n -> receiver.store("r" + n)), "source");
    source.start();

    Await.until(() -> source.getState() == Thread.State.WAITING || source.getState() == Thread.State.BLOCKED,
        "the source to be held up by the full store");
    assertThat(blocks.receivedBytesHeld()).isEqualTo(BOUND);
    assertThat(source.isAlive()).isTrue();

    // Processing: take each stored block, then release it, as a batch does once done with it.
    List<String> processed = new ArrayList<>();
    while (processed.size() < RECORDS) {
      ReceivedBlockInfo block = Await.take(listener.blocks, "block after " + processed.size() + " records");
      assertThat(blocks.receivedBytesHeld()).isLessThanOrEqualTo(BOUND);
      processed.addAll(blocks.<String>get(block.blockId()).orElseThrow());
      blocks.remove(block.blockId());
    }
    source.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));

    assertThat(source.isAlive()).isFalse();
    assertThat(processed).containsExactlyElementsOf(IntStream.range(0, RECORDS).mapToObj(n -> "r" + n).toList());
    assertThat(listener.errors).as("nothing dropped, nothing reported").isEmpty();
  }

  @Test
  void aRestartIsNotHeldUpByABlockThatWaitsForRoomOnTheBlockTimersThread() throws Exception {
    blocks = new BlockManager(temp, 1 << 20, BOUND, new KryoSerializer(), HUNDRED_BYTES_PER_RECORD);
    CountDownLatch timerBlockStoring = new CountDownLatch(1);
    BlockManagerBlockHandler store = new BlockManagerBlockHandler(blocks);
    ReceivedBlockHandler handler = (id, records, level) -> {
      if (records.size() == 1) {
        timerBlockStoring.countDown();
      }
      store.storeBlock(id, records, level);
    };
    // Real time, as in production: the supervisor's own timers, a short block interval, no restart delay.
    supervisor = ReceiverSupervisor.builder(receiver, 0, handler).listener(listener)
        .settings(ReceiverSettings.defaults().withBlockIntervalMs(5).withRestartDelayMs(0)).build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");
    receiver.store(IntStream.range(0, (int) (BOUND / 100)).mapToObj(n -> "r" + n).toList());
    ReceivedBlockInfo full = Await.take(listener.blocks, "the block that takes the whole bound");
    receiver.store("last");
    Await.latch(timerBlockStoring, "the block timer to cut a block, which waits for room");

    receiver.restart("the source closed the connection");

    Await.take(listener.started, "the receiver to start again while the block timer's block waits for room");
    assertThat(receiver.stopCount.get()).isEqualTo(1);
    assertThat(listener.blocks).as("the timer's block still waits").isEmpty();
    blocks.remove(full.blockId());
    ReceivedBlockInfo last = Await.take(listener.blocks, "the waiting block, once there is room");
    assertThat(blocks.<String>get(last.blockId())).contains(List.of("last"));
  }
}

package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReceiverSupervisorStorageTest {
  private static final int STREAM = 4;

  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final RecordingListener listener = new RecordingListener();
  private final RecordingBlockHandler handler = new RecordingBlockHandler();
  private ControlledReceiver receiver = new ControlledReceiver();
  private ReceiverSupervisor supervisor;

  private void start(ReceiverSettings settings) throws InterruptedException {
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener).clock(clock)
        .settings(settings).build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");
  }

  private void start() throws InterruptedException {
    start(ReceiverSettings.defaults());
  }

  private void stopAndAwait() throws InterruptedException {
    supervisor.stop("test over", null);
    assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void stopSupervisor() throws InterruptedException {
    if (supervisor != null) {
      stopAndAwait();
    }
  }

  @Test
  void singleRecordsBecomeOneBlockPerBlockIntervalAndEmptyIntervalsMakeNoBlock() throws InterruptedException {
    start();
    receiver.store("a");
    receiver.store("b");

    clock.advance(199);
    assertThat(handler.blockCount()).isZero();
    clock.advance(1);

    assertThat(handler.block(BlockId.stream(STREAM, 0))).isEqualTo(List.of("a", "b"));
    assertThat(listener.blocks.poll()).isEqualTo(new ReceivedBlockInfo(STREAM, BlockId.stream(STREAM, 0), 2, null));

    clock.advance(400);
    assertThat(handler.blockCount()).isEqualTo(1);

    receiver.store("c");
    clock.advance(200);
    assertThat(handler.block(BlockId.stream(STREAM, 1))).isEqualTo(List.of("c"));
  }

  @Test
  void theBlockIntervalComesFromTheSettings() throws InterruptedException {
    start(ReceiverSettings.defaults().withBlockIntervalMs(50));
    receiver.store("a");

    clock.advance(50);

    assertThat(handler.blockCount()).isEqualTo(1);
  }

  @Test
  void storeListIsOneBlockStoredAndReportedWithItsMetadataBeforeItReturns() throws InterruptedException {
    start();

    receiver.store(List.of("x", "y"), "offset-7");

    assertThat(handler.block(BlockId.stream(STREAM, 0))).isEqualTo(List.of("x", "y"));
    assertThat(listener.blocks.poll())
        .isEqualTo(new ReceivedBlockInfo(STREAM, BlockId.stream(STREAM, 0), 2, "offset-7"));
  }

  @Test
  void blockNumbersStartAtTheConfiguredFirstNumber() throws InterruptedException {
    supervisor = ReceiverSupervisor.builder(receiver, STREAM, handler).listener(listener).clock(clock)
        .firstBlockNumber(17).build();
    supervisor.start();
    Await.take(listener.started, "the receiver to start");

    receiver.store(List.of("x"));
    receiver.store(List.of("y"));

    assertThat(handler.block(BlockId.stream(STREAM, 17))).isEqualTo(List.of("x"));
    assertThat(handler.block(BlockId.stream(STREAM, 18))).isEqualTo(List.of("y"));
  }

  @Test
  void aNegativeFirstBlockNumberIsRefused() {
    assertThatThrownBy(() -> ReceiverSupervisor.builder(receiver, STREAM, handler).firstBlockNumber(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the first block number must not be negative, got -1");
  }

  @Test
  void storeIteratorDrainsTheIteratorIntoOneBlock() throws InterruptedException {
    start();

    receiver.store(List.of("p", "q", "r").iterator(), 42);

    assertThat(handler.block(BlockId.stream(STREAM, 0))).isEqualTo(List.of("p", "q", "r"));
    assertThat(listener.blocks.poll().metadata()).isEqualTo(42);
  }

  @Test
  void storeListKeepsACopySoTheCallerMayReuseItsList() throws InterruptedException {
    start();
    List<String> batch = new ArrayList<>(List.of("x"));

    receiver.store(batch);
    batch.add("changed later");

    assertThat(handler.block(BlockId.stream(STREAM, 0))).isEqualTo(List.of("x"));
  }

  @Test
  void anEmptyListStoresNoBlock() throws InterruptedException {
    start();

    receiver.store(List.of());
    receiver.store(new ArrayList<String>().iterator());

    assertThat(handler.blockCount()).isZero();
    assertThat(listener.blocks).isEmpty();
  }

  @Test
  void blocksAreStoredAtTheReceiversStorageLevel() throws InterruptedException {
    receiver = new ControlledReceiver(StorageLevel.MEMORY_ONLY_2);
    start();

    receiver.store(List.of("x"));
    receiver.store("y");
    clock.advance(200);

    assertThat(handler.levels()).containsExactly(StorageLevel.MEMORY_ONLY_2, StorageLevel.MEMORY_ONLY_2);
  }

  @Test
  void aFailedStoreOfManyRecordsReachesTheCallerAndReportsNoBlock() throws InterruptedException {
    start();
    handler.failWhen(records -> true);

    assertThatThrownBy(() -> receiver.store(List.of("x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("storage failed for input-4-0");
    assertThat(listener.blocks).isEmpty();
  }

  @Test
  void aFailedBlockOfSingleRecordsIsReportedAndLaterBlocksAreStillStored() throws InterruptedException {
    start();
    handler.failWhen(records -> records.contains("doomed"));
    receiver.store("doomed");

    clock.advance(200);

    RecordingListener.Report error = Await.take(listener.errors, "the storage failure");
    assertThat(error.message())
        .startsWith("could not store a block of 1 records received by stream 4; those records are lost");
    assertThat(error.error()).hasMessage("storage failed for input-4-0");

    receiver.store("fine");
    clock.advance(200);
    assertThat(handler.block(BlockId.stream(STREAM, 1))).isEqualTo(List.of("fine"));
  }

  @Test
  void stopStoresTheBufferedRecordsAndReportsThemBeforeTheStop() throws InterruptedException {
    start();
    receiver.store("a");
    receiver.store("b");

    stopAndAwait();

    assertThat(handler.allRecords()).containsExactly("a", "b");
    assertThat(listener.order).containsExactly("started", "block", "stopped");
    supervisor = null;
  }

  @Test
  void storingAfterTheStopIsRejectedWithWhatToCheck() throws InterruptedException {
    start();
    stopAndAwait();
    supervisor = null;

    assertThatThrownBy(() -> receiver.store("late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stream 4 has been stopped")
        .hasMessageContaining("isStopped()");
    assertThatThrownBy(() -> receiver.store(List.of("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has been stopped");
  }

  @Test
  void blockNumbersContinueAcrossRestarts() throws InterruptedException {
    start();
    receiver.store(List.of("before"));
    receiver.restart("hiccup");
    Await.take(listener.errors, "the restart");
    clock.advance(2000);
    Await.take(listener.started, "the restarted receiver");

    receiver.store(List.of("after"));

    assertThat(handler.block(BlockId.stream(STREAM, 0))).isEqualTo(List.of("before"));
    assertThat(handler.block(BlockId.stream(STREAM, 1))).isEqualTo(List.of("after"));
  }

  @Test
  void recordsStoredWhileTheReceiverRestartsAreKept() throws InterruptedException {
    start();
    receiver.restart("hiccup");
    Await.take(listener.errors, "the restart");

    receiver.store("straggler");
    clock.advance(200);

    assertThat(handler.allRecords()).containsExactly("straggler");
  }

  @Test
  void theRateLimitHoldsBackSingleAndMultiRecordStores() throws InterruptedException {
    start(ReceiverSettings.defaults().withMaxRate(10));

    for (int i = 0; i < 5; i++) {
      receiver.store("r" + i);
    }
    assertThat(clock.sleptNanos()).isCloseTo(400_000_000L, within(1_000L));

    receiver.store(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    receiver.store("after the list");

    assertThat(clock.sleptNanos()).isCloseTo(1_500_000_000L, within(1_000L));
  }

  @Test
  void backpressureUpdatesTheRateButNeverAboveTheMaximum() throws InterruptedException {
    start(ReceiverSettings.defaults().withMaxRate(1000));

    supervisor.updateRate(5000);
    assertThat(supervisor.currentRate()).isEqualTo(1000);
    supervisor.updateRate(200);
    assertThat(supervisor.currentRate()).isEqualTo(200);
    assertThatThrownBy(() -> supervisor.updateRate(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be positive, got 0");
  }

  @Test
  void withoutARateLimitStoringNeverWaits() throws InterruptedException {
    start();

    for (int i = 0; i < 10_000; i++) {
      receiver.store("r");
    }
    receiver.store(new ArrayList<>(java.util.Collections.nCopies(10_000, "r")));

    assertThat(clock.sleeps()).isZero();
    assertThat(supervisor.currentRate()).isZero();
  }
}

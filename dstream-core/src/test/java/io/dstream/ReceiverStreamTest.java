package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.receiver.ReceiverInputStreamNode;
import io.dstream.scheduler.BatchInfo;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Receiver streams on the manual clock: what the receiver stores before a batch is that batch's data. */
class ReceiverStreamTest {
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void theBlocksStoredBeforeABatchAreThatBatchsRecordsAndABatchWithoutBlocksIsEmpty() {
    CommandedReceiver receiver = new CommandedReceiver();
    CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));
    t.runBatches(0);

    receiver.store(List.of("a", "b"));
    receiver.store(List.of("c"));
    t.runBatches(1);
    receiver.store(List.of("d"));
    t.runBatches(2);

    assertThat(out.batches()).containsExactly(List.of("a", "b", "c"), List.of("d"), List.of());
  }

  @Test
  void singleRecordsBecomeOneBlockEveryBlockIntervalAndEachBlockIsOnePartition() {
    CommandedReceiver receiver = new CommandedReceiver();
    List<List<List<String>>> partitions = Collections.synchronizedList(new ArrayList<>());
    ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
    in.foreachRDD(rdd -> partitions.add(rdd.glom().collect()));
    t.runBatches(0);

    receiver.store("x");
    receiver.store("y");
    t.clock().advance(200);
    ReceiverKit.awaitBlockStored(t.context(), BlockId.stream(in.id(), 0));
    receiver.store("z");
    t.runBatches(1);
    receiver.store("w");
    t.runBatches(2);

    assertThat(partitions).containsExactly(
        List.of(List.of("x", "y"), List.of("z")),
        List.of(List.of("w")),
        List.of());
  }

  @Test
  void aReceiverStreamIsProcessedWithASingleWorkerThread() {
    t.close();
    StreamingConf oneThread = new StreamingConf().setMaster("local[1]");
    try (TestStreamingContext single = TestStreamingContext.create(Durations.seconds(1), oneThread)) {
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<Integer> lengths = single.collect(single.context().receiverStream(receiver).map(String::length));
      single.runBatches(0);

      receiver.store(List.of("one", "three"));
      single.runBatches(1);

      assertThat(lengths.batches()).containsExactly(List.of(3, 5));
    }
  }

  @Test
  void batchInfoCountsTheRecordsOfEachInputStream() {
    RecordingListener listener = new RecordingListener();
    t.context().addStreamingListener(listener);
    CommandedReceiver first = new CommandedReceiver();
    CommandedReceiver second = new CommandedReceiver();
    ReceiverInputDStream<String> firstStream = t.context().receiverStream(first);
    ReceiverInputDStream<String> secondStream = t.context().receiverStream(second);
    DStream<String> queued = t.inputStream(List.of(List.of("q1", "q2")));
    t.collect(firstStream.union(secondStream).union(queued));
    t.runBatches(0);

    first.store(List.of("a", "b"));
    first.store(List.of("c"));
    second.store(List.of("d"));
    t.runBatches(2);

    List<BatchInfo> batches = listener.completedBatches();
    int queueId = ((InputDStream<String>) queued).id();
    assertThat(batches.get(0).streamIdToNumRecords())
        .isEqualTo(Map.of(firstStream.id(), 3L, secondStream.id(), 1L, queueId, 2L));
    assertThat(batches.get(0).numRecords()).isEqualTo(6);
    assertThat(batches.get(1).streamIdToNumRecords())
        .isEqualTo(Map.of(firstStream.id(), 0L, secondStream.id(), 0L, queueId, 0L));
  }

  @Test
  void theBlocksOfABatchAreDeletedOnceTheStreamHasForgottenTheBatch() {
    CommandedReceiver receiver = new CommandedReceiver();
    ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
    t.collect(in);
    t.runBatches(0);
    receiver.store(List.of("a"));
    receiver.store(List.of("b"));
    t.runBatches(1);
    List<BlockId> firstBatchBlocks = List.of(BlockId.stream(in.id(), 0), BlockId.stream(in.id(), 1));
    assertThat(ReceiverKit.blockManager(t.context()).blockIds()).containsAll(firstBatchBlocks);

    receiver.store(List.of("c"));
    t.runBatches(1);

    assertThat(ReceiverKit.blockManager(t.context()).blockIds())
        .doesNotContainAnyElementsOf(firstBatchBlocks)
        .contains(BlockId.stream(in.id(), 2));
  }

  @Test
  void aWindowKeepsTheBlocksOfItsBatchesUntilNoWindowNeedsThem() {
    CommandedReceiver receiver = new CommandedReceiver();
    ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
    CollectedOutput<String> windows = t.collect(in.window(Durations.seconds(3)));
    t.runBatches(0);
    BlockId firstBlock = BlockId.stream(in.id(), 0);

    for (int batch = 1; batch <= 4; batch++) {
      receiver.store(List.of("b" + batch));
      t.runBatches(1);
      if (batch == 3) {
        assertThat(ReceiverKit.blockManager(t.context()).contains(firstBlock)).isTrue();
      }
    }
    t.runBatches(2);

    assertThat(windows.batches().get(2)).containsExactly("b1", "b2", "b3");
    assertThat(windows.batches().get(3)).containsExactly("b2", "b3", "b4");
    assertThat(ReceiverKit.blockManager(t.context()).contains(firstBlock)).isFalse();
  }

  @Test
  void severalReceiverStreamsUnitedAreReceivedInParallelAndProcessedAsOne() {
    List<CommandedReceiver> receivers = IntStream.range(0, 3).mapToObj(i -> new CommandedReceiver()).toList();
    List<ReceiverInputDStream<String>> streams =
        receivers.stream().map(r -> t.context().receiverStream(r)).toList();
    DStream<String> unified = t.context().union(streams.get(0), streams.get(1), streams.get(2));
    CollectedOutput<Long> counts = t.collect(unified.count());
    CollectedOutput<String> records = t.collect(unified);
    t.runBatches(0);

    for (int i = 0; i < receivers.size(); i++) {
      receivers.get(i).store(List.of("r" + i + "-a", "r" + i + "-b"));
    }
    t.runBatches(1);

    assertThat(counts.batches()).containsExactly(List.of(6L));
    assertThat(records.batches().get(0)).containsExactlyInAnyOrder("r0-a", "r0-b", "r1-a", "r1-b", "r2-a", "r2-b");
  }

  @Test
  void aReceiverThatNoOutputOperationUsesIsNotStarted() {
    CommandedReceiver unused = new CommandedReceiver();
    ReceiverInputDStream<String> unusedStream = t.context().receiverStream(unused);
    CommandedReceiver used = new CommandedReceiver();
    ReceiverInputDStream<String> usedStream = t.context().receiverStream(used);
    t.collect(usedStream);

    t.runBatches(1);

    assertThat(ReceiverKit.tracker(t.context()).supervisor(unusedStream.id())).isEmpty();
    assertThat(ReceiverKit.tracker(t.context()).supervisor(usedStream.id())).isPresent();
    assertThatThrownBy(() -> unused.store(List.of("x"))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not running yet");
  }

  @Test
  void oneReceiverObjectCannotFeedTwoStreams() {
    CommandedReceiver receiver = new CommandedReceiver();
    ReceiverInputDStream<String> first = t.context().receiverStream(receiver);

    assertThatThrownBy(() -> t.context().receiverStream(receiver))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the receiver " + CommandedReceiver.class.getName() + " already feeds receiverStream["
            + first.id() + "]; a receiver object runs once: create a new receiver for each stream");
  }

  @Test
  void receiverStreamsCannotBeCreatedOnceTheContextHasStarted() {
    t.collect(t.context().receiverStream(new CommandedReceiver()));
    t.runBatches(0);

    assertThatThrownBy(() -> t.context().receiverStream(new CommandedReceiver()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot create a receiver stream after the StreamingContext has started");
    assertThatThrownBy(() -> t.context().socketTextStream("localhost", 9999))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void socketAndRawStreamsKeepTheirBlocksSerializedWithTwoReplicasUnlessTold() {
    ReceiverInputDStream<String> text = t.context().socketTextStream("localhost", 9999);
    ReceiverInputDStream<Object> raw = t.context().rawSocketStream("localhost", 9999);
    ReceiverInputDStream<String> textOnDisk =
        t.context().socketTextStream("localhost", 9999, StorageLevel.DISK_ONLY);

    assertThat(List.of(text, raw, textOnDisk).stream().map(ReceiverStreamTest::levelOf)
        .collect(Collectors.toList()))
        .containsExactly(StorageLevel.MEMORY_AND_DISK_SER_2, StorageLevel.MEMORY_AND_DISK_SER_2,
            StorageLevel.DISK_ONLY);
  }

  @Test
  void badSocketAddressesAreRefusedWhenTheStreamIsDefined() {
    assertThatThrownBy(() -> t.context().socketTextStream(" ", 9999))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    assertThatThrownBy(() -> t.context().socketTextStream("localhost", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 65535, got 0");
    assertThatThrownBy(() -> t.context().rawSocketStream("localhost", 70_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 70000");
    assertThatThrownBy(() -> t.context().socketTextStream("localhost", 9999, StorageLevel.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NONE");
  }

  private static StorageLevel levelOf(ReceiverInputDStream<?> stream) {
    return ((ReceiverInputStreamNode<?>) stream.node).receiver().storageLevel();
  }
}

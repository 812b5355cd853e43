package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.wal.FileWriteAheadLog;
import io.dstream.checkpoint.internal.wal.LogRecord;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.internal.durable.CheckpointDirectory;
import io.dstream.rdd.JobFailedException;
import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers with the write-ahead log on, through the context: stores return once logged, a lost block is
 * read back from the log, and a new context that recovers the log processes what the previous one received
 * and did not finish.
 */
class ReceiverWriteAheadLogTest {
  private static final StreamingConf WITH_LOG =
      new StreamingConf().set("dstream.receiver.writeAheadLog.enable", "true");

  @TempDir
  Path checkpoints;

  private TestStreamingContext newContext(StreamingConf conf) {
    TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf);
    return t;
  }

  /**
   * Runs a context with the log on whose first batch processes "a", then receives "b" and "c" and stops
   * before processing them: what a crash leaves behind.
   */
  private void runAFirstContextThatProcessesAAndThenReceivesBAndC() {
    try (TestStreamingContext first = newContext(WITH_LOG)) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = first.collect(first.context().receiverStream(receiver));
      first.runBatches(0);
      receiver.store(List.of("a"));
      first.runBatches(1);
      receiver.store(List.of("b"));
      receiver.store(List.of("c"));
      assertThat(out.batches()).containsExactly(List.of("a"));
    }
  }

  private static CheckpointDirectory checkpointDirectory(TestStreamingContext t) {
    return t.context().runtime.checkpointDirectory().orElseThrow();
  }

  @Test
  void theLogNeedsACheckpointDirectoryAndStartSaysSo() {
    try (TestStreamingContext t = newContext(WITH_LOG)) {
      t.collect(t.context().receiverStream(new CommandedReceiver()));

      assertThatThrownBy(() -> t.runBatches(0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("dstream.receiver.writeAheadLog.enable is true, but no checkpoint directory is set, and the "
              + "write-ahead log lives there; call ssc.checkpoint(directory) before start(), or turn the "
              + "write-ahead log off");
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
      assertThat(StreamingContext.getActive()).isEmpty();
    }
  }

  @Test
  void storeReturnsOnceTheBlockIsInTheStreamsLog() throws IOException {
    try (TestStreamingContext t = newContext(WITH_LOG)) {
      t.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
      t.collect(in);
      t.runBatches(0);

      receiver.store(List.of("acknowledge", "me"));

      try (FileWriteAheadLog log = new FileWriteAheadLog(
          checkpointDirectory(t).writeAheadLog(Integer.toString(in.id())), 60_000)) {
        List<LogRecord> records = log.readAll();
        assertThat(records).hasSize(1);
        Object logged = EngineKryoRegistrator.defaultSerializer().deserialize(records.get(0).data());
        assertThat(logged).hasToString("BlockAdded[id=input-" + in.id() + "-0, records=[acknowledge, me]]");
      }
    }
  }

  @Test
  void aBlockLostFromBothReplicasIsReadFromTheLog() {
    try (TestStreamingContext t = newContext(WITH_LOG)) {
      t.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
      CollectedOutput<String> out = t.collect(in);
      t.runBatches(0);
      receiver.store(List.of("survivor"));

      ReceiverKit.blockManager(t.context()).remove(BlockId.stream(in.id(), 0));
      t.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of("survivor"));
    }
  }

  @Test
  void withoutTheLogALostBlockFailsItsBatchNamingTheBlock() {
    try (TestStreamingContext t = newContext(new StreamingConf())) {
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
      t.collect(in);
      t.runBatches(0);
      receiver.store(List.of("gone"));

      ReceiverKit.blockManager(t.context()).remove(BlockId.stream(in.id(), 0));

      assertThatThrownBy(() -> t.runBatches(1))
          .isInstanceOf(JobFailedException.class)
          .cause().isInstanceOf(BlockStoreException.class)
          .hasMessageContaining("block input-" + in.id() + "-0 of stream " + in.id() + " is lost");
    }
  }

  @Test
  void aContextThatRecoversTheLogProcessesWhatThePreviousOneReceivedAndDidNotFinish() throws IOException {
    runAFirstContextThatProcessesAAndThenReceivesBAndC();

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      second.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = second.context().receiverStream(receiver);
      CollectedOutput<String> out = second.collect(in);
      ReceiverKit.tracker(second.context()).recoverFromLog(checkpointDirectory(second), null);
      second.runBatches(0);
      receiver.store(List.of("d"));
      second.runBatches(2);

      // Batch 1000 ms completed, but nothing recorded that it did: it runs again (at least once).
      assertThat(out.batches()).containsExactly(List.of("a"), List.of("b", "c", "d"));
      assertThat(ReceiverKit.blockManager(second.context()).blockIds())
          .as("new blocks are numbered after the recovered ones").contains(BlockId.stream(in.id(), 3));
    }
  }

  @Test
  void recoveryThroughTheCheckpointGivesTheLoggedBlocksBackExactlyAsGetOrCreateDoes() {
    runAFirstContextThatProcessesAAndThenReceivesBAndC();

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = second.collect(second.context().receiverStream(receiver));
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(0);
      receiver.store(List.of("d"));
      second.runBatches(1);

      // Batch 1000 ms completed and its completion was checkpointed: it is not run again; the blocks
      // received after it come back from the log into the next batch.
      assertThat(out.batches()).containsExactly(List.of("b", "c", "d"));
    }
  }

  @Test
  void namedStreamsCreatedInAnotherOrderRecoverTheirOwnLogsAndNewBlocksReuseNoRecoveredId() {
    try (TestStreamingContext first = newContext(WITH_LOG)) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiverA = new CommandedReceiver();
      CommandedReceiver receiverB = new CommandedReceiver();
      ReceiverInputDStream<String> a = first.context().receiverStream(receiverA).name("a");
      ReceiverInputDStream<String> b = first.context().receiverStream(receiverB).name("b");
      first.collect(a);
      first.collect(b);
      first.runBatches(0);
      receiverA.store(List.of("a1"));
      receiverA.store(List.of("a2"));
      receiverB.store(List.of("b1"));
    }

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      CommandedReceiver receiverB = new CommandedReceiver();
      CommandedReceiver receiverA = new CommandedReceiver();
      ReceiverInputDStream<String> b = second.context().receiverStream(receiverB).name("b");
      ReceiverInputDStream<String> a = second.context().receiverStream(receiverA).name("a");
      CollectedOutput<String> outA = second.collect(a);
      CollectedOutput<String> outB = second.collect(b);
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(0);
      // Stream "b" now has the id "a" had; its new block must not take the id of a block "a" recovered.
      receiverB.store(List.of("b2"));
      second.runBatches(1);

      assertThat(outA.batches()).containsExactly(List.of("a1", "a2"));
      assertThat(outB.batches()).containsExactly(List.of("b1", "b2"));
    }
  }

  @Test
  void aFreshStartDiscardsTheLogOfAnEarlierRun() {
    try (TestStreamingContext first = newContext(WITH_LOG)) {
      first.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      first.collect(first.context().receiverStream(receiver));
      first.runBatches(0);
      receiver.store(List.of("old"));
    }

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      second.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = second.collect(second.context().receiverStream(receiver));
      second.runBatches(0);
      receiver.store(List.of("new"));
      second.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of("new"));
    }
  }

  /** Tells whether a stream's write-ahead log directory exists. */
  private static boolean hasLog(TestStreamingContext t, String streamKey) throws IOException {
    Location log = checkpointDirectory(t).writeAheadLog(streamKey);
    return log.fileSystem().exists(log.path());
  }

  /** The receiver of the stream "used" and what its output collects. */
  private record UsedStream(CommandedReceiver receiver, CollectedOutput<String> out) {}

  /** Defines two receiver streams, "used" and "unused", of which only "used" has an output. */
  private static UsedStream twoStreamsOneOutput(TestStreamingContext t) {
    CommandedReceiver receiver = new CommandedReceiver();
    CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver).name("used"));
    t.context().receiverStream(new CommandedReceiver()).name("unused");
    return new UsedStream(receiver, out);
  }

  @Test
  void onlyAStreamThatAnOutputUsesOpensAWriteAheadLogAndRecoversFromIt() throws IOException {
    try (TestStreamingContext first = newContext(WITH_LOG)) {
      first.context().checkpoint(checkpoints.toString());
      UsedStream used = twoStreamsOneOutput(first);
      first.runBatches(0);
      used.receiver().store(List.of("logged"));

      assertThat(hasLog(first, "used")).isTrue();
      assertThat(hasLog(first, "unused")).isFalse();
    }

    try (TestStreamingContext second = newContext(WITH_LOG)) {
      UsedStream used = twoStreamsOneOutput(second);
      assertThat(second.recoverFrom(checkpoints.toString())).isTrue();
      second.runBatches(1);

      assertThat(used.out().batches()).containsExactly(List.of("logged"));
      assertThat(hasLog(second, "unused")).isFalse();
    }
  }

  @Test
  void anOutputDefinedAfterTheLogsWereRecoveredFailsTheStartSayingWhatToDo() throws IOException {
    try (TestStreamingContext t = newContext(WITH_LOG)) {
      t.context().checkpoint(checkpoints.toString());
      ReceiverInputDStream<String> in = t.context().receiverStream(new CommandedReceiver());
      ReceiverKit.tracker(t.context()).recoverFromLog(checkpointDirectory(t), null);
      t.collect(in);

      assertThatThrownBy(() -> t.runBatches(0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is used by an output operation defined after the received blocks were recovered")
          .hasMessageContaining("define every output operation before recovering");
      assertThat(t.context().getState()).isEqualTo(StreamingContextState.STOPPED);
    }
  }

  @Test
  void recoveryWithTheLogOffRecoversNothing() throws IOException {
    try (TestStreamingContext t = newContext(new StreamingConf())) {
      t.context().checkpoint(checkpoints.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> out = t.collect(t.context().receiverStream(receiver));

      ReceiverKit.tracker(t.context()).recoverFromLog(checkpointDirectory(t), null);
      t.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of());
      assertThat(ReceiverKit.blockManager(t.context()).blockIds()).isEmpty();
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import io.dstream.checkpoint.internal.fs.InjectedFaults;
import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.internal.ContextAccess;
import io.dstream.internal.EngineKryoRegistrator;
import io.dstream.internal.checkpoint.MetadataCheckpoint;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.internal.stream.DStreamGraph;
import io.dstream.internal.stream.InputStreamNode;
import io.dstream.internal.stream.RecoverableInput;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An input that decides a batch's data at generation ({@link RecoverableInput#requiresDurableGeneration()})
 * makes the batch's jobs wait until the metadata checkpoint recording that generation is written, and makes
 * the batch fail, without running its output, when that checkpoint cannot be written.
 */
class DurableGenerationTest {
  private final MemoryInputDirectory storage = new MemoryInputDirectory();
  private final String checkpoints = storage.uri("/checkpoints");
  private TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  // The latest generated batch the durable checkpoint recorded when each output ran, by batch.
  private final List<String> seenByOutput = new CopyOnWriteArrayList<>();
  // Makes the input's progress unreadable, so that the checkpoint of a batch cannot even be captured.
  private static volatile boolean progressFails;

  @AfterEach
  void close() {
    t.close();
    storage.close();
  }

  private void defineOutput() {
    StreamingContext ssc = t.context();
    DecidingInput input = new DecidingInput(ContextAccess.runtime(ssc).graph(),
        ContextAccess.runtime(ssc).engine());
    ContextAccess.inputStream(ssc, input).foreachRDD((rdd, time) ->
        seenByOutput.add(time.milliseconds() + " ran; durable up to " + latestDurableGeneration()));
    ssc.checkpoint(checkpoints);
  }

  private long latestDurableGeneration() throws IOException {
    MetadataCheckpoint latest = new CheckpointStore(FileSystems.resolve(checkpoints + "/metadata")).readLatest()
        .orElseThrow().value(EngineKryoRegistrator.defaultSerializer());
    return latest.lastGeneratedTimeMs();
  }

  @Test
  void eachBatchsOutputRunsOnlyOnceTheCheckpointOfItsGenerationIsWritten() {
    defineOutput();

    t.runBatches(5);

    assertThat(seenByOutput).containsExactly("1000 ran; durable up to 1000", "2000 ran; durable up to 2000",
        "3000 ran; durable up to 3000", "4000 ran; durable up to 4000", "5000 ran; durable up to 5000");
  }

  @Test
  void aBatchWhoseGenerationCannotBeCheckpointedFailsWithoutRunningItsOutput() {
    defineOutput();
    t.runBatches(1);

    InjectedFaults.into(storage.fileSystem()).fail(InMemoryFileSystem.Operation.CREATE);
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .rootCause().isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("batch 2000 ms does not run")
        .hasMessageContaining("metadata checkpoint that records the data it reads was not written");
    InjectedFaults.into(storage.fileSystem()).clear();
    t.runBatches(1);

    assertThat(seenByOutput).containsExactly("1000 ran; durable up to 1000", "3000 ran; durable up to 3000");
  }

  @Test
  void theBatchesARestartRunsAgainShareOneCheckpointAndOneWaitForIt() {
    defineOutput();
    t.runBatches(1);
    t.close();

    t = TestStreamingContext.create(Durations.seconds(1));
    defineOutput();
    assertThat(t.recoverFrom(checkpoints)).isTrue();
    t.clock().setTime(t.clock().getTimeMillis() + 3_000);  // down for three batch intervals
    t.runBatches(0);

    assertThat(seenByOutput).containsExactly("1000 ran; durable up to 1000", "2000 ran; durable up to 4000",
        "3000 ran; durable up to 4000", "4000 ran; durable up to 4000");
  }

  @Test
  void aBatchWhoseCheckpointCannotEvenBeCapturedFailsRatherThanStayUnfinishedForEver() {
    defineOutput();
    t.runBatches(1);

    progressFails = true;
    try {
      assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class).rootCause()
          .hasMessageContaining("batch 2000 ms does not run");
    } finally {
      progressFails = false;
    }
    t.runBatches(1);

    assertThat(seenByOutput).containsExactly("1000 ran; durable up to 1000", "3000 ran; durable up to 3000");
  }

  @Test
  void aCheckpointWriteThatHangsIsLoggedOnceAndTheBatchRunsWhenItEnds() throws Exception {
    defineOutput();
    t.runBatches(1);

    try (CapturedLog log = CapturedLog.of("io.dstream.internal.scheduler.JobGenerator")) {
      InjectedFaults.into(storage.fileSystem()).hold(InMemoryFileSystem.Operation.CREATE);
      CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> t.runBatches(1));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (log.messagesAt("WARN").isEmpty() && System.nanoTime() < deadline) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      assertThat(seenByOutput).as("the batch waits for its checkpoint").hasSize(1);
      InjectedFaults.into(storage.fileSystem()).clear();
      batch.get(30, TimeUnit.SECONDS);

      assertThat(log.messagesAt("WARN")).singleElement().asString()
          .startsWith("Batch 2000 ms waits for the metadata checkpoint of its generation");
    }
    assertThat(seenByOutput).containsExactly("1000 ran; durable up to 1000", "2000 ran; durable up to 2000");
  }

  /** An input whose batches are empty, and which says a restart could not decide them again. */
  private static final class DecidingInput extends InputStreamNode<String> implements RecoverableInput {
    private final Engine engine;

    DecidingInput(DStreamGraph graph, Engine engine) {
      super(graph);
      this.engine = engine;
    }

    @Override
    protected RddNode<String> compute(Time time) {
      return RddOperations.empty(engine);
    }

    @Override
    public Object progress() {
      if (progressFails) {
        throw new IllegalStateException("injected: the progress cannot be read");
      }
      return "none";
    }

    @Override
    public void restoreProgress(Object progress) {}

    @Override
    public void forgetProgress(Time completed, Set<Time> neededByRecovery) {}

    @Override
    public boolean requiresDurableGeneration() {
      return true;
    }

    @Override
    public String operationName() {
      return "decidingInput";
    }

    @Override
    public Map<String, String> parameters() {
      return Map.of();
    }
  }
}

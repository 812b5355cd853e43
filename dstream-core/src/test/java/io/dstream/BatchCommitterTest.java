package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.internal.ContextAccess;
import io.dstream.internal.scaleout.BatchCommitter;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The commit point of a batch ({@link BatchCommitter}): every committer sees each batch once its jobs have ended,
 * preparing ones before committing ones, with the batch's failure if it had one; a committer that throws fails
 * the batch with its exception.
 */
class BatchCommitterTest {
  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));
  private final List<String> seen = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    t.close();
  }

  private void add(String name, BatchCommitter.Phase phase, RuntimeException failure) {
    ContextAccess.runtime(t.context()).addBatchCommitter((time, batchFailure) -> {
      seen.add(name + " " + time.milliseconds() + (batchFailure == null ? " ok" : " failed: "
          + batchFailure.getCause().getMessage()));
      if (failure != null) {
        throw failure;
      }
    }, phase);
  }

  @Test
  void preparingCommittersRunBeforeCommittingOnesAfterTheBatchsJobs() {
    t.inputStream(List.of(List.of(1), List.of(2))).foreachRDD(rdd -> seen.add("job " + rdd.collect()));
    add("commit", BatchCommitter.Phase.COMMIT, null);
    add("prepare", BatchCommitter.Phase.PREPARE, null);

    t.runBatches(2);

    assertThat(seen).containsExactly("job [1]", "prepare 1000 ok", "commit 1000 ok", "job [2]", "prepare 2000 ok",
        "commit 2000 ok");
  }

  @Test
  void aCommitterSeesTheBatchsFailureAndAFailingCommitterFailsTheBatch() {
    t.inputStream(List.of(List.of(1), List.of(2))).foreachRDD(rdd -> {
      if (rdd.collect().contains(1)) {
        throw new IllegalStateException("job failed");
      }
    });
    add("prepare", BatchCommitter.Phase.PREPARE, null);
    add("commit", BatchCommitter.Phase.COMMIT, new IllegalStateException("commit failed"));

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .hasRootCauseMessage("job failed");
    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .hasMessageContaining("batch 2000 ms could not be committed").hasRootCauseMessage("commit failed");
    assertThat(seen).containsExactly("prepare 1000 failed: job failed", "commit 1000 failed: job failed",
        "prepare 2000 ok", "commit 2000 ok");
  }

  @Test
  void aFatalErrorWhilePreparingMakesTheCommittingCommittersSeeAFailedBatch() {
    t.inputStream(List.of(List.of(1))).foreachRDD(rdd -> rdd.count());
    ContextAccess.runtime(t.context()).addBatchCommitter((time, failure) -> {
      throw new StackOverflowError("a recursive update function");
    }, BatchCommitter.Phase.PREPARE);
    add("commit", BatchCommitter.Phase.COMMIT, null);

    t.runBatches(0);
    t.clock().advance(1000);

    assertThatThrownBy(() -> t.context().awaitTerminationOrTimeout(60_000)).isInstanceOf(StackOverflowError.class);
    assertThat(seen).containsExactly("commit 1000 failed: a recursive update function");
  }
}

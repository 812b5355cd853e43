package io.dstream.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.CapturedLog;
import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.MemoryInputDirectory;
import io.dstream.StreamingConf;
import io.dstream.Time;
import io.dstream.internal.ContextAccess;
import io.dstream.ml.classification.StreamingLogisticRegressionWithSGD;
import io.dstream.ml.clustering.StreamingKMeans;
import io.dstream.ml.clustering.StreamingKMeansModel;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;
import io.dstream.ml.regression.LinearData;
import io.dstream.ml.regression.StreamingLinearRegressionWithSGD;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The streaming models are part of the checkpoint: a program that trains k-means and both regressions on a file
 * stream is stopped (or fails a batch) and recovered through {@link TestStreamingContext#recoverFrom} (the code of
 * {@code getOrCreate}) with the same factory; its final models equal those of a run that never stopped. The
 * default checkpoint interval with one-second batches snapshots the models at 10 s and 20 s, so a restart also
 * trains again on the completed batches after the snapshot.
 */
class ModelRecoveryTest {
  private static final int BATCHES = 25;
  private static final double[] TRUE_WEIGHTS = {2.0, -1.0};

  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private final String checkpoints = input.uri("/checkpoints");
  private final List<TestStreamingContext> runs = new ArrayList<>();

  @BeforeEach
  void writeOneFilePerBatch() {
    Random random = new Random(17);
    for (int batch = 1; batch <= BATCHES; batch++) {
      String[] lines = LinearData.linear(TRUE_WEIGHTS, 0.3, 40, random).stream().map(LabeledPoint::toString)
          .toArray(String[]::new);
      input.put("batch-" + batch, batch * 1_000L - 500, lines);
    }
  }

  @AfterEach
  void close() {
    runs.forEach(TestStreamingContext::close);
    input.close();
  }

  /** One run of the program: the factory's graph, and the algorithms it trains. */
  private final class Run {
    final TestStreamingContext t =
        TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]"));
    final StreamingKMeans kmeans;
    final StreamingLinearRegressionWithSGD linear = new StreamingLinearRegressionWithSGD()
        .setInitialWeights(Vectors.zeros(2)).setStepSize(0.3).setNumIterations(5);
    final StreamingLogisticRegressionWithSGD logistic = new StreamingLogisticRegressionWithSGD()
        .setInitialWeights(Vectors.zeros(2)).setStepSize(0.5).setNumIterations(5).setRegParam(0.01);
    // Another output of the program, after training: failing it leaves its batch unfinished, for a restart to run
    // again.
    final AtomicBoolean outputFails = new AtomicBoolean();

    Run() {
      this(3);
    }

    /** The program with another number of clusters, as after a change of its code. */
    Run(int k) {
      kmeans = new StreamingKMeans().setK(k).setDecayFactor(0.9).setRandomCenters(2, 0.0, 5L);
      runs.add(t);
      DStream<LabeledPoint> points = t.context().textFileStream(input.uri()).map(LabeledPoint::parse);
      kmeans.trainOn(points.map(LabeledPoint::features));
      linear.trainOn(points);
      logistic.trainOn(points.map(p -> new LabeledPoint(p.label() > 0 ? 1.0 : 0.0, p.features())));
      points.foreachRDD(rdd -> {
        if (outputFails.get()) {
          throw new IllegalStateException("the output's target is down");
        }
      });
    }

    /** The three models' numbers, in one list: centers, weights of the clusters, then the two weight vectors. */
    List<double[]> models() {
      StreamingKMeansModel clusters = kmeans.latestModel();
      List<double[]> numbers = new ArrayList<>();
      for (Vector center : clusters.clusterCenters()) {
        numbers.add(center.toArray());
      }
      numbers.add(clusters.clusterWeights());
      numbers.add(linear.latestModel().weights().toArray());
      numbers.add(logistic.latestModel().weights().toArray());
      return numbers;
    }
  }

  private List<double[]> uninterrupted() {
    Run run = new Run();
    run.t.runBatches(BATCHES);
    run.t.close();
    return run.models();
  }

  private static void assertSameModels(List<double[]> actual, List<double[]> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i)).as("row %d of the models", i).containsExactly(expected.get(i), within(1e-12));
    }
  }

  @Test
  void aRestartGoesOnLearningFromTheSnapshotAndEndsWithTheModelsOfARunThatNeverStopped() {
    List<double[]> expected = uninterrupted();

    Run first = new Run();
    assertThat(first.t.recoverFrom(checkpoints)).isFalse();
    first.t.runBatches(13);
    List<double[]> atStop = first.models();
    first.t.close();

    Run second = new Run();
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    assertSameModels(second.models(), new Run().models());   // the snapshot is restored when the context starts
    second.t.runBatches(BATCHES - 13);

    assertSameModels(second.models(), expected);
  }

  @Test
  void aBatchRunAgainAfterARestartIsLearnedFromOnce() {
    List<double[]> expected = uninterrupted();

    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    first.t.runBatches(9);
    first.outputFails.set(true);
    // Batch 10 trains the models and snapshots them, then fails: it stays unfinished, with its snapshot.
    assertThatThrownBy(() -> first.t.runBatches(1)).isInstanceOf(JobFailedException.class);
    first.t.close();

    Run second = new Run();
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    assertThat(ContextAccess.runtime(second.t.context()).batchesToRerun()).as("batch 10, left unfinished")
        .contains(new Time(10_000));
    second.t.runBatches(BATCHES - 10);

    assertSameModels(second.models(), expected);
  }

  @Test
  void withoutACheckpointDirectoryTheModelsLearnInMemoryAsTheyDoWithOne() throws IOException {
    List<double[]> inMemory = uninterrupted();
    assertThat(input.fileSystem().exists("/checkpoints")).as("nothing written without a directory").isFalse();

    Run checkpointed = new Run();
    checkpointed.t.recoverFrom(checkpoints);
    checkpointed.t.runBatches(BATCHES);

    assertSameModels(checkpointed.models(), inMemory);
    assertThat(input.fileSystem().list("/checkpoints/state")).as("one directory of snapshots per model").hasSize(3);
  }

  private void runAndStopAfter(int batches) {
    Run first = new Run();
    first.t.recoverFrom(checkpoints);
    first.t.runBatches(batches);
    first.t.close();
  }

  private String firstModelDirectory() throws IOException {
    return "/checkpoints/state/" + input.fileSystem().list("/checkpoints/state").stream().sorted().findFirst()
        .orElseThrow();
  }

  @Test
  void aDamagedModelSnapshotMakesRecoveryFallBackToTheCheckpointOfTheSnapshotBefore() throws IOException {
    List<double[]> expected = uninterrupted();
    runAndStopAfter(21);
    String snapshot = firstModelDirectory() + "/checkpoint-20000";
    byte[] bytes = input.fileSystem().readAllBytes(snapshot);
    bytes[bytes.length - 1] ^= 0x5A;
    input.fileSystem().writeAtomically(snapshot, bytes);

    Run second = new Run();
    try (CapturedLog log = CapturedLog.of("io.dstream.checkpoint.internal.store.CheckpointStore")) {
      assertThat(second.t.recoverFrom(checkpoints)).isTrue();
      assertThat(log.messagesStartingWith("Skipping")).isNotEmpty().allSatisfy(message ->
          assertThat(message).contains("snapshot of 20000 ms").contains(input.uri(snapshot)));
    }
    // The fallback checkpoint is older than the stop: the restart goes on from its last batch.
    second.t.runBatches((int) (BATCHES - second.t.clock().getTimeMillis() / 1_000));

    assertSameModels(second.models(), expected);
  }

  @Test
  void whenNoModelSnapshotIsLeftRecoveryFailsBeforeStartNamingIt() throws IOException {
    runAndStopAfter(12);
    String directory = firstModelDirectory();
    input.deleteTree(directory);

    Run second = new Run();
    assertThatThrownBy(() -> second.t.recoverFrom(checkpoints)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("none is intact and usable")
        .hasMessageContaining("there is no model snapshot of time 10000 ms in " + input.uri(directory));
  }

  @Test
  void aRestartWithAnotherNumberOfClustersRefusesTheSnapshotRatherThanKeepingItsClusters() throws IOException {
    runAndStopAfter(12);
    String directory = firstModelDirectory();

    Run second = new Run(4);
    assertThat(second.t.recoverFrom(checkpoints)).isTrue();
    // The snapshot is restored when the context starts.
    assertThatThrownBy(() -> second.t.runBatches(1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the model snapshot of time 10000 ms in " + input.uri(directory))
        .hasMessageContaining("3 centers of 2 features, but this StreamingKMeans has 4 of 2");
  }

  @Test
  void aSecondTrainOnIsRefused() {
    Run run = new Run();
    DStream<Vector> more = run.t.context().queueStream(new java.util.ArrayDeque<>());
    assertThatThrownBy(() -> run.kmeans.trainOn(more)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("union");
    assertThatThrownBy(() -> run.linear.trainOn(more.map(v -> new LabeledPoint(0.0, v))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("union");
  }
}

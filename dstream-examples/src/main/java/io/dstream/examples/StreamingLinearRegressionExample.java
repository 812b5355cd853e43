package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;
import io.dstream.ml.regression.StreamingLinearRegressionWithSGD;

/**
 * Learns a linear model from one directory of text files and predicts the labels of the points of another, as
 * Spark's {@code StreamingLinearRegressionExample}: every second, the new training files' labeled points train
 * the weights (three features, starting from zero, MLlib's defaults: 50 iterations of step 0.1 per batch), and
 * the new test files' points are printed as {@code (label,prediction)} pairs with the model of that batch. Lines
 * of both are labeled points, {@code (y,[x1,x2,x3])}.
 *
 * <p>Create the two directories, and run the example from the repository root with them:
 *
 * <pre>
 * mkdir -p /tmp/regression-train /tmp/regression-test
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.StreamingLinearRegressionExample -Dexec.args="/tmp/regression-train /tmp/regression-test"
 * </pre>
 *
 * <p>then move files into them (each file complete, in one step, as for {@link FileWordCount}). It runs until
 * stopped; a third argument, the number of batches, makes it stop by itself.
 */
public final class StreamingLinearRegressionExample {
  static final String USAGE = "StreamingLinearRegressionExample <trainingDir> <testDir> [<batches>] [--ui]";
  /** The batch interval. */
  static final Duration BATCH_INTERVAL = Durations.seconds(1);
  /** The number of features of every point. */
  static final int NUM_FEATURES = 3;

  private StreamingLinearRegressionExample() {}

  /**
   * Runs the example.
   *
   * @param args the training and test directories, and optionally the number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example on a line that is not a labeled
   *     point of three features
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 2, 1);
    String trainingDir = arguments.text(0, "the training directory");
    String testDir = arguments.text(1, "the test directory");
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("StreamingLinearRegressionExample"));
    StreamingContext ssc = new StreamingContext(conf, BATCH_INTERVAL);
    predictions(ssc, trainingDir, testDir).print();
    BatchRunner.run(ssc, arguments.optionalBatches(2));
  }

  /**
   * Defines the pipeline: linear regression trained on the training directory's labeled points, and the
   * prediction for each labeled point of the test directory.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param trainingDir the directory of training files, a path or a URI
   * @param testDir the directory of test files, a path or a URI
   * @return the stream of (label, prediction) pairs of the test points
   * @throws IllegalArgumentException if a directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<Double, Double> predictions(StreamingContext ssc, String trainingDir, String testDir) {
    DStream<LabeledPoint> trainingData = ssc.textFileStream(trainingDir).map(LabeledPoint::parse).cache();
    DStream<LabeledPoint> testData = ssc.textFileStream(testDir).map(LabeledPoint::parse);

    StreamingLinearRegressionWithSGD model = new StreamingLinearRegressionWithSGD()
        .setInitialWeights(Vectors.zeros(NUM_FEATURES));

    model.trainOn(trainingData);
    return model.predictOnValues(testData.mapToPair(point -> new Tuple2<>(point.label(), point.features())));
  }
}

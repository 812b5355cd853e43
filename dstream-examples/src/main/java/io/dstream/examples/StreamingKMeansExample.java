package io.dstream.examples;

import io.dstream.DStream;
import io.dstream.Durations;
import io.dstream.PairDStream;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.Tuple2;
import io.dstream.ml.clustering.StreamingKMeans;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.ml.regression.LabeledPoint;

/**
 * Learns clusters from one directory of text files and predicts the cluster of the points of another, as
 * Spark's {@code StreamingKMeansExample}: every batch, the new training files move the centers (streaming
 * k-means, decay factor 1), and the new test files' points are printed as {@code (label,cluster)} pairs with the
 * model of that batch. Training lines are vectors, {@code [x1,x2,...]}; test lines labeled points,
 * {@code (y,[x1,x2,...])}, where {@code y} is any identifier (a true cluster, say) to compare the clusters with.
 * The initial centers are random, from a fixed seed ({@value #SEED}), so that a run can be repeated.
 *
 * <p>Create the two directories, and run the example from the repository root with them, a batch interval of
 * 5 seconds, 3 clusters and 2 dimensions:
 *
 * <pre>
 * mkdir -p /tmp/kmeans-train /tmp/kmeans-test
 * mvn -B -q -DskipTests package exec:java -pl dstream-examples -am -Dexec.mainClass=io.dstream.examples.StreamingKMeansExample -Dexec.args="/tmp/kmeans-train /tmp/kmeans-test 5 3 2"
 * </pre>
 *
 * <p>then move files into them (each file complete, in one step, as for {@link FileWordCount}). It runs until
 * stopped; a sixth argument, the number of batches, makes it stop by itself.
 */
public final class StreamingKMeansExample {
  static final String USAGE = "StreamingKMeansExample <trainingDir> <testDir> <batchDuration> <numClusters> "
      + "<numDimensions> [<batches>] [--ui]";
  /** The seed of the random initial centers. */
  static final long SEED = 42L;

  private StreamingKMeansExample() {}

  /**
   * Runs the example.
   *
   * @param args the training and test directories, the batch interval in seconds, the number of clusters, the
   *     number of dimensions, and optionally the number of batches to run
   * @throws InterruptedException if interrupted while running
   * @throws IllegalArgumentException if the arguments do not match the usage line
   * @throws io.dstream.rdd.JobFailedException if a batch fails, for example on a line that is not a vector
   */
  public static void main(String[] args) throws InterruptedException {
    ExampleArgs arguments = ExampleArgs.parse(args, USAGE, 5, 1);
    String trainingDir = arguments.text(0, "the training directory");
    String testDir = arguments.text(1, "the test directory");
    int seconds = arguments.positiveInt(2, "the batch duration in seconds");
    int k = arguments.positiveInt(3, "the number of clusters");
    int dimensions = arguments.positiveInt(4, "the number of dimensions");
    StreamingConf conf = ExampleArgs.withStatusPageIfAsked(args,
        new StreamingConf().setMaster("local[2]").setAppName("StreamingKMeansExample"));
    StreamingContext ssc = new StreamingContext(conf, Durations.seconds(seconds));
    predictions(ssc, trainingDir, testDir, k, dimensions).print();
    BatchRunner.run(ssc, arguments.optionalBatches(5));
  }

  /**
   * Defines the pipeline: k-means trained on the training directory's vectors, and the cluster of each labeled
   * point of the test directory.
   *
   * @param ssc the context to define the pipeline in; not started
   * @param trainingDir the directory of training files, a path or a URI
   * @param testDir the directory of test files, a path or a URI
   * @param k the number of clusters
   * @param dimensions the number of dimensions of every point
   * @return the stream of (label, cluster) pairs of the test points
   * @throws IllegalArgumentException if a directory's scheme is unknown
   * @throws IllegalStateException if the context has already started
   */
  public static PairDStream<Double, Integer> predictions(StreamingContext ssc, String trainingDir, String testDir,
      int k, int dimensions) {
    DStream<Vector> trainingData = ssc.textFileStream(trainingDir).map(Vectors::parse);
    DStream<LabeledPoint> testData = ssc.textFileStream(testDir).map(LabeledPoint::parse);

    StreamingKMeans model = new StreamingKMeans()
        .setK(k)
        .setDecayFactor(1.0)
        .setRandomCenters(dimensions, 0.0, SEED);

    model.trainOn(trainingData);
    return model.predictOnValues(testData.mapToPair(point -> new Tuple2<>(point.label(), point.features())));
  }
}

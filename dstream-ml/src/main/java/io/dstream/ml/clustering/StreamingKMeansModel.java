package io.dstream.ml.clustering;

import io.dstream.ml.Model;
import io.dstream.ml.internal.DenseMath;
import io.dstream.ml.internal.KMeansRule;
import io.dstream.ml.internal.ModelCodec;
import io.dstream.ml.internal.ModelFile;
import io.dstream.ml.internal.NearestCenter;
import io.dstream.ml.internal.PointChecks;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import io.dstream.rdd.RDD;
import java.io.IOException;
import java.util.Arrays;

/**
 * A k-means model: cluster centers and their weights (how many points, discounted, each center stands for), as
 * MLlib's {@code StreamingKMeansModel}. It is immutable: {@link #update} returns a new model (MLlib's updates
 * its own arrays), so a model taken from {@link StreamingKMeans#latestModel()} never changes under its user.
 *
 * <pre>{@code
 * StreamingKMeansModel model = new StreamingKMeansModel(
 *     new Vector[] {Vectors.dense(0.0, 0.0), Vectors.dense(5.0, 5.0)}, new double[] {1.0, 1.0});
 * int cluster = model.predict(Vectors.dense(4.0, 6.0));   // 1
 * }</pre>
 */
public final class StreamingKMeansModel implements Model<Integer> {
  /** The model as rows of numbers: the centers, one row each, then the weights. */
  static final ModelCodec<StreamingKMeansModel> ROWS = new ModelCodec<>() {
    @Override
    public double[][] toRows(StreamingKMeansModel model) {
      double[][] rows = Arrays.copyOf(model.centers, model.centers.length + 1);
      rows[model.centers.length] = model.weights;
      return rows;
    }

    @Override
    public StreamingKMeansModel fromRows(double[][] rows) {
      if (rows.length < 2) {
        throw new IllegalArgumentException("a k-means model has at least one center and a row of weights, got "
            + rows.length + " rows");
      }
      Vector[] centers = new Vector[rows.length - 1];
      for (int c = 0; c < centers.length; c++) {
        centers[c] = Vectors.dense(rows[c]);
      }
      return new StreamingKMeansModel(centers, rows[rows.length - 1]);
    }
  };

  private final double[][] centers;
  private final double[] weights;
  private final NearestCenter nearest;

  /**
   * Returns the codec of the snapshots of a streaming k-means whose initial model is this one: it reads only
   * models of this one's shape, so that a program restarted with another {@code k} or number of features does not
   * go on with the snapshot's.
   *
   * @param algorithm the algorithm's name, for the message
   * @return the codec
   */
  ModelCodec<StreamingKMeansModel> snapshotRows(String algorithm) {
    int k = centers.length;
    int dim = centers[0].length;
    return new ModelCodec<>() {
      @Override
      public double[][] toRows(StreamingKMeansModel model) {
        return ROWS.toRows(model);
      }

      @Override
      public StreamingKMeansModel fromRows(double[][] rows) {
        StreamingKMeansModel model = ROWS.fromRows(rows);
        if (model.k() != k || model.centers[0].length != dim) {
          throw new IllegalArgumentException("it has " + model.k() + " centers of " + model.centers[0].length
              + " features, but this " + algorithm + " has " + k + " of " + dim + "; restart from another "
              + "checkpoint directory to train a model of the new shape");
        }
        return model;
      }
    };
  }

  /**
   * Creates a model.
   *
   * @param clusterCenters the centers, at least one, all of one size of at least 1; copied
   * @param clusterWeights the weight of each center, not negative; copied
   * @throws IllegalArgumentException if there are no centers, their sizes differ, the weights are not one per
   *     center, or a weight is negative or NaN, or a center holds NaN
   */
  public StreamingKMeansModel(Vector[] clusterCenters, double[] clusterWeights) {
    this(copyOf(clusterCenters), checkedWeights(clusterWeights, clusterCenters));
  }

  private StreamingKMeansModel(double[][] centers, double[] weights) {
    this.centers = centers;
    this.weights = weights;
    this.nearest = new NearestCenter(centers);
  }

  private static double[][] copyOf(Vector[] clusterCenters) {
    if (clusterCenters == null || clusterCenters.length == 0) {
      throw new IllegalArgumentException("a k-means model needs at least one center, got "
          + (clusterCenters == null ? "null" : "none"));
    }
    int dim = clusterCenters[0] == null ? 0 : clusterCenters[0].size();
    if (dim == 0) {
      throw new IllegalArgumentException("center 0 is " + clusterCenters[0] + "; centers need at least one entry");
    }
    double[][] centers = new double[clusterCenters.length][];
    for (int c = 0; c < centers.length; c++) {
      PointChecks.requireFeatures(clusterCenters[c], dim, "center " + c + " (" + clusterCenters[c] + ")");
      centers[c] = clusterCenters[c].toArray();
    }
    return centers;
  }

  private static double[] checkedWeights(double[] clusterWeights, Vector[] clusterCenters) {
    if (clusterWeights == null || clusterWeights.length != clusterCenters.length) {
      throw new IllegalArgumentException("a k-means model needs one weight per center: " + clusterCenters.length
          + " centers, but " + (clusterWeights == null ? "null" : clusterWeights.length + " weights"));
    }
    for (double w : clusterWeights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("cluster weights must be 0 or more, got " + Arrays.toString(clusterWeights));
      }
    }
    return clusterWeights.clone();
  }

  /**
   * Returns the number of clusters.
   *
   * @return k
   */
  public int k() {
    return centers.length;
  }

  /**
   * Returns the cluster centers.
   *
   * @return a new array of dense vectors, one per cluster
   */
  public Vector[] clusterCenters() {
    Vector[] copy = new Vector[centers.length];
    for (int c = 0; c < centers.length; c++) {
      copy[c] = Vectors.dense(centers[c]);
    }
    return copy;
  }

  /**
   * Returns the weight of each cluster.
   *
   * @return a new array, one weight per cluster
   */
  public double[] clusterWeights() {
    return weights.clone();
  }

  /**
   * Returns the index of the cluster whose center is nearest (squared Euclidean distance; the lowest index
   * among equally near ones).
   *
   * @param point the point, of the centers' size
   * @return the cluster index, from 0 to {@code k() - 1}
   * @throws IllegalArgumentException if the point has another size or holds NaN
   */
  @Override
  public Integer predict(Vector point) {
    return nearest.indexOf(PointChecks.requireFeatures(point, centers[0].length, point));
  }

  /**
   * Returns the sum of the squared distances of points to their nearest centers (MLlib's {@code computeCost}),
   * computed on the worker threads.
   *
   * @param points the points
   * @return the cost
   * @throws io.dstream.rdd.JobFailedException if a point has another size or holds NaN
   */
  public double computeCost(RDD<Vector> points) {
    int dim = centers[0].length;
    // A one-entry array per task rather than a boxed Double per point.
    return points.treeAggregate(new double[1], (sum, x) -> {
      sum[0] += nearest.distanceSquared(PointChecks.requireFeatures(x, dim, x));
      return sum;
    }, DenseMath::addInto)[0];
  }

  /**
   * Returns the model after learning from one batch, by MLlib's mini-batch rule with forgetfulness (see
   * {@link StreamingKMeans}): the points are assigned and summed per cluster on the worker threads, the centers
   * moved on the caller's thread.
   *
   * @param points the batch
   * @param decayFactor the decay factor, from 0 to 1
   * @param timeUnit {@link StreamingKMeans#BATCHES} or {@link StreamingKMeans#POINTS}
   * @return the new model; this one is unchanged
   * @throws IllegalArgumentException if the decay factor is outside 0 to 1 or the time unit is another
   * @throws io.dstream.rdd.JobFailedException if a point has another size than the centers or holds NaN
   */
  public StreamingKMeansModel update(RDD<Vector> points, double decayFactor, String timeUnit) {
    boolean perPoint = StreamingKMeans.isPerPoint(timeUnit);
    StreamingKMeans.checkDecayFactor(decayFactor);
    double[] sums = KMeansRule.sumsByCluster(points, centers);
    return updated(sums, decayFactor, perPoint);
  }

  private StreamingKMeansModel updated(double[] sums, double decayFactor, boolean perPoint) {
    double[][] newCenters = new double[centers.length][];
    for (int c = 0; c < centers.length; c++) {
      newCenters[c] = centers[c].clone();
    }
    double[] newWeights = weights.clone();
    KMeansRule.update(newCenters, newWeights, sums, decayFactor, perPoint);
    return new StreamingKMeansModel(newCenters, newWeights);
  }

  /**
   * Saves the model to a file as JSON: its centers and weights, exactly (every number as Java writes a
   * {@code double}, so that {@link #load} gives an equal model). A file that is there is replaced, atomically; a missing directory is created.
   *
   * <pre>{@code
   * kmeans.latestModel().save("/models/clusters.json");
   * StreamingKMeansModel model = StreamingKMeansModel.load("/models/clusters.json");
   * }</pre>
   *
   * @param path a path or URI, such as {@code /models/clusters.json} or {@code file:///models/clusters.json}
   * @throws IOException if the file cannot be written
   * @throws IllegalArgumentException if the path is malformed or no file system serves its scheme, or a weight
   *     is infinite
   */
  public void save(String path) throws IOException {
    ModelFile.of(getClass().getSimpleName()).with("clusterCenters", centers).with("clusterWeights", weights)
        .save(path);
  }

  /**
   * Loads a model that {@link #save} wrote.
   *
   * @param path a path or URI
   * @return the model
   * @throws IllegalArgumentException if there is no such file, or it is not a saved k-means model (another model,
   *     damaged, or of another layout version); the message names the path
   * @throws IOException if the file cannot be read
   */
  public static StreamingKMeansModel load(String path) throws IOException {
    ModelFile file = ModelFile.load(path, StreamingKMeansModel.class.getSimpleName());
    double[][] centers = file.rows(path, "clusterCenters");
    double[] weights = file.row(path, "clusterWeights");
    double[][] rows = Arrays.copyOf(centers, centers.length + 1);
    rows[centers.length] = weights;
    try {
      return ROWS.fromRows(rows);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load a StreamingKMeansModel from " + path + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "StreamingKMeansModel(k=" + centers.length + ", centers=" + Arrays.deepToString(centers) + ", weights="
        + Arrays.toString(weights) + ")";
  }
}

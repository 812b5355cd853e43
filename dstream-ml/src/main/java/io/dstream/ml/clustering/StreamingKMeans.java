package io.dstream.ml.clustering;

import io.dstream.DStream;
import io.dstream.PairDStream;
import io.dstream.ml.internal.TrainingStreamNode;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.util.Random;

/**
 * k-means that learns from a stream while it predicts on streams, as MLlib's {@code StreamingKMeans}. Each
 * batch of {@link #trainOn} moves every center to the weighted mean of its old position and the batch's points
 * nearest to it; the old position's weight is discounted by the decay factor first, so that older batches
 * count less:
 *
 * <pre>
 *   w_{t+1} = a * w_t + n_t                               n_t points assigned this batch, of mean m_t
 *   c_{t+1} = (a * w_t * c_t + n_t * m_t) / w_{t+1}       a = decay factor, or decay^(points in the batch)
 * </pre>
 *
 * <p>A decay factor of 1 weighs all data since the start equally; 0 keeps only the latest batch. A center whose
 * weight falls below {@code 1e-8} times the largest is "dying": it is moved next to the largest cluster's center
 * and the two share its weight, so the next batches split that cluster. The points are assigned and summed on the
 * worker threads; the centers move on the job thread, once per batch.
 *
 * <pre>{@code
 * StreamingKMeans kmeans = new StreamingKMeans().setK(3).setDecayFactor(1.0).setRandomCenters(2, 0.0, 42L);
 * kmeans.trainOn(trainingPoints);
 * DStream<Integer> clusters = kmeans.predictOn(testPoints);
 * }</pre>
 *
 * <p>Configure it, then call {@code trainOn} and the {@code predict...} methods before the context starts; the
 * model is the latest one when a record is predicted.
 */
public final class StreamingKMeans {
  /** The time unit of {@link #setHalfLife} that discounts once per batch. */
  public static final String BATCHES = "batches";
  /** The time unit of {@link #setHalfLife} that discounts once per point. */
  public static final String POINTS = "points";

  private int k = 2;
  private volatile double decayFactor = 1.0;
  private volatile String timeUnit = BATCHES;
  private volatile StreamingKMeansModel model;
  private boolean training;

  /** Creates a streaming k-means with MLlib's defaults: k = 2, decay factor 1, per batch, no centers yet. */
  public StreamingKMeans() {}

  /**
   * Sets the number of clusters; set it before {@link #setRandomCenters}.
   *
   * @param k the number of clusters, at least 1
   * @return this
   * @throws IllegalArgumentException if {@code k} is less than 1
   * @throws IllegalStateException if centers of another number were set already (MLlib would silently keep
   *     them)
   */
  public StreamingKMeans setK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    StreamingKMeansModel current = model;
    if (current != null && current.k() != k) {
      throw new IllegalStateException("setK(" + k + ") after " + current.k() + " centers were set: call setK "
          + "before setRandomCenters, or give setInitialCenters " + k + " centers");
    }
    this.k = k;
    return this;
  }

  /**
   * Sets the decay factor: how much of the past each batch keeps.
   *
   * @param decayFactor from 0 (forget all before the batch) to 1 (forget nothing)
   * @return this
   * @throws IllegalArgumentException if it is outside 0 to 1 or NaN
   */
  public StreamingKMeans setDecayFactor(double decayFactor) {
    checkDecayFactor(decayFactor);
    this.decayFactor = decayFactor;
    return this;
  }

  /**
   * Sets the decay by a half-life: the time after which a batch's (or point's) weight has halved. The decay
   * factor becomes {@code exp(ln(0.5) / halfLife)}.
   *
   * @param halfLife the half-life, more than 0
   * @param timeUnit {@link #BATCHES} or {@link #POINTS}
   * @return this
   * @throws IllegalArgumentException if the half-life is not positive or the unit is another
   */
  public StreamingKMeans setHalfLife(double halfLife, String timeUnit) {
    if (!(halfLife > 0)) {
      throw new IllegalArgumentException("the half-life must be more than 0, got " + halfLife);
    }
    isPerPoint(timeUnit);
    this.decayFactor = Math.exp(Math.log(0.5) / halfLife);
    this.timeUnit = timeUnit;
    return this;
  }

  /**
   * Sets the initial centers and their weights.
   *
   * @param centers the centers, all of one size
   * @param weights one weight per center, 0 or more
   * @return this
   * @throws IllegalArgumentException as {@link StreamingKMeansModel#StreamingKMeansModel(Vector[], double[])}
   * @throws IllegalStateException if {@link #trainOn} was called already: training starts from the centers it
   *     found
   */
  public StreamingKMeans setInitialCenters(Vector[] centers, double[] weights) {
    if (training) {
      throw new IllegalStateException("this StreamingKMeans trains from the centers it had at trainOn; set the "
          + "initial centers before trainOn");
    }
    StreamingKMeansModel initial = new StreamingKMeansModel(centers, weights);
    this.k = initial.k();
    this.model = initial;
    return this;
  }

  /**
   * Sets {@code k} random initial centers, their entries drawn from a standard normal distribution.
   *
   * @param dim the number of features, at least 1
   * @param weight the weight of every center, 0 or more
   * @param seed the seed: the same seed gives the same centers
   * @return this
   * @throws IllegalArgumentException if {@code dim} is less than 1 or {@code weight} is negative or NaN
   * @throws IllegalStateException if {@link #trainOn} was called already
   */
  public StreamingKMeans setRandomCenters(int dim, double weight, long seed) {
    if (dim < 1) {
      throw new IllegalArgumentException("the centers need at least one feature, got dim = " + dim);
    }
    Random random = new Random(seed);
    Vector[] centers = new Vector[k];
    double[] weights = new double[k];
    for (int c = 0; c < k; c++) {
      double[] center = new double[dim];
      for (int j = 0; j < dim; j++) {
        center[j] = random.nextGaussian();
      }
      centers[c] = Vectors.dense(center);
      weights[c] = weight;
    }
    return setInitialCenters(centers, weights);
  }

  /**
   * Returns the model as of the last batch trained on (the initial centers before the first).
   *
   * @return the model
   * @throws IllegalStateException if no initial centers were set
   */
  public StreamingKMeansModel latestModel() {
    StreamingKMeansModel current = model;
    if (current == null) {
      throw new IllegalStateException("streaming k-means has no centers yet; call setInitialCenters or "
          + "setRandomCenters first");
    }
    return current;
  }

  /**
   * Learns from every batch of a stream: one update of the model per batch, by the rule above, starting from the
   * model set before (the initial centers). The stream's jobs fail (and so the batch) if a point has another size
   * than the centers or holds NaN; the exception names the point, and the model stays as it was before that
   * batch.
   *
   * <p>With a checkpoint directory, the model is part of the checkpoint: it is written every checkpoint interval
   * (the smallest multiple of the batch interval of at least 10 s), and a context recovered by
   * {@code StreamingContext.getOrCreate} from the same program goes on learning from the model of the last
   * snapshot, training again on the batches after it.
   *
   * @param points the training points
   * @throws IllegalStateException if no initial centers were set, or {@code trainOn} was called already (train on
   *     the union of the streams instead)
   */
  public void trainOn(DStream<Vector> points) {
    StreamingKMeansModel initial = latestModel();
    if (training) {
      throw new IllegalStateException("this StreamingKMeans trains on a stream already; call trainOn once, on the "
          + "union of the streams to learn from");
    }
    training = true;
    TrainingStreamNode.trainOn(points, "StreamingKMeans", initial,
        (current, batch) -> current.update(batch, decayFactor, timeUnit), initial.snapshotRows("StreamingKMeans"),
        latest -> model = latest);
  }

  /**
   * Predicts the cluster of every point of a stream with the latest model.
   *
   * @param points the points
   * @return the stream of cluster indices, one per point
   * @throws IllegalStateException if no initial centers were set
   */
  public DStream<Integer> predictOn(DStream<Vector> points) {
    latestModel();
    return points.map(x -> model.predict(x));
  }

  /**
   * Predicts the cluster of every value of a stream of pairs with the latest model, keeping the keys (for
   * example a label or an id, to compare the clusters with).
   *
   * @param points the keyed points
   * @param <K> the key type
   * @return the stream of keys and cluster indices
   * @throws IllegalStateException if no initial centers were set
   */
  public <K> PairDStream<K, Integer> predictOnValues(PairDStream<K, Vector> points) {
    latestModel();
    return points.mapValues(x -> model.predict(x));
  }

  static void checkDecayFactor(double decayFactor) {
    if (!(decayFactor >= 0 && decayFactor <= 1)) {
      throw new IllegalArgumentException("the decay factor must be from 0 to 1, got " + decayFactor);
    }
  }

  static boolean isPerPoint(String timeUnit) {
    if (POINTS.equals(timeUnit)) {
      return true;
    }
    if (BATCHES.equals(timeUnit)) {
      return false;
    }
    throw new IllegalArgumentException("the time unit must be \"" + BATCHES + "\" or \"" + POINTS + "\", got "
        + (timeUnit == null ? "null" : "\"" + timeUnit + "\""));
  }
}

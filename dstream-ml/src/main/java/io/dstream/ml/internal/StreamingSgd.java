package io.dstream.ml.internal;

import io.dstream.DStream;
import io.dstream.PairDStream;
import io.dstream.ml.Model;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.regression.LabeledPoint;
import io.dstream.rdd.RDD;
import java.util.function.Function;

/**
 * The training behind {@code StreamingLinearAlgorithm}, the base of the streaming regressions: keeps the latest
 * model, retrains it on every non-empty batch by {@link GradientDescent} starting from its weights, and predicts
 * with it. Each algorithm holds one of these, made with its loss and model.
 *
 * @param <M> the model type
 */
public final class StreamingSgd<M extends Model<Double>> {
  private final GradientDescent optimizer;
  private final Function<double[], M> modelOf;
  private final String algorithm;
  private volatile SgdConfig config = SgdConfig.MLLIB_STREAMING_DEFAULTS;
  private volatile double[] weights;
  private volatile M model;
  private boolean training;

  /**
   * Creates the trainer.
   *
   * @param gradient the loss's gradient
   * @param updater the step and regularization
   * @param modelOf the model of some weights
   * @param algorithm the public class's name, for messages
   */
  public StreamingSgd(Gradient gradient, Updater updater, Function<double[], M> modelOf, String algorithm) {
    this.optimizer = new GradientDescent(gradient, updater);
    this.modelOf = modelOf;
    this.algorithm = algorithm;
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public SgdConfig config() {
    return config;
  }

  /**
   * Replaces the settings.
   *
   * @param newConfig the settings
   */
  public void configure(SgdConfig newConfig) {
    config = newConfig;
  }

  /**
   * Sets the weights to start from.
   *
   * @param initialWeights the weights, at least one, none NaN
   * @throws IllegalArgumentException if null, empty or holding NaN
   * @throws IllegalStateException if {@link #trainOn} was called already: training starts from the weights it
   *     found
   */
  public void setInitialWeights(Vector initialWeights) {
    if (training) {
      throw new IllegalStateException("this " + algorithm + " trains from the weights it had at trainOn; set the "
          + "initial weights before trainOn");
    }
    if (initialWeights == null || initialWeights.size() == 0) {
      throw new IllegalArgumentException(algorithm + " needs initial weights of at least one feature, got "
          + initialWeights);
    }
    PointChecks.requireFeatures(initialWeights, initialWeights.size(), "initial weights " + initialWeights);
    install(initialWeights.toArray());
  }

  /**
   * Returns the latest model.
   *
   * @return the model
   * @throws IllegalStateException if no initial weights were set
   */
  public M latestModel() {
    M current = model;
    if (current == null) {
      throw new IllegalStateException(algorithm + " has no model yet; call setInitialWeights first");
    }
    return current;
  }

  /**
   * Retrains the model on every non-empty batch of a stream, the batch cached while the iterations read it, from
   * the weights set before; the model is part of the checkpoint (see {@link TrainingStreamNode}).
   *
   * @param points the training points
   * @throws IllegalStateException if no initial weights were set, or {@code trainOn} was called already
   */
  public void trainOn(DStream<LabeledPoint> points) {
    latestModel();
    if (training) {
      throw new IllegalStateException("this " + algorithm + " trains on a stream already; call trainOn once, on the "
          + "union of the streams to learn from");
    }
    training = true;
    TrainingStreamNode.trainOn(points, algorithm, weights, this::trained, weightRows(weights.length), this::install);
  }

  private double[] trained(double[] current, RDD<LabeledPoint> points) {
    // A node of our own to cache, so that a persistence the user chose for the stream is left alone.
    RDD<LabeledPoint> batch = points.map(point -> point).cache();
    try {
      return batch.count() > 0 ? optimizer.run(batch, config, current) : current;
    } finally {
      batch.unpersist();
    }
  }

  /**
   * Returns the codec of weight vectors of a size: one row.
   *
   * @param size the number of weights
   * @return the codec
   */
  public static ModelCodec<double[]> weightRows(int size) {
    return new ModelCodec<>() {
      @Override
      public double[][] toRows(double[] weights) {
        return new double[][] {weights};
      }

      @Override
      public double[] fromRows(double[][] rows) {
        if (rows.length != 1 || rows[0].length != size) {
          throw new IllegalArgumentException("expected one row of " + size + " weights, got " + rows.length
              + " rows" + (rows.length == 0 ? "" : " of " + rows[0].length));
        }
        for (double w : rows[0]) {
          if (Double.isNaN(w)) {
            throw new IllegalArgumentException("a weight is NaN");
          }
        }
        return rows[0].clone();
      }
    };
  }

  /**
   * Predicts on every point of a stream with the latest model.
   *
   * @param points the points
   * @return the predictions
   * @throws IllegalStateException if no initial weights were set
   */
  public DStream<Double> predictOn(DStream<Vector> points) {
    latestModel();
    return points.map(x -> model.predict(x));
  }

  /**
   * Predicts on every value of a stream of pairs with the latest model, keeping the keys.
   *
   * @param points the keyed points
   * @param <K> the key type
   * @return the keys and predictions
   * @throws IllegalStateException if no initial weights were set
   */
  public <K> PairDStream<K, Double> predictOnValues(PairDStream<K, Vector> points) {
    latestModel();
    return points.mapValues(x -> model.predict(x));
  }

  private void install(double[] newWeights) {
    weights = newWeights;
    model = modelOf.apply(newWeights.clone());
  }
}

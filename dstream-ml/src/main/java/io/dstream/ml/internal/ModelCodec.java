package io.dstream.ml.internal;

/**
 * Turns a model into rows of numbers and back: the form a model takes in a checkpoint's snapshot and in a saved
 * file. Plain arrays keep both independent of the model classes' fields.
 *
 * @param <M> the model type
 */
public interface ModelCodec<M> {
  /**
   * Returns the model's numbers.
   *
   * @param model the model
   * @return its rows; the caller does not change them
   */
  double[][] toRows(M model);

  /**
   * Returns the model of some rows that {@link #toRows} wrote.
   *
   * @param rows the rows
   * @return the model
   * @throws IllegalArgumentException if the rows are not those of such a model (another shape, NaN); the
   *     message says what is wrong
   */
  M fromRows(double[][] rows);
}

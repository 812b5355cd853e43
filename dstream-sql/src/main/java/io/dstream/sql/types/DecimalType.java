package io.dstream.sql.types;

/**
 * Decimals of a fixed number of digits, as Spark SQL's {@code DecimalType}: {@code precision} digits in all,
 * {@code scale} of them after the point, held in the engine's {@code DECIMAL(precision,scale)} and given by a
 * {@link io.dstream.sql.Row} as {@link java.math.BigDecimal}. Make one with
 * {@link DataTypes#createDecimalType(int, int)}; {@link DataTypes#DecimalType} is {@code decimal(38,18)}.
 */
public final class DecimalType extends DataType {
  /** The most digits a decimal holds, in the engine as in Spark. */
  public static final int MAX_PRECISION = 38;

  private final int precision;
  private final int scale;

  DecimalType(int precision, int scale) {
    super("decimal(" + precision + "," + scale + ")", "DECIMAL(" + precision + "," + scale + ")",
        java.math.BigDecimal.class);
    this.precision = precision;
    this.scale = scale;
  }

  /**
   * Returns how many digits a value holds in all.
   *
   * @return the precision, from 1 to {@value #MAX_PRECISION}
   */
  public int precision() {
    return precision;
  }

  /**
   * Returns how many of the digits are after the point.
   *
   * @return the scale, from 0 to the precision
   */
  public int scale() {
    return scale;
  }

  /** Returns Spark's name of the type, such as {@code DecimalType(10,2)}. */
  @Override
  public String toString() {
    return "DecimalType(" + precision + "," + scale + ")";
  }
}

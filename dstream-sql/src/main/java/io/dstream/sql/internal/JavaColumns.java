package io.dstream.sql.internal;

import io.dstream.sql.types.DataType;
import io.dstream.sql.types.DataTypes;
import io.dstream.sql.types.DecimalType;
import io.dstream.sql.types.StructField;
import io.dstream.sql.types.StructType;
import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The columns of a Java bean or record class: one per readable property (a getter, in name order, as Spark
 * orders a bean's columns) or record component (in declaration order), with the SQL type its Java type maps to.
 * A class with none, or a property of a type no column holds, is refused here, naming the class and property.
 */
public final class JavaColumns {
  private static final Map<Class<?>, DataType> TYPES = Map.ofEntries(
      Map.entry(String.class, DataTypes.StringType),
      Map.entry(Integer.class, DataTypes.IntegerType), Map.entry(int.class, DataTypes.IntegerType),
      Map.entry(Long.class, DataTypes.LongType), Map.entry(long.class, DataTypes.LongType),
      Map.entry(Short.class, DataTypes.ShortType), Map.entry(short.class, DataTypes.ShortType),
      Map.entry(Byte.class, DataTypes.ByteType), Map.entry(byte.class, DataTypes.ByteType),
      Map.entry(Double.class, DataTypes.DoubleType), Map.entry(double.class, DataTypes.DoubleType),
      Map.entry(Float.class, DataTypes.FloatType), Map.entry(float.class, DataTypes.FloatType),
      Map.entry(Boolean.class, DataTypes.BooleanType), Map.entry(boolean.class, DataTypes.BooleanType),
      Map.entry(BigDecimal.class, DataTypes.DecimalType),
      Map.entry(Timestamp.class, DataTypes.TimestampType), Map.entry(Instant.class, DataTypes.TimestampType),
      Map.entry(Date.class, DataTypes.DateType), Map.entry(LocalDate.class, DataTypes.DateType),
      Map.entry(byte[].class, DataTypes.BinaryType));

  private final Class<?> type;
  private final StructType schema;
  private final Method[] getters;
  /** The type of each decimal column, null for the others: their values are checked as they are read. */
  private final DecimalType[] decimals;

  private JavaColumns(Class<?> type, StructType schema, Method[] getters) {
    this.type = type;
    this.schema = schema;
    this.getters = getters;
    this.decimals = new DecimalType[getters.length];
    for (int i = 0; i < decimals.length; i++) {
      decimals[i] = schema.apply(i).dataType() instanceof DecimalType decimal ? decimal : null;
    }
  }

  /**
   * Returns the columns of a bean or record class.
   *
   * @param type the class
   * @return its columns
   * @throws IllegalArgumentException if it has no readable property, or one of a type no column holds
   */
  public static JavaColumns of(Class<?> type) {
    List<String> names = new ArrayList<>();
    List<Method> getters = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        names.add(component.getName());
        getters.add(component.getAccessor());
      }
    } else {
      for (PropertyDescriptor property : properties(type)) {
        if (property.getReadMethod() != null && !property.getName().equals("class")) {
          names.add(property.getName());
          getters.add(property.getReadMethod());
        }
      }
    }
    if (getters.isEmpty()) {
      throw new IllegalArgumentException(type.getName() + " has no readable properties, so a DataFrame of it "
          + "would have no columns: give it getters (getWord()) or make it a record");
    }
    StructField[] fields = new StructField[getters.size()];
    for (int i = 0; i < fields.length; i++) {
      Class<?> valueType = getters.get(i).getReturnType();
      DataType dataType = TYPES.get(valueType);
      if (dataType == null) {
        throw new IllegalArgumentException("property " + names.get(i) + " of " + type.getName() + " is a "
            + valueType.getName() + ", which no SQL column holds; the supported types are " + supportedTypes());
      }
      fields[i] = new StructField(names.get(i), dataType, !valueType.isPrimitive());
      getters.get(i).trySetAccessible();
    }
    return new JavaColumns(type, new StructType(fields), getters.toArray(Method[]::new));
  }

  /**
   * Returns the columns of a single-column DataFrame of the values themselves.
   *
   * @param type the values' class
   * @param column the column's name
   * @return the schema of one column
   * @throws IllegalArgumentException if no column holds values of that class
   */
  public static StructType single(Class<?> type, String column) {
    DataType dataType = TYPES.get(type);
    if (dataType == null) {
      throw new IllegalArgumentException("values of " + type.getName() + " cannot make a column; the supported "
          + "types are " + supportedTypes() + " (for a bean or record, use createDataFrame(rdd, Bean.class))");
    }
    return new StructType(new StructField[] {new StructField(column, dataType, true)});
  }

  private static PropertyDescriptor[] properties(Class<?> type) {
    try {
      BeanInfo info = Introspector.getBeanInfo(type);
      PropertyDescriptor[] properties = info.getPropertyDescriptors();
      java.util.Arrays.sort(properties, Comparator.comparing(PropertyDescriptor::getName));
      return properties;
    } catch (IntrospectionException e) {
      throw new IllegalArgumentException("cannot read the properties of " + type.getName() + ": " + e.getMessage(),
          e);
    }
  }

  private static String supportedTypes() {
    return "String, int/Integer, long/Long, short/Short, byte/Byte, double/Double, float/Float, boolean/Boolean, "
        + "BigDecimal, java.sql.Timestamp, Instant, java.sql.Date, LocalDate and byte[]";
  }

  /**
   * Returns the schema: one column per property.
   *
   * @return the schema
   */
  public StructType schema() {
    return schema;
  }

  /**
   * Checks that a value fits a column: of the class its type holds (or {@link Instant} for a timestamp,
   * {@link LocalDate} for a date), and for a decimal, of no more digits before the point than the type holds.
   *
   * @param value the value, or null
   * @param dataType the column's type
   * @param where what holds the value, for the message, such as {@code column price}
   * @return the value
   * @throws IllegalArgumentException if it does not fit, naming where it is, the value and the type
   */
  public static Object checked(Object value, DataType dataType, String where) {
    boolean fits = value == null || dataType.javaClass().isInstance(value)
        || (dataType == DataTypes.TimestampType && value instanceof Instant)
        || (dataType == DataTypes.DateType && value instanceof LocalDate);
    if (!fits) {
      throw new IllegalArgumentException(where + " is of type " + dataType + ", which holds "
          + dataType.javaClass().getName() + " values, but a row has a " + value.getClass().getName() + " there ("
          + value + ")");
    }
    if (value != null && dataType instanceof DecimalType decimal && !fitsDigits((BigDecimal) value, decimal)) {
      throw tooManyDigits((BigDecimal) value, decimal, where);
    }
    return value;
  }

  /** Whether a decimal, rounded to its column's scale as it is loaded, has no more digits than the column holds. */
  private static boolean fitsDigits(BigDecimal value, DecimalType decimal) {
    return value.setScale(decimal.scale(), RoundingMode.HALF_UP).precision() <= decimal.precision();
  }

  private static IllegalArgumentException tooManyDigits(BigDecimal value, DecimalType decimal, String where) {
    return new IllegalArgumentException(where + " holds " + value.toPlainString() + ", which has more digits than "
        + "its column's type " + decimal.typeName() + " holds: at most " + (decimal.precision() - decimal.scale())
        + " before the point (and " + decimal.scale() + " after it, rounded); give the column a DecimalType of "
        + "more digits before the point, or make the value smaller");
  }

  /**
   * Reads the values of one object, in column order, into an array that the caller reuses.
   *
   * @param object the bean or record
   * @param values where the values go, of the schema's size
   * @throws IllegalArgumentException if a decimal has more digits before the point than its column holds
   */
  public void read(Object object, Object[] values) {
    for (int i = 0; i < getters.length; i++) {
      try {
        values[i] = getters[i].invoke(object);
        if (decimals[i] != null && values[i] != null && !fitsDigits((BigDecimal) values[i], decimals[i])) {
          throw tooManyDigits((BigDecimal) values[i], decimals[i], "property " + schema.apply(i).name() + " of "
              + type.getName());
        }
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("cannot call " + getters[i] + ": make it and its class public", e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(getters[i] + " failed: " + e.getCause(), e.getCause());
      }
    }
  }
}

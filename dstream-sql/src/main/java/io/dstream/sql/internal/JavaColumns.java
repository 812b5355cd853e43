package io.dstream.sql.internal;

import io.dstream.sql.types.DataType;
import io.dstream.sql.types.DataTypes;
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

  private final StructType schema;
  private final Method[] getters;

  private JavaColumns(StructType schema, Method[] getters) {
    this.schema = schema;
    this.getters = getters;
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
    return new JavaColumns(new StructType(fields), getters.toArray(Method[]::new));
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
   * Reads the values of one object, in column order, into an array that the caller reuses.
   *
   * @param object the bean or record
   * @param values where the values go, of the schema's size
   */
  public void read(Object object, Object[] values) {
    for (int i = 0; i < getters.length; i++) {
      try {
        values[i] = getters[i].invoke(object);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("cannot call " + getters[i] + ": make it and its class public", e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException(getters[i] + " failed: " + e.getCause(), e.getCause());
      }
    }
  }
}

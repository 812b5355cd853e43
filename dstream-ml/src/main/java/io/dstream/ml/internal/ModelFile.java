package io.dstream.ml.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.ml.linalg.Vector;
import io.dstream.ml.linalg.Vectors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A saved model: one JSON object in one file, such as
 * {@code {"class":"LinearRegressionModel","version":1,"weights":[2.0,-1.0],"intercept":0.5}}. Its fields are
 * numbers, arrays of numbers, or arrays of those arrays; {@code class} and {@code version} say what model it is
 * and in which layout. Written atomically through the checkpoint file system SPI, so any path or URI that
 * {@code FileSystems.resolve} accepts works ({@code /models/m.json}, {@code file:...}, {@code memory://...}).
 */
public final class ModelFile {
  /** The layout version this code writes and reads. */
  public static final int VERSION = 1;

  private final String modelClass;
  private final Map<String, Object> fields;

  private ModelFile(String modelClass, Map<String, Object> fields) {
    this.modelClass = modelClass;
    this.fields = fields;
  }

  /**
   * Starts a file of a model class.
   *
   * @param modelClass the model's simple class name, such as {@code StreamingKMeansModel}
   * @return the file, without fields yet
   */
  public static ModelFile of(String modelClass) {
    return new ModelFile(modelClass, new LinkedHashMap<>());
  }

  /**
   * Adds a field.
   *
   * @param name the field's name
   * @param value a {@code Double}, {@code double[]} or {@code double[][]}; every number finite
   * @return this
   * @throws IllegalArgumentException if a number is NaN or infinite (JSON has no such numbers)
   */
  public ModelFile with(String name, Object value) {
    checkFinite(name, value);
    fields.put(name, value);
    return this;
  }

  private static void checkFinite(String name, Object value) {
    if (value instanceof Double d && !Double.isFinite(d)) {
      throw new IllegalArgumentException("cannot save the model: its " + name + " is " + d + ", which a model file "
          + "cannot hold");
    } else if (value instanceof double[] row) {
      for (double d : row) {
        checkFinite(name, d);
      }
    } else if (value instanceof double[][] rows) {
      for (double[] row : rows) {
        checkFinite(name, row);
      }
    }
  }

  /**
   * Writes the file, replacing one that is there, and creating its directory if need be.
   *
   * @param path a path or URI
   * @throws IOException if it cannot be written
   * @throws IllegalArgumentException if the path is malformed or no file system serves its scheme
   */
  public void save(String path) throws IOException {
    StringBuilder json = new StringBuilder("{\"class\":\"").append(modelClass).append("\",\"version\":")
        .append(VERSION);
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      json.append(",\"").append(field.getKey()).append("\":");
      appendValue(json, field.getValue());
    }
    json.append("}\n");
    Location location = FileSystems.resolve(path);
    int slash = location.path().lastIndexOf('/');
    if (slash > 0) {
      location.fileSystem().mkdirs(location.path().substring(0, slash));
    }
    location.fileSystem().writeAtomically(location.path(), json.toString().getBytes(UTF_8));
  }

  private static void appendValue(StringBuilder json, Object value) {
    if (value instanceof double[] row) {
      json.append('[');
      for (int j = 0; j < row.length; j++) {
        json.append(j == 0 ? "" : ",").append(row[j]);
      }
      json.append(']');
    } else if (value instanceof double[][] rows) {
      json.append('[');
      for (int i = 0; i < rows.length; i++) {
        json.append(i == 0 ? "" : ",");
        appendValue(json, rows[i]);
      }
      json.append(']');
    } else {
      json.append(value);
    }
  }

  /**
   * Reads the file of a model class.
   *
   * @param path a path or URI
   * @param modelClass the class expected, such as {@code StreamingKMeansModel}
   * @return the file
   * @throws IllegalArgumentException if there is no file, it is not a model file of this version, or it holds
   *     another class; the message names the path
   * @throws IOException if it cannot be read
   */
  public static ModelFile load(String path, String modelClass) throws IOException {
    Location location = FileSystems.resolve(path);
    if (!location.fileSystem().exists(location.path())) {
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": there is no such file");
    }
    String text = new String(location.fileSystem().readAllBytes(location.path()), UTF_8);
    Map<String, Object> fields;
    try {
      fields = new JsonReader(text).object();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": it is not a model "
          + "file (" + e.getMessage() + ")", e);
    }
    ModelFile file = new ModelFile(modelClass, fields);
    String found = file.field(path, "class", String.class);
    if (!found.equals(modelClass)) {
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": it holds a " + found
          + "; load it with " + found + ".load");
    }
    Double version = file.field(path, "version", Double.class);
    if (version != VERSION) {
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": it is of layout "
          + "version " + version + ", and this version of dstream reads version " + VERSION);
    }
    return file;
  }

  /**
   * Reads a model of weights and an intercept, as {@code GeneralizedLinearModel.save} writes it.
   *
   * @param path a path or URI
   * @param modelClass the class expected, such as {@code LinearRegressionModel}
   * @param create makes the model of the weights and intercept read
   * @param <M> the model type
   * @return the model
   * @throws IllegalArgumentException if there is no file, it is not a model file of this version, it holds another
   *     class, or {@code create} refuses what it holds; the message names the path
   * @throws IOException if it cannot be read
   */
  public static <M> M loadLinearModel(String path, String modelClass, BiFunction<Vector, Double, M> create)
      throws IOException {
    ModelFile file = load(path, modelClass);
    double[] weights = file.row(path, "weights");
    double intercept = file.number(path, "intercept");
    try {
      return create.apply(Vectors.dense(weights), intercept);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns a number field of a loaded file.
   *
   * @param path the path it was loaded from, for messages
   * @param name the field's name
   * @return the number
   * @throws IllegalArgumentException if the field is missing or not a number
   */
  public double number(String path, String name) {
    return field(path, name, Double.class);
  }

  /**
   * Returns a field of a loaded file that is an array of numbers.
   *
   * @param path the path it was loaded from, for messages
   * @param name the field's name
   * @return the numbers
   * @throws IllegalArgumentException if the field is missing or not an array of numbers
   */
  public double[] row(String path, String name) {
    return field(path, name, double[].class);
  }

  /**
   * Returns a field of a loaded file that is an array of arrays of numbers.
   *
   * @param path the path it was loaded from, for messages
   * @param name the field's name
   * @return the rows
   * @throws IllegalArgumentException if the field is missing or not an array of arrays of numbers
   */
  public double[][] rows(String path, String name) {
    return field(path, name, double[][].class);
  }

  private <V> V field(String path, String name, Class<V> type) {
    Object value = fields.get(name);
    if (!type.isInstance(value)) {
      String expected = type == Double.class ? "a number" : type == String.class ? "a string"
          : type == double[].class ? "an array of numbers" : "an array of arrays of numbers";
      throw new IllegalArgumentException("cannot load a " + modelClass + " from " + path + ": its field '" + name
          + "' is " + (value == null ? "missing" : "not " + expected));
    }
    return type.cast(value);
  }

  /** Reads the JSON a model file holds: an object of strings, numbers and (nested) arrays of numbers. */
  private static final class JsonReader extends TextCursor {
    JsonReader(String text) {
      super(text);
    }

    Map<String, Object> object() {
      Map<String, Object> fields = new LinkedHashMap<>();
      expect('{');
      if (!accept('}')) {
        do {
          String name = string();
          expect(':');
          fields.put(name, value());
        } while (accept(','));
        expect('}');
      }
      end("the end of the file");
      return fields;
    }

    private Object value() {
      skipBlanks();
      if (peek('"')) {
        return string();
      }
      if (!peek('[')) {
        return number();
      }
      List<Object> items = new ArrayList<>();
      expect('[');
      if (!accept(']')) {
        do {
          items.add(value());
        } while (accept(','));
        expect(']');
      }
      if (items.stream().allMatch(Double.class::isInstance)) {
        return items.stream().mapToDouble(Double.class::cast).toArray();
      }
      if (items.stream().allMatch(double[].class::isInstance)) {
        return items.toArray(new double[0][]);
      }
      throw error("an array of numbers or of arrays of numbers");
    }

    private String string() {
      expect('"');
      int end = text.indexOf('"', at);
      if (end < 0) {
        throw error("a closing '\"'");
      }
      String value = text.substring(at, end);
      at = end + 1;
      return value;
    }

    private Double number() {
      int start = at;
      while (at < text.length() && "+-.0123456789eE".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
      try {
        return Double.parseDouble(text.substring(start, at));
      } catch (NumberFormatException e) {
        at = start;
        throw error("a number");
      }
    }

    @Override
    String message(String problem) {
      return problem;
    }
  }
}

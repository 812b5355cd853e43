package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.EngineKryoRegistrator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configuration of a {@link StreamingContext}: the master (worker thread count), the application name
 * and {@code dstream.*} keys. The counterpart of Spark's {@code SparkConf}.
 *
 * <pre>{@code
 * StreamingConf conf = new StreamingConf().setMaster("local[2]").setAppName("NetworkWordCount");
 * }</pre>
 *
 * <p>Setters return this object for chaining. A key under {@code dstream.} that dstream does not define is
 * kept but logged as a warning, since it is most likely a typo. Not thread-safe; the context copies it.
 */
public final class StreamingConf {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingConf.class);

  private final Map<String, String> settings = new LinkedHashMap<>();

  /**
   * Creates a configuration with every key at its default, except those given as {@code dstream.*} Java system
   * properties, which it loads as Spark's {@code new SparkConf()} loads {@code spark.*} ones: so that a key can
   * be set from the command line, without a code change. What the program then sets overrides them.
   *
   * <pre>{@code
   * // java -Ddstream.ui.enabled=true -cp ... MyApp
   * StreamingConf conf = new StreamingConf().setAppName("MyApp");   // the status page is on
   * }</pre>
   *
   * @throws IllegalArgumentException if a {@code dstream.*} system property holds a value its key refuses; the
   *     message names the property
   */
  public StreamingConf() {
    this(true);
  }

  /**
   * Creates a configuration with every key at its default, loading the {@code dstream.*} Java system
   * properties or not, as Spark's {@code new SparkConf(loadDefaults)}.
   *
   * <pre>{@code
   * StreamingConf isolated = new StreamingConf(false);   // whatever -Ddstream.* the JVM was given
   * }</pre>
   *
   * @param loadSystemProperties true to load the {@code dstream.*} system properties, as {@link #StreamingConf()}
   * @throws IllegalArgumentException if a loaded system property holds a value its key refuses
   */
  public StreamingConf(boolean loadSystemProperties) {
    if (loadSystemProperties) {
      loadSystemProperties();
    }
  }

  private void loadSystemProperties() {
    Properties properties = System.getProperties();
    for (String key : properties.stringPropertyNames()) {
      if (key.startsWith("dstream.")) {
        try {
          set(key, properties.getProperty(key));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("the Java system property -D" + key + "=" + properties.getProperty(key)
              + " is not valid: " + e.getMessage() + "; correct it or leave it out", e);
        }
      }
    }
  }

  /**
   * Sets the master: {@code local} (one worker thread), {@code local[N]} (N threads) or {@code local[*]}
   * (one thread per core).
   *
   * @param master the master string
   * @return this
   * @throws IllegalArgumentException if the string is none of those forms
   */
  public StreamingConf setMaster(String master) {
    Arguments.requireNonNull(master, "master");
    ConfigKeys.workerThreads(master);
    settings.put(ConfigKeys.MASTER.name(), master);
    return this;
  }

  /**
   * Sets the application's name.
   *
   * @param name the name
   * @return this
   */
  public StreamingConf setAppName(String name) {
    Arguments.requireNonNull(name, "name");
    settings.put(ConfigKeys.APP_NAME.name(), name);
    return this;
  }

  /**
   * Sets a configuration key. Values of keys that dstream defines are checked at once.
   *
   * @param key the key, such as {@code dstream.concurrentJobs}
   * @param value its value
   * @return this
   * @throws IllegalArgumentException if the key or the value is null, or the key is defined and the value is not
   *     valid for it
   */
  public StreamingConf set(String key, String value) {
    Arguments.requireNonNull(key, "the configuration key");
    Arguments.requireNonNull(value, "the value of " + key);
    ConfigKey<?> known = ConfigKeys.byName(key);
    if (known != null) {
      known.parse(value);
    } else if (key.startsWith("dstream.")) {
      LOG.warn("Unknown configuration key {} (value '{}') is kept in the configuration but not used by "
          + "dstream; see ConfigKeys for the keys it knows", key, value);
    }
    if (known == ConfigKeys.MASTER) {
      return setMaster(value);
    }
    settings.put(key, value);
    return this;
  }

  /**
   * Sets a key unless it is set already, as Spark's {@code SparkConf.setIfMissing}; the value is checked as
   * {@link #set(String, String)} checks it.
   *
   * <pre>{@code
   * conf.setIfMissing("dstream.concurrentJobs", "2");   // keeps a value the user set
   * }</pre>
   *
   * @param key the key
   * @param value its value if it is not set
   * @return this
   * @throws IllegalArgumentException if the key or the value is null, or the key is defined and the value is not
   *     valid for it
   */
  public StreamingConf setIfMissing(String key, String value) {
    Arguments.requireNonNull(key, "the configuration key");
    return settings.containsKey(key) ? this : set(key, value);
  }

  /**
   * Sets several keys, in the map's order, each as {@link #set(String, String)} does.
   *
   * <pre>{@code
   * conf.setAll(Map.of("dstream.concurrentJobs", "2", "dstream.blockInterval", "100ms"));
   * }</pre>
   *
   * @param keysAndValues the keys and their values
   * @return this
   * @throws IllegalArgumentException if a key or value is null, or a defined key's value is not valid for it;
   *     the keys before it are set
   */
  public StreamingConf setAll(Map<String, String> keysAndValues) {
    Arguments.requireNonNull(keysAndValues, "keysAndValues");
    keysAndValues.forEach(this::set);
    return this;
  }

  /**
   * Sets several keys given as pairs, as Spark's {@code SparkConf.setAll} takes them; otherwise as
   * {@link #setAll(Map)}.
   *
   * <pre>{@code
   * conf.setAll(List.of(new Tuple2<>("dstream.concurrentJobs", "2"), new Tuple2<>("dstream.app.name", "app")));
   * }</pre>
   *
   * @param keysAndValues the pairs of a key and its value
   * @return this
   * @throws IllegalArgumentException if a pair, key or value is null, or a defined key's value is not valid for
   *     it; the keys before it are set
   */
  public StreamingConf setAll(Iterable<Tuple2<String, String>> keysAndValues) {
    Arguments.requireNonNull(keysAndValues, "keysAndValues");
    for (Tuple2<String, String> pair : keysAndValues) {
      Arguments.requireNonNull(pair, "a pair of keysAndValues");
      set(pair._1(), pair._2());
    }
    return this;
  }

  /**
   * Removes a key, so that its default applies again; does nothing if it is not set.
   *
   * <pre>{@code
   * conf.remove("dstream.concurrentJobs");   // back to the default, 1
   * }</pre>
   *
   * @param key the key
   * @return this
   */
  public StreamingConf remove(String key) {
    Arguments.requireNonNull(key, "key");
    settings.remove(key);
    return this;
  }

  /**
   * Adds classes to those Kryo registers ({@code dstream.kryo.classesToRegister}), as Spark's
   * {@code SparkConf.registerKryoClasses} does: a context with this configuration registers them after
   * dstream's own classes and before {@code dstream.kryo.registrator}'s, so that with
   * {@code dstream.serializer.registrationRequired} they may be stored, and are written by id rather than by
   * name. A class already added is not added again. Registration order fixes the ids in checkpoints: to
   * restore one, register the same classes in the same order.
   *
   * <pre>{@code
   * conf.registerKryoClasses(new Class<?>[] {Order.class, Customer.class});
   * }</pre>
   *
   * @param classes the classes
   * @return this
   * @throws IllegalArgumentException if the array or one of its classes is null
   */
  public StreamingConf registerKryoClasses(Class<?>[] classes) {
    Arguments.requireNonNull(classes, "classes");
    Set<String> names = new LinkedHashSet<>(classNamesToRegister());
    for (int i = 0; i < classes.length; i++) {
      names.add(Arguments.requireNonNull(classes[i], "classes[" + i + "]").getName());
    }
    settings.put(ConfigKeys.KRYO_CLASSES_TO_REGISTER.name(), String.join(",", names));
    return this;
  }

  private List<String> classNamesToRegister() {
    List<String> names = get(ConfigKeys.KRYO_CLASSES_TO_REGISTER);
    return names == null ? List.of() : names;
  }

  /**
   * Returns the value of a key, parsed, or its default if it is not set.
   *
   * @param key the key
   * @param <T> the value type
   * @return the value, or null if it is unset and has no fixed default
   */
  public <T> T get(ConfigKey<T> key) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key.name());
    return text == null ? key.defaultValue() : key.parse(text);
  }

  /**
   * Returns the raw text of a key that is set, as Spark's {@code SparkConf.get(key)}: a key that is not set
   * throws, even if dstream defines a default for it (read that with {@link #get(ConfigKey)}).
   *
   * <pre>{@code
   * String name = conf.get("dstream.app.name");
   * }</pre>
   *
   * @param key the key name
   * @return the text
   * @throws NoSuchElementException if the key is not set
   */
  public String get(String key) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    if (text == null) {
      throw new NoSuchElementException(key + " is not set; use get(key, defaultValue) or getOption(key) for a "
          + "key that may be unset");
    }
    return text;
  }

  /**
   * Returns the raw text of a key, if it is set.
   *
   * <pre>{@code
   * Optional<String> registrator = conf.getOption("dstream.kryo.registrator");
   * }</pre>
   *
   * @param key the key name
   * @return the text, or empty if the key is not set
   */
  public Optional<String> getOption(String key) {
    Arguments.requireNonNull(key, "key");
    return Optional.ofNullable(settings.get(key));
  }

  /**
   * Returns the raw text of a key.
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset, or null
   * @return the text or the default
   */
  public String get(String key, String defaultValue) {
    Arguments.requireNonNull(key, "key");
    return settings.getOrDefault(key, defaultValue);
  }

  /**
   * Returns an integer key.
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset
   * @return the value
   * @throws IllegalArgumentException if the value is not an integer
   */
  public int getInt(String key, int defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    return text == null ? defaultValue : parse(key, text, Integer::parseInt);
  }

  /**
   * Returns a long key.
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset
   * @return the value
   * @throws IllegalArgumentException if the value is not an integer
   */
  public long getLong(String key, long defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    return text == null ? defaultValue : parse(key, text, Long::parseLong);
  }

  /**
   * Returns a floating-point key.
   *
   * <pre>{@code
   * double fraction = conf.getDouble("dstream.storage.memoryFraction", 0.5);
   * }</pre>
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset
   * @return the value
   * @throws IllegalArgumentException if the value is not a number
   */
  public double getDouble(String key, double defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    return text == null ? defaultValue : parse(key, text, Double::parseDouble);
  }

  /**
   * Returns a size key in bytes, written as Spark writes sizes: a whole number with an optional unit
   * {@code b}, {@code k}, {@code m}, {@code g}, {@code t} or {@code p} (powers of 1024, with or without a
   * trailing {@code b}: {@code 10k} and {@code 10kb} are 10240), bytes without one.
   *
   * <pre>{@code
   * long buffer = conf.set("app.bufferSize", "64k").getSizeAsBytes("app.bufferSize");   // 65536
   * }</pre>
   *
   * @param key the key name
   * @return the size in bytes
   * @throws NoSuchElementException if the key is not set
   * @throws IllegalArgumentException if the value is not a size (a fraction, a negative number, an unknown
   *     unit, or too large)
   */
  public long getSizeAsBytes(String key) {
    return parse(key, get(key), SizeAndTimeStrings::bytes);
  }

  /**
   * Returns a size key in bytes, or a default written the same way; see {@link #getSizeAsBytes(String)}.
   *
   * <pre>{@code
   * long buffer = conf.getSizeAsBytes("app.bufferSize", "32k");
   * }</pre>
   *
   * @param key the key name
   * @param defaultValue the size if the key is unset, such as {@code 32k}
   * @return the size in bytes
   * @throws IllegalArgumentException if the value (or the default) is not a size
   */
  public long getSizeAsBytes(String key, String defaultValue) {
    Arguments.requireNonNull(key, "key");
    Arguments.requireNonNull(defaultValue, "defaultValue");
    return parse(key, settings.getOrDefault(key, defaultValue), SizeAndTimeStrings::bytes);
  }

  /**
   * Returns a size key in bytes, or a default number of bytes; see {@link #getSizeAsBytes(String)}.
   *
   * <pre>{@code
   * long buffer = conf.getSizeAsBytes("app.bufferSize", 32_768L);
   * }</pre>
   *
   * @param key the key name
   * @param defaultValue the number of bytes if the key is unset
   * @return the size in bytes
   * @throws IllegalArgumentException if the value is not a size
   */
  public long getSizeAsBytes(String key, long defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    return text == null ? defaultValue : parse(key, text, SizeAndTimeStrings::bytes);
  }

  /**
   * Returns a time key in milliseconds, written as Spark writes times: a whole number with an optional unit
   * {@code us}, {@code ms}, {@code s}, {@code m} or {@code min}, {@code h} or {@code d}, milliseconds
   * without one (microseconds are rounded down).
   *
   * <pre>{@code
   * long timeout = conf.set("app.timeout", "5m").getTimeAsMs("app.timeout");   // 300000
   * }</pre>
   *
   * @param key the key name
   * @return the time in milliseconds
   * @throws NoSuchElementException if the key is not set
   * @throws IllegalArgumentException if the value is not a time (a fraction, an unknown unit, or too large)
   */
  public long getTimeAsMs(String key) {
    return parse(key, get(key), SizeAndTimeStrings::millis);
  }

  /**
   * Returns a time key in milliseconds, or a default written the same way; see {@link #getTimeAsMs(String)}.
   *
   * <pre>{@code
   * long timeout = conf.getTimeAsMs("app.timeout", "30s");
   * }</pre>
   *
   * @param key the key name
   * @param defaultValue the time if the key is unset, such as {@code 30s}
   * @return the time in milliseconds
   * @throws IllegalArgumentException if the value (or the default) is not a time
   */
  public long getTimeAsMs(String key, String defaultValue) {
    Arguments.requireNonNull(key, "key");
    Arguments.requireNonNull(defaultValue, "defaultValue");
    return parse(key, settings.getOrDefault(key, defaultValue), SizeAndTimeStrings::millis);
  }

  /**
   * Returns a boolean key ({@code true} or {@code false}, case-insensitive).
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset
   * @return the value
   * @throws IllegalArgumentException if the value is neither true nor false
   */
  public boolean getBoolean(String key, boolean defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    if (text == null) {
      return defaultValue;
    }
    return parse(key, text, s -> {
      if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("expected true or false");
      }
      return Boolean.parseBoolean(s);
    });
  }

  /**
   * Returns a duration key, written with a unit ({@code 200ms}, {@code 2s}).
   *
   * @param key the key name
   * @param defaultValue the value to return if the key is unset, or null
   * @return the value
   * @throws IllegalArgumentException if the value is not a duration
   */
  public Duration getDuration(String key, Duration defaultValue) {
    Arguments.requireNonNull(key, "key");
    String text = settings.get(key);
    return text == null ? defaultValue : parse(key, text, ConfigKeys::duration);
  }

  /**
   * Tells whether a key is set.
   *
   * @param key the key name
   * @return true if it was set
   */
  public boolean contains(String key) {
    Arguments.requireNonNull(key, "key");
    return settings.containsKey(key);
  }

  /**
   * Returns the master string.
   *
   * @return such as {@code local[2]}
   */
  public String master() {
    return get(ConfigKeys.MASTER);
  }

  /**
   * Returns the application name.
   *
   * @return the name
   */
  public String appName() {
    return get(ConfigKeys.APP_NAME);
  }

  /**
   * Returns how many worker threads the master asks for.
   *
   * @return at least 1
   */
  public int workerThreads() {
    return ConfigKeys.workerThreads(master());
  }

  /**
   * Returns the serializer that a context with this configuration uses: Kryo with dstream's standard and
   * engine registrations, then the classes of {@code dstream.kryo.classesToRegister} (see
   * {@link #registerKryoClasses}), then the class of {@code dstream.kryo.registrator}, refusing unregistered classes
   * if {@code dstream.kryo.registrationRequired} says so. Use it outside the context for what must be
   * written exactly as the context reads it, such as the frames of a {@code rawSocketStream}:
   *
   * <pre>{@code
   * Serializer serializer = new StreamingConf().set("dstream.kryo.registrator", MyRegistrator.class.getName())
   *     .serializer();
   * byte[] frame = serializer.serialize(new ArrayList<>(List.of("a", "b")));
   * out.writeInt(frame.length);   // rawSocketStream's frame: a 4-byte length, then the records
   * out.write(frame);
   * }</pre>
   *
   * @return a new serializer
   * @throws IllegalArgumentException if a class to register or the registrator cannot be loaded, or the
   *     registrator fails
   */
  public Serializer serializer() {
    KryoRegistrator engine = new EngineKryoRegistrator();
    List<Class<?>> classes = loadClassesToRegister();
    return new KryoSerializer(get(ConfigKeys.SERIALIZER_REGISTRATION_REQUIRED), get(ConfigKeys.KRYO_REGISTRATOR),
        engine, kryo -> classes.forEach(kryo::register));
  }

  private List<Class<?>> loadClassesToRegister() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : StreamingConf.class.getClassLoader();
    List<Class<?>> classes = new ArrayList<>();
    for (String name : classNamesToRegister()) {
      try {
        classes.add(Class.forName(name, false, loader));
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalArgumentException("the class " + name + " of " + ConfigKeys.KRYO_CLASSES_TO_REGISTER.name()
            + " cannot be loaded (" + e + "); check its fully qualified name (Outer$Inner for a nested class) and "
            + "the class path", e);
      }
    }
    return classes;
  }

  /**
   * Returns a copy of this configuration.
   *
   * @return an independent copy
   */
  public StreamingConf copy() {
    StreamingConf copy = new StreamingConf(false);
    copy.settings.putAll(settings);
    return copy;
  }

  /**
   * Returns every key that was set, in the order it was first set.
   *
   * @return an unmodifiable view
   */
  public Map<String, String> getAll() {
    return Collections.unmodifiableMap(settings);
  }

  private static <T> T parse(String key, String text, Function<String, T> parser) {
    try {
      return parser.apply(text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid value '" + text + "' for " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "StreamingConf" + settings;
  }
}

package io.dstream;

import io.dstream.checkpoint.internal.Arguments;
import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.internal.EngineKryoRegistrator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** Creates a configuration with every key at its default. */
  public StreamingConf() {}

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
   * engine registrations, then the class of {@code dstream.kryo.registrator}, refusing unregistered classes
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
   * @throws IllegalArgumentException if the registrator cannot be loaded or fails
   */
  public Serializer serializer() {
    return new KryoSerializer(get(ConfigKeys.SERIALIZER_REGISTRATION_REQUIRED), get(ConfigKeys.KRYO_REGISTRATOR),
        new EngineKryoRegistrator());
  }

  /**
   * Returns a copy of this configuration.
   *
   * @return an independent copy
   */
  public StreamingConf copy() {
    StreamingConf copy = new StreamingConf();
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

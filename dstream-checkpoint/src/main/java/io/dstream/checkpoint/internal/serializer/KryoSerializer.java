package io.dstream.checkpoint.internal.serializer;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.ImmutableCollectionsSerializers;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import com.esotericsoftware.kryo.util.Pool;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import io.dstream.checkpoint.serializer.Serializer;
import java.lang.reflect.InvocationTargetException;
import java.util.function.Function;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The {@link Serializer} of dstream, backed by Kryo 5: fast, compact, and needs no {@code Serializable}.
 *
 * <p>What it handles without any setup: records, classes without a no-argument constructor (created
 * without running a constructor), JDK collections including the immutable ones ({@code List.of},
 * {@code Map.of}), nulls, and shared or cyclic references. Classes are written by name unless registered;
 * registering them (through a {@link KryoRegistrator}) makes the bytes smaller, and with
 * {@code registrationRequired} every class must be registered, which catches classes that were never meant
 * to be stored.
 *
 * <pre>{@code
 * Serializer plain = new KryoSerializer();
 * Serializer strict = new KryoSerializer(true, "com.example.MyRegistrator");
 * }</pre>
 *
 * <p>Thread-safe: Kryo instances are not, so each call borrows one from a pool.
 */
public final class KryoSerializer implements Serializer {
  private static final int MAX_POOLED_INSTANCES = 64;
  private static final int INITIAL_BUFFER_BYTES = 256;

  /**
   * The first Kryo id of the user's classes. The standard and built-in registrations take the ids below it, so
   * that a class registered by a later dstream version does not shift the ids of the user's classes, which
   * checkpoints written by an earlier version hold.
   */
  public static final int FIRST_USER_REGISTRATION_ID = 1000;

  private final boolean registrationRequired;
  private final KryoRegistrator registrator;
  private final KryoRegistrator builtIn;
  private final KryoRegistrator userClasses;
  private final ClassLoader classLoader;
  private final Pool<Kryo> pool;

  /** Creates a serializer that does not require registration and has no registrator. */
  public KryoSerializer() {
    this(false, null);
  }

  /**
   * Creates a serializer without a registrator.
   *
   * @param registrationRequired true to refuse every class that is not registered
   */
  public KryoSerializer(boolean registrationRequired) {
    this(registrationRequired, null);
  }

  /**
   * Creates a serializer. The registrator is instantiated now and applied to every Kryo instance.
   *
   * @param registrationRequired true to refuse every class that is not registered
   * @param registratorClassName the fully qualified name of a {@link KryoRegistrator} with a public
   *     no-argument constructor, or null (or blank) for none
   * @throws IllegalArgumentException if the registrator class is missing, is not a {@code KryoRegistrator},
   *     cannot be instantiated, or fails while registering
   */
  public KryoSerializer(boolean registrationRequired, String registratorClassName) {
    this(registrationRequired, registratorClassName, kryo -> {});
  }

  /**
   * Creates a serializer that also registers the classes of the program that embeds it (the engine's own
   * records), after the standard classes and before the user's registrator, so that the program's data can
   * be serialized whatever {@code registrationRequired} says.
   *
   * @param registrationRequired true to refuse every class that is not registered
   * @param registratorClassName the fully qualified name of the user's {@link KryoRegistrator}, or null (or
   *     blank) for none
   * @param builtIn registers the embedding program's classes; the order of its registrations fixes their ids
   * @throws IllegalArgumentException if the registrator class is missing, is not a {@code KryoRegistrator},
   *     cannot be instantiated, or fails while registering
   */
  public KryoSerializer(boolean registrationRequired, String registratorClassName, KryoRegistrator builtIn) {
    this(registrationRequired, registratorClassName, builtIn, kryo -> {});
  }

  /**
   * Creates a serializer that registers the embedding program's classes, then classes the user listed, then
   * those of the user's registrator. The user's classes (the listed ones and the registrator's) get the ids
   * from {@link #FIRST_USER_REGISTRATION_ID} on, whatever the program registers.
   *
   * @param registrationRequired true to refuse every class that is not registered
   * @param registratorClassName the fully qualified name of the user's {@link KryoRegistrator}, or null (or
   *     blank) for none
   * @param builtIn registers the embedding program's classes; the order of its registrations fixes their ids
   * @param userClasses registers the classes the user listed (in configuration rather than a registrator)
   * @throws IllegalArgumentException if the registrator class is missing, is not a {@code KryoRegistrator},
   *     cannot be instantiated, or fails while registering
   * @throws IllegalStateException if the standard and built-in registrations reach
   *     {@link #FIRST_USER_REGISTRATION_ID}
   */
  public KryoSerializer(boolean registrationRequired, String registratorClassName, KryoRegistrator builtIn,
      KryoRegistrator userClasses) {
    this.registrationRequired = registrationRequired;
    this.builtIn = builtIn;
    this.userClasses = userClasses;
    this.classLoader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : KryoSerializer.class.getClassLoader();
    this.registrator = registratorClassName == null || registratorClassName.isBlank()
        ? null : instantiateRegistrator(registratorClassName.trim(), classLoader);
    this.pool = new Pool<>(true, true, MAX_POOLED_INSTANCES) {
      @Override
      protected Kryo create() {
        return newKryo();
      }
    };
    // Creating the first instance now reports a failing registrator here, not at the first write.
    pool.free(pool.obtain());
  }

  /**
   * Tells whether every serialized class must be registered.
   *
   * @return the {@code registrationRequired} flag
   */
  public boolean registrationRequired() {
    return registrationRequired;
  }

  @Override
  public byte[] serialize(Object value) {
    return withKryo(kryo -> {
      try (Output output = new Output(INITIAL_BUFFER_BYTES, -1)) {
        kryo.writeClassAndObject(output, value);
        return output.toBytes();
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot serialize an object of " + classOf(value) + ": "
            + rootMessage(e), e);
      }
    });
  }

  @Override
  public <T> T deserialize(byte[] bytes) throws CorruptDataException {
    Kryo kryo = pool.obtain();
    try {
      Input input = new Input(bytes);
      Object value;
      try {
        value = kryo.readClassAndObject(input);
      } catch (RuntimeException e) {
        throw new CorruptDataException("cannot deserialize " + bytes.length + " bytes: " + rootMessage(e)
            + "; the data is corrupt or truncated, was written with different registrations, or names a class "
            + "that is not on the class path", e);
      }
      if (input.position() != bytes.length) {
        throw new CorruptDataException("cannot deserialize " + bytes.length + " bytes: an object ended after "
            + input.position() + " bytes, followed by " + (bytes.length - input.position())
            + " unexpected bytes; the data is corrupt or was written with different registrations");
      }
      @SuppressWarnings("unchecked")
      T result = (T) value;
      return result;
    } finally {
      pool.free(kryo);
    }
  }

  @Override
  public <T> T copy(T value) {
    return withKryo(kryo -> {
      try {
        return kryo.copy(value);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot copy an object of " + classOf(value) + ": "
            + rootMessage(e), e);
      }
    });
  }

  @Override
  public String toString() {
    return "KryoSerializer(registrationRequired=" + registrationRequired + ", registrator="
        + (registrator == null ? "none" : registrator.getClass().getName()) + ")";
  }

  private <R> R withKryo(Function<Kryo, R> body) {
    Kryo kryo = pool.obtain();
    try {
      return body.apply(kryo);
    } finally {
      pool.free(kryo);
    }
  }

  private Kryo newKryo() {
    ExplainingKryo kryo = new ExplainingKryo();
    kryo.setClassLoader(classLoader);
    kryo.setRegistrationRequired(registrationRequired);
    kryo.setReferences(true);
    // A no-argument constructor when there is one; otherwise create the object without a constructor.
    kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
    StandardRegistrations.register(kryo);
    ImmutableCollectionsSerializers.registerSerializers(kryo);
    builtIn.registerClasses(kryo);
    kryo.startUserRegistrations();
    userClasses.registerClasses(kryo);
    if (registrator != null) {
      try {
        registrator.registerClasses(kryo);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("the Kryo registrator " + registrator.getClass().getName()
            + " failed while registering classes: " + e, e);
      }
    }
    return kryo;
  }

  private static KryoRegistrator instantiateRegistrator(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalArgumentException("the Kryo registrator class '" + className + "' was not found on the "
          + "class path; give the fully qualified name of a class that implements " + KryoRegistrator.class.getName(),
          e);
    }
    if (!KryoRegistrator.class.isAssignableFrom(type)) {
      throw new IllegalArgumentException("the class " + className + " is not a Kryo registrator; it must "
          + "implement " + KryoRegistrator.class.getName());
    }
    try {
      return (KryoRegistrator) type.getConstructor().newInstance();
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException("the Kryo registrator " + className + " has no public no-argument "
          + "constructor; add one", e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("the constructor of the Kryo registrator " + className + " threw "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot instantiate the Kryo registrator " + className
          + " (is it a public, non-abstract class?): " + e, e);
    }
  }

  private static String classOf(Object value) {
    return value == null ? "null" : "class " + value.getClass().getTypeName();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.toString() : message;
  }

  /**
   * Kryo whose error for an unregistered class says how to register it with dstream, and whose registrations
   * after {@link #startUserRegistrations()} take ids from {@link #FIRST_USER_REGISTRATION_ID} on.
   */
  private static final class ExplainingKryo extends Kryo {
    private boolean userRegistrations;

    /** Makes the next registrations the user's; the ones before must have stayed below the user's ids. */
    void startUserRegistrations() {
      int next = super.getNextRegistrationId();
      if (next >= FIRST_USER_REGISTRATION_ID) {
        throw new IllegalStateException("dstream's own Kryo registrations reached id " + next + ", the first id "
            + "of the user's classes: raise KryoSerializer.FIRST_USER_REGISTRATION_ID");
      }
      userRegistrations = true;
    }

    @Override
    public int getNextRegistrationId() {
      if (!userRegistrations) {
        return super.getNextRegistrationId();
      }
      int id = FIRST_USER_REGISTRATION_ID;
      while (getRegistration(id) != null) {
        id++;
      }
      return id;
    }

    @Override
    @SuppressWarnings("rawtypes") // Kryo declares the parameter as a raw Class
    protected String unregisteredClassMessage(Class type) {
      String name = type.getTypeName();
      return "class " + name + " is not registered, and this serializer requires registration "
          + "(registrationRequired=true); register it with kryo.register(" + name + ".class) in a "
          + KryoRegistrator.class.getSimpleName() + " and name that registrator's class in "
          + "dstream.kryo.registrator (or pass it to the KryoSerializer), or turn registrationRequired off "
          + "(dstream.serializer.registrationRequired=false)";
    }
  }
}

package io.dstream.checkpoint.serializer;

import com.esotericsoftware.kryo.Kryo;

/**
 * A user hook that registers classes (and optionally their serializers) with every {@link Kryo} instance
 * that dstream's Kryo serializer creates. Registered classes are written as small ids instead of class
 * names; with {@code registrationRequired}, only registered classes can be serialized.
 *
 * <p>Name the implementation's class in the configuration key {@code dstream.kryo.registrator}; it needs a
 * public no-argument constructor. Registration order decides the ids, so it must be the same wherever data
 * is read back.
 *
 * <pre>{@code
 * public final class MyRegistrator implements KryoRegistrator {
 *   public void registerClasses(Kryo kryo) {
 *     kryo.register(Order.class);
 *     kryo.register(Customer.class);
 *   }
 * }
 * StreamingConf conf = new StreamingConf().set("dstream.kryo.registrator", MyRegistrator.class.getName());
 * }</pre>
 */
public interface KryoRegistrator {
  /**
   * Registers classes with one Kryo instance; called once for every instance the serializer creates.
   *
   * @param kryo the instance
   */
  void registerClasses(Kryo kryo);
}

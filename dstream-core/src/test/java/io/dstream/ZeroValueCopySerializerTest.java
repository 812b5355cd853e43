package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zero values of fold and aggregate are copied with the context's serializer, so the application's Kryo
 * registrator and {@code dstream.serializer.registrationRequired} apply to them as to everything else.
 */
class ZeroValueCopySerializerTest {
  /** A mutable accumulator of the application; not Serializable. */
  public static final class Tally {
    int count;
    boolean copiedByRegisteredSerializer;
  }

  /** Copies a tally and marks the copy, so a test sees which Kryo copied it. */
  public static final class TallySerializer extends Serializer<Tally> {
    @Override
    public void write(Kryo kryo, Output output, Tally tally) {
      output.writeInt(tally.count);
    }

    @Override
    public Tally read(Kryo kryo, Input input, Class<? extends Tally> type) {
      Tally tally = new Tally();
      tally.count = input.readInt();
      return tally;
    }

    @Override
    public Tally copy(Kryo kryo, Tally original) {
      Tally copy = new Tally();
      copy.count = original.count;
      copy.copiedByRegisteredSerializer = true;
      return copy;
    }
  }

  /** Registers {@link Tally} with its serializer. */
  public static final class TallyRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
      kryo.register(Tally.class, new TallySerializer());
    }
  }

  private static final StreamingConf REGISTRATION_REQUIRED =
      new StreamingConf().set("dstream.serializer.registrationRequired", "true");

  private static Tally count(Tally tally, int value) {
    tally.count++;
    return tally;
  }

  private static Tally merge(Tally left, Tally right) {
    left.count += right.count;
    left.copiedByRegisteredSerializer &= right.copiedByRegisteredSerializer;
    return left;
  }

  @Test
  void aZeroOfARegisteredClassIsCopiedByTheRegistratorsSerializer() {
    StreamingConf conf = REGISTRATION_REQUIRED.copy().set("dstream.kryo.registrator", TallyRegistrator.class.getName());
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      Tally zero = new Tally();

      Tally total = t.context().parallelize(List.of(1, 2, 3), 2).aggregate(zero, ZeroValueCopySerializerTest::count,
          ZeroValueCopySerializerTest::merge);

      assertThat(total.count).isEqualTo(3);
      assertThat(total.copiedByRegisteredSerializer).isTrue();
      assertThat(zero.count).as("the zero itself is never modified").isZero();
    }
  }

  @Test
  void withRegistrationRequiredAZeroOfAnUnregisteredClassIsRefusedSayingHowToRegisterIt() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), REGISTRATION_REQUIRED)) {
      assertThatThrownBy(() -> t.context().parallelize(List.of(1, 2, 3), 2).aggregate(new Tally(),
          ZeroValueCopySerializerTest::count, ZeroValueCopySerializerTest::merge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot copy a value of " + Tally.class.getName())
          .hasMessageContaining("register " + Tally.class.getName())
          .hasMessageContaining("dstream.kryo.registrator");
    }
  }
}

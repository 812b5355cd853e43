package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.SerializerConfigurationTest.Reading;
import io.dstream.SerializerConfigurationTest.ReadingRegistrator;
import io.dstream.receiver.Receiver;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Receiver.store(ByteBuffer)}: the bytes are a collection of records serialized with the context's
 * serializer (here one that requires registration and registers the records' class, so that no other
 * serializer could read them), stored as one block; and {@code preferredLocation()}, which a Spark receiver
 * may override, is accepted and ignored.
 */
class ReceiverStoreBytesTest {
  private static final StreamingConf CONF = new StreamingConf()
      .set("dstream.serializer.registrationRequired", "true")
      .set("dstream.kryo.registrator", ReadingRegistrator.class.getName());

  /** Stores what the test gives it; says where Spark should run it, which dstream ignores. */
  static final class ReadingsReceiver extends Receiver<Reading> {
    @Override
    public void onStart() {}

    @Override
    public void onStop() {}

    @Override
    public Optional<String> preferredLocation() {
      return Optional.of("sensor-gateway-1");
    }
  }

  private final TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), CONF);
  private final ReadingsReceiver receiver = new ReadingsReceiver();
  private final List<List<List<Reading>>> partitions = new ArrayList<>();
  private CollectedOutput<Reading> out;

  @AfterEach
  void close() {
    t.close();
  }

  private void start() {
    ReceiverInputDStream<Reading> readings = t.context().receiverStream(receiver);
    out = t.collect(readings);
    readings.foreachRDD(rdd -> {
      partitions.add(rdd.glom().collect());
    });
    t.runBatches(0);
  }

  private static ByteBuffer serialized(Object value) {
    return ByteBuffer.wrap(CONF.serializer().serialize(value));
  }

  @Test
  void theBytesAreReadWithTheContextsSerializerAndStoredAsOneBlockEach() {
    List<Reading> first = List.of(new Reading("t1", 20.5), new Reading("t2", -3));
    List<Reading> second = List.of(new Reading("t3", 7));
    start();
    ByteBuffer firstBytes = serialized(new ArrayList<>(first));
    int position = firstBytes.position();

    receiver.store(firstBytes);
    receiver.store(serialized(new ArrayList<>(second)), "offset 3");
    t.runBatches(1);

    List<Reading> expected = new ArrayList<>(first);
    expected.addAll(second);
    assertThat(out.batches()).containsExactly(expected);
    assertThat(partitions).containsExactly(List.of(first, second));
    assertThat(firstBytes.position()).isEqualTo(position);
  }

  @Test
  void onlyTheBytesFromTheBuffersPositionToItsLimitAreRead() {
    List<Reading> readings = List.of(new Reading("t4", 1));
    byte[] record = CONF.serializer().serialize(new ArrayList<>(readings));
    ByteBuffer framed = ByteBuffer.allocate(record.length + 5);
    framed.put(new byte[] {9, 9, 9}).put(record).put(new byte[] {9, 9});
    framed.position(3).limit(3 + record.length);
    start();

    receiver.store(framed);
    t.runBatches(1);

    assertThat(out.batches()).containsExactly(readings);
  }

  @Test
  void bytesThatAreNotASerializedCollectionAreRefusedSayingWhatStoreTakes() {
    start();

    assertThatThrownBy(() -> receiver.store(ByteBuffer.wrap(new byte[] {1, 2, 3})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the 3 bytes given to store(ByteBuffer) by " + ReadingsReceiver.class.getName())
        .hasMessageContaining("cannot be read")
        .hasMessageContaining("a Collection of records serialized with the context's serializer");
    assertThatThrownBy(() -> receiver.store(serialized(new Reading("t5", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hold a " + Reading.class.getName());
  }

  @Test
  void aPreferredLocationIsAcceptedAndTheReceiverRunsHereAllTheSame() {
    start();

    receiver.store(serialized(new ArrayList<>(List.of(new Reading("t6", 3)))));
    t.runBatches(1);

    assertThat(receiver.preferredLocation()).contains("sensor-gateway-1");
    assertThat(out.batches()).containsExactly(List.of(new Reading("t6", 3)));
  }
}

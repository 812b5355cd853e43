package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.esotericsoftware.kryo.Kryo;
import io.dstream.checkpoint.serializer.KryoRegistrator;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dstream.serializer.registrationRequired} and {@code dstream.kryo.registrator}: the application
 * registers its own classes, dstream's durable records need no registration.
 */
class SerializerConfigurationTest {
  private static final StreamingConf REGISTRATION_REQUIRED =
      new StreamingConf().set("dstream.serializer.registrationRequired", "true");

  /** An application type, stored as object files. */
  record Reading(String sensor, double value) {}

  /** Registers {@link Reading}. */
  public static final class ReadingRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
      kryo.register(Reading.class);
    }
  }

  private static final List<Reading> READINGS = List.of(new Reading("t1", 20.5), new Reading("t2", -3));

  @TempDir
  Path dir;

  private final MemoryInputDirectory input = new MemoryInputDirectory();

  @AfterEach
  void closeInput() {
    input.close();
  }

  @Test
  void withRegistrationRequiredAnUnregisteredApplicationTypeFailsItsBatchSayingHowToRegisterIt() {
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), REGISTRATION_REQUIRED)) {
      t.inputStream(List.of(READINGS)).saveAsObjectFiles(dir.resolve("readings").toString());

      assertThatThrownBy(() -> t.runBatches(1))
          .isInstanceOf(JobFailedException.class)
          .rootCause()
          .hasMessageContaining("class " + Reading.class.getTypeName() + " is not registered")
          .hasMessageContaining("dstream.kryo.registrator");
    }
  }

  @Test
  void aRegistratorNamedInTheConfigurationRegistersTheApplicationTypes() {
    StreamingConf conf = REGISTRATION_REQUIRED.copy()
        .set("dstream.kryo.registrator", ReadingRegistrator.class.getName());
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      t.inputStream(List.of(READINGS)).saveAsObjectFiles(dir.resolve("readings").toString());
      t.runBatches(1);

      assertThat(t.context().<Reading>objectFile(dir.resolve("readings-1000").toString()).collect())
          .containsExactlyElementsOf(READINGS);
    }
  }

  @Test
  void theConfigurationsSerializerWritesWhatAContextOfThatConfigurationReads() throws Exception {
    StreamingConf conf = REGISTRATION_REQUIRED.copy()
        .set("dstream.kryo.registrator", ReadingRegistrator.class.getName());
    byte[] written = conf.serializer().serialize(new ArrayList<>(READINGS));
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      Serializer contexts = t.context().runtime.serializer();

      assertThat(contexts.<List<Reading>>deserialize(written)).containsExactlyElementsOf(READINGS);
      assertThat(contexts.serialize(new ArrayList<>(READINGS))).isEqualTo(written);
    }
    assertThatThrownBy(() -> REGISTRATION_REQUIRED.serializer().serialize(READINGS.get(0)))
        .hasMessageContaining(Reading.class.getTypeName());
  }

  @Test
  void aRegistratorThatCannotBeLoadedFailsTheContextsCreationNamingIt() {
    StreamingConf conf = new StreamingConf().set("dstream.kryo.registrator", "com.example.NoSuchRegistrator");

    assertThatThrownBy(() -> TestStreamingContext.create(Durations.seconds(1), conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the Kryo registrator class 'com.example.NoSuchRegistrator' was not found");
  }

  @Test
  void checkpointsAndTheWriteAheadLogWorkWithRegistrationRequired() {
    StreamingConf conf = REGISTRATION_REQUIRED.copy().set("dstream.receiver.writeAheadLog.enable", "true");
    input.put("first.txt", 500, "from a file");
    try (TestStreamingContext first = TestStreamingContext.create(Durations.seconds(1), conf)) {
      first.context().checkpoint(dir.toString());
      CommandedReceiver receiver = new CommandedReceiver();
      CollectedOutput<String> received = first.collect(first.context().receiverStream(receiver));
      CollectedOutput<String> files = first.collect(first.context().textFileStream(input.uri()));
      first.runBatches(0);
      receiver.store(List.of("processed"));
      first.runBatches(2);
      receiver.store(List.of("logged only"));
      assertThat(received.batches()).containsExactly(List.of("processed"), List.of());
      assertThat(files.batches()).containsExactly(List.of("from a file"), List.of());
    }

    try (TestStreamingContext second = TestStreamingContext.create(Durations.seconds(1), conf)) {
      CollectedOutput<String> received = second.collect(second.context().receiverStream(new CommandedReceiver()));
      second.collect(second.context().textFileStream(input.uri()));
      assertThat(second.recoverFrom(dir.toString())).isTrue();
      second.runBatches(1);

      assertThat(received.batches()).containsExactly(List.of("logged only"));
    }
  }

  @Test
  void stateSnapshotsAreWrittenAndRestoredWithRegistrationRequired() {
    try (TestStreamingContext first = TestStreamingContext.create(Durations.seconds(1), REGISTRATION_REQUIRED)) {
      first.context().checkpoint(dir.toString());
      PairDStream<String, Integer> counts = first.pairInputStream(List.of(List.of(new Tuple2<>("a", 1))))
          .updateStateByKey(SerializerConfigurationTest::sum);
      counts.checkpoint(Durations.seconds(1));
      CollectedOutput<Tuple2<String, Integer>> out = first.collect(counts);
      first.runBatches(2);
      assertThat(out.batches()).containsExactly(List.of(new Tuple2<>("a", 1)), List.of(new Tuple2<>("a", 1)));
    }

    try (TestStreamingContext second = TestStreamingContext.create(Durations.seconds(1), REGISTRATION_REQUIRED)) {
      PairDStream<String, Integer> counts = second.pairInputStream(List.of(List.of(new Tuple2<>("a", 5))))
          .updateStateByKey(SerializerConfigurationTest::sum);
      counts.checkpoint(Durations.seconds(1));
      CollectedOutput<Tuple2<String, Integer>> out = second.collect(counts);
      assertThat(second.recoverFrom(dir.toString())).isTrue();
      second.runBatches(1);

      assertThat(out.batches()).containsExactly(List.of(new Tuple2<>("a", 6)));
    }
  }

  private static Optional<Integer> sum(List<Integer> values, Optional<Integer> state) {
    return Optional.of(state.orElse(0) + values.stream().mapToInt(Integer::intValue).sum());
  }
}

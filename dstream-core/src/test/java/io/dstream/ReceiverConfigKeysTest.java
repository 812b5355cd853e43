package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.storage.BlockId;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The configuration keys of receivers, backpressure and block storage: defaults and checked values. */
class ReceiverConfigKeysTest {
  @Test
  void theDefaultsAreSparksWhereSparkHasTheKey() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.get(ConfigKeys.BLOCK_INTERVAL)).isEqualTo(Durations.milliseconds(200));
    assertThat(conf.get(ConfigKeys.RECEIVER_MAX_RATE)).isZero();
    assertThat(conf.get(ConfigKeys.RECEIVER_RESTART_DELAY)).isEqualTo(Durations.seconds(2));
    assertThat(conf.get(ConfigKeys.RECEIVER_MAX_LINE_LENGTH)).isEqualTo(1 << 20);
    assertThat(conf.get(ConfigKeys.RECEIVER_WAL_ENABLE)).isFalse();
    assertThat(conf.get(ConfigKeys.RECEIVER_WAL_ROLLING_INTERVAL)).isEqualTo(Durations.seconds(60));
    assertThat(conf.get(ConfigKeys.BACKPRESSURE_ENABLED)).isFalse();
    assertThat(conf.get(ConfigKeys.BACKPRESSURE_INITIAL_RATE)).isNull();
    assertThat(conf.get(ConfigKeys.PID_PROPORTIONAL)).isEqualTo(1.0);
    assertThat(conf.get(ConfigKeys.PID_INTEGRAL)).isEqualTo(0.2);
    assertThat(conf.get(ConfigKeys.PID_DERIVED)).isEqualTo(0.0);
    assertThat(conf.get(ConfigKeys.PID_MIN_RATE)).isEqualTo(100.0);
    assertThat(conf.get(ConfigKeys.STORAGE_MEMORY_FRACTION)).isEqualTo(0.2);
    assertThat(conf.get(ConfigKeys.STORAGE_MAX_RECEIVED_BYTES)).as("derived from the heap").isNull();
  }

  @Test
  void setValuesAreParsedToTheirTypes() {
    StreamingConf conf = new StreamingConf()
        .set("dstream.blockInterval", "50ms")
        .set("dstream.receiver.writeAheadLog.enable", "TRUE")
        .set("dstream.backpressure.initialRate", "700")
        .set("dstream.backpressure.pid.derived", "0.5")
        .set("dstream.storage.memoryFraction", "0")
        .set("dstream.storage.maxReceivedBytes", "512m");

    assertThat(conf.get(ConfigKeys.BLOCK_INTERVAL)).isEqualTo(Durations.milliseconds(50));
    assertThat(conf.get(ConfigKeys.RECEIVER_WAL_ENABLE)).isTrue();
    assertThat(conf.get(ConfigKeys.BACKPRESSURE_INITIAL_RATE)).isEqualTo(700L);
    assertThat(conf.get(ConfigKeys.PID_DERIVED)).isEqualTo(0.5);
    assertThat(conf.get(ConfigKeys.STORAGE_MEMORY_FRACTION)).isZero();
    assertThat(conf.get(ConfigKeys.STORAGE_MAX_RECEIVED_BYTES)).isEqualTo(512L << 20);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1048576 | 1048576", "64k | 65536", "2G | 2147483648", "3mb | 3145728"})
  void sizesInBytesTakeAUnit(String value, long bytes) {
    assertThat(new StreamingConf().set("dstream.storage.maxReceivedBytes", value)
        .get(ConfigKeys.STORAGE_MAX_RECEIVED_BYTES)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dstream.blockInterval | 0ms | must be a positive duration",
      "dstream.receiver.maxRate | -1 | must not be negative",
      "dstream.receiver.restartDelay | soon | is not a duration",
      "dstream.receiver.maxLineLength | 0 | must be a positive integer",
      "dstream.receiver.writeAheadLog.enable | yes | must be true or false",
      "dstream.backpressure.enabled | 1 | must be true or false",
      "dstream.backpressure.initialRate | 0 | must be a positive integer",
      "dstream.backpressure.pid.proportional | -0.1 | must be a number of at least 0",
      "dstream.backpressure.pid.integral | NaN | must be a number of at least 0",
      "dstream.backpressure.pid.minRate | 0 | must be a positive number",
      "dstream.storage.memoryFraction | 1 | must be a fraction from 0 (inclusive) to 1 (exclusive)",
      "dstream.storage.memoryFraction | -0.5 | must be a fraction from 0 (inclusive) to 1 (exclusive)",
      "dstream.storage.maxReceivedBytes | 0 | must be a positive size",
      "dstream.storage.maxReceivedBytes | lots | must be a size in bytes such as 1048576, 512m or 2g",
      "dstream.storage.maxReceivedBytes | 9999999999999g | must be a positive size of at most",
  })
  void badValuesAreRefusedNamingTheKeyTheValueAndWhatIsExpected(String key, String value, String expected) {
    assertThatThrownBy(() -> new StreamingConf().set(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining(expected);
  }

  @Test
  void theReceiversRunWithTheConfiguredSettings() {
    StreamingConf conf = new StreamingConf()
        .set("dstream.blockInterval", "50ms")
        .set("dstream.receiver.maxRate", "1234");
    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      CommandedReceiver receiver = new CommandedReceiver();
      ReceiverInputDStream<String> in = t.context().receiverStream(receiver);
      CollectedOutput<Integer> partitions = t.collect(in.glom().map(List::size));
      t.runBatches(0);

      receiver.store("a");
      t.clock().advance(50);
      ReceiverKit.awaitBlockStored(t.context(), BlockId.stream(in.id(), 0));
      receiver.store("b");
      t.runBatches(1);

      assertThat(partitions.batches().get(0)).containsExactly(1, 1);
      assertThat(ReceiverKit.tracker(t.context()).supervisor(in.id()).orElseThrow().currentRate()).isEqualTo(1234);
    }
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.store.CheckpointStore;
import io.dstream.receiver.internal.PIDRateEstimator;
import io.dstream.receiver.internal.ReceiverSettings;
import io.dstream.receiver.internal.socket.SocketTextReceiver;
import org.junit.jupiter.api.Test;

/**
 * Where a lower module applies a default of its own (when it runs without dstream-core, or a caller omits a
 * setting), it must be the default that {@link ConfigKeys} documents; otherwise a receiver behaves one way
 * under a context and another in its own tests.
 */
class ConfigDefaultsAgreeTest {
  private final StreamingConf defaults = new StreamingConf();

  @Test
  void theReceiversDefaultSettingsAreTheKeysDefaults() {
    ReceiverSettings fromKeys = new ReceiverSettings(defaults.get(ConfigKeys.BLOCK_INTERVAL).milliseconds(),
        defaults.get(ConfigKeys.RECEIVER_RESTART_DELAY).milliseconds(), defaults.get(ConfigKeys.RECEIVER_MAX_RATE),
        defaults.get(ConfigKeys.RECEIVER_MAX_BUFFERED_RECORDS));

    assertThat(fromKeys).isEqualTo(ReceiverSettings.defaults());
  }

  @Test
  void theTextSocketReceiversLineBoundIsTheKeysDefault() {
    assertThat(defaults.get(ConfigKeys.RECEIVER_MAX_LINE_LENGTH)).isEqualTo(SocketTextReceiver.DEFAULT_MAX_LINE_BYTES);
  }

  @Test
  void theRateEstimatorsDefaultWeightsAreTheKeysDefaults() {
    assertThat(defaults.get(ConfigKeys.PID_PROPORTIONAL)).isEqualTo(PIDRateEstimator.DEFAULT_PROPORTIONAL);
    assertThat(defaults.get(ConfigKeys.PID_INTEGRAL)).isEqualTo(PIDRateEstimator.DEFAULT_INTEGRAL);
    assertThat(defaults.get(ConfigKeys.PID_DERIVED)).isEqualTo(PIDRateEstimator.DEFAULT_DERIVATIVE);
    assertThat(defaults.get(ConfigKeys.PID_MIN_RATE)).isEqualTo(PIDRateEstimator.DEFAULT_MIN_RATE);
  }

  @Test
  void theCheckpointStoresRetentionIsTheKeysDefault() {
    assertThat(defaults.get(ConfigKeys.CHECKPOINT_RETAINED)).isEqualTo(CheckpointStore.DEFAULT_RETAINED);
  }
}

package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceiverSettingsTest {
  @Test
  void theDefaultsAre200MsBlocksA2SecondRestartDelayAndNoRateLimit() {
    assertThat(ReceiverSettings.defaults()).isEqualTo(new ReceiverSettings(200, 2000, 0));
  }

  @Test
  void withersChangeOneSettingEach() {
    ReceiverSettings settings = ReceiverSettings.defaults().withBlockIntervalMs(50).withRestartDelayMs(0)
        .withMaxRate(1000);

    assertThat(settings).isEqualTo(new ReceiverSettings(50, 0, 1000));
  }

  @Test
  void outOfRangeValuesAreRejectedWithTheValue() {
    assertThatThrownBy(() -> ReceiverSettings.defaults().withBlockIntervalMs(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block interval must be positive, got 0");
    assertThatThrownBy(() -> ReceiverSettings.defaults().withRestartDelayMs(-5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -5 ms");
    assertThatThrownBy(() -> ReceiverSettings.defaults().withMaxRate(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use 0 for no limit");
  }
}

package io.dstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import org.junit.jupiter.api.Test;

class StatusPageModeTest {

  @Test
  void theDefaultRunsOpenNoPortAndTheOthersServeThePageOnAFreePort() {
    StreamingConf off = StatusPageMode.OFF.conf("W1");
    StreamingConf on = StatusPageMode.ON.conf("W1");
    StreamingConf polled = StatusPageMode.POLLED.conf("W1");

    assertThat(off.get(ConfigKeys.UI_ENABLED)).isFalse();
    assertThat(on.get(ConfigKeys.UI_ENABLED)).isTrue();
    assertThat(on.get(ConfigKeys.UI_PORT)).isZero();
    assertThat(polled.get(ConfigKeys.UI_ENABLED)).isTrue();
    assertThat(polled.get(ConfigKeys.UI_PORT)).isZero();
    assertThat(off.get(ConfigKeys.MASTER)).isEqualTo("local[2]");
  }

  @Test
  void theArgumentNamesAModeInAnyCaseOrIsRefusedNamingTheModes() {
    assertThat(StatusPageMode.parse("Polled")).isEqualTo(StatusPageMode.POLLED);
    assertThatThrownBy(() -> StatusPageMode.parse("yes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--ui=yes")
        .hasMessageContaining("--ui=off, --ui=on or --ui=polled");
  }
}

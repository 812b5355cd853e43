package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code new StreamingConf()} loads {@code dstream.*} Java system properties, as Spark's SparkConf does. */
class StreamingConfSystemPropertiesTest {
  private static final String KEY = ConfigKeys.CONCURRENT_JOBS.name();

  @AfterEach
  void clearProperties() {
    System.clearProperty(KEY);
    System.clearProperty("dstream.app.name");
    System.clearProperty("other.setting");
  }

  @Test
  void aDstreamSystemPropertyIsLoadedAndWhatTheProgramSetsOverridesIt() {
    System.setProperty(KEY, "3");
    System.setProperty("dstream.app.name", "from-the-command-line");
    System.setProperty("other.setting", "ignored");

    StreamingConf conf = new StreamingConf().setAppName("set-in-code");

    assertThat(conf.get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(3);
    assertThat(conf.appName()).isEqualTo("set-in-code");
    assertThat(conf.contains("other.setting")).isFalse();
  }

  @Test
  void withoutLoadingAndInACopyTheSystemPropertiesAreNotRead() {
    StreamingConf isolated = new StreamingConf(false);
    System.setProperty(KEY, "3");

    assertThat(new StreamingConf(false).get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(1);
    assertThat(isolated.copy().contains(KEY)).isFalse();
  }

  @Test
  void anInvalidSystemPropertyIsRefusedNamingIt() {
    System.setProperty(KEY, "none");

    assertThatThrownBy(StreamingConf::new)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-D" + KEY + "=none")
        .hasMessageContaining("correct it or leave it out");
  }
}

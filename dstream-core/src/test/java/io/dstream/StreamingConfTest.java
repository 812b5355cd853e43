package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dstream.testing.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class StreamingConfTest {
  private final Logger confLogger = (Logger) LoggerFactory.getLogger(StreamingConf.class);
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  @BeforeEach
  void captureLog() {
    logged.start();
    confLogger.addAppender(logged);
  }

  @AfterEach
  void releaseLog() {
    confLogger.detachAppender(logged);
  }

  // ---- master ------------------------------------------------------------------------------------------

  @Test
  void localMeansOneWorkerThread() {
    StreamingConf conf = new StreamingConf().setMaster("local");

    assertThat(conf.master()).isEqualTo("local");
    assertThat(conf.workerThreads()).isEqualTo(1);
  }

  @Test
  void localNMeansNWorkerThreads() {
    assertThat(new StreamingConf().setMaster("local[3]").workerThreads()).isEqualTo(3);
    assertThat(new StreamingConf().setMaster("local[1]").workerThreads()).isEqualTo(1);
  }

  @Test
  void localStarMeansOneWorkerThreadPerCore() {
    assertThat(new StreamingConf().setMaster("local[*]").workerThreads())
        .isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @Test
  void theDefaultMasterIsLocalStar() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.master()).isEqualTo("local[*]");
    assertThat(conf.workerThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
  }

  @ParameterizedTest
  @ValueSource(strings = {"yarn", "spark://host:7077", "local[]", "local[two]", "local[-1]", "LOCAL", "local[2",
      "local [2]", ""})
  void unsupportedMastersAreRefusedWithTheFormsThatWork(String master) {
    assertThatThrownBy(() -> new StreamingConf().setMaster(master))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + master + "'")
        .hasMessageContaining("local, local[N] or local[*]");
  }

  @Test
  void aNullMasterIsRefused() {
    assertThatThrownBy(() -> new StreamingConf().setMaster(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("master must not be null");
  }

  @Test
  void localZeroIsRefusedAsHavingNoWorkerThreads() {
    assertThatThrownBy(() -> new StreamingConf().setMaster("local[0]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("local[0]")
        .hasMessageContaining("local[1] or more");
  }

  @Test
  void anAbsurdThreadCountIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> new StreamingConf().setMaster("local[99999999999]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("local[99999999999]");
  }

  @Test
  void aRefusedMasterLeavesThePreviousOneInPlace() {
    StreamingConf conf = new StreamingConf().setMaster("local[2]");

    assertThatThrownBy(() -> conf.setMaster("cluster")).isInstanceOf(IllegalArgumentException.class);

    assertThat(conf.master()).isEqualTo("local[2]");
  }

  @Test
  void settingTheMasterKeyGoesThroughTheSameValidation() {
    assertThat(new StreamingConf().set("dstream.master", "local[4]").workerThreads()).isEqualTo(4);
    assertThatThrownBy(() -> new StreamingConf().set("dstream.master", "mesos"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dstream.master")
        .hasMessageContaining("'mesos'");
  }

  @Test
  void appNameIsStoredAndDefaultsToDstream() {
    assertThat(new StreamingConf().appName()).isEqualTo("dstream");
    assertThat(new StreamingConf().setAppName("NetworkWordCount").appName()).isEqualTo("NetworkWordCount");
  }

  // ---- set(key, value) ---------------------------------------------------------------------------------

  @Test
  void knownKeysAreParsedToTheirTypes() {
    StreamingConf conf = new StreamingConf()
        .set("dstream.concurrentJobs", "3")
        .set("dstream.stopTimeout", "2s")
        .set("dstream.default.parallelism", "7");

    assertThat(conf.get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(3);
    assertThat(conf.get(ConfigKeys.STOP_TIMEOUT)).isEqualTo(Durations.seconds(2));
    assertThat(conf.get(ConfigKeys.DEFAULT_PARALLELISM)).isEqualTo(7);
  }

  @Test
  void unsetKnownKeysHaveTheirDefaults() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(1);
    assertThat(conf.get(ConfigKeys.TASK_MAX_FAILURES)).isEqualTo(4);
    assertThat(conf.get(ConfigKeys.STOP_TIMEOUT)).isEqualTo(Durations.seconds(10));
    assertThat(conf.get(ConfigKeys.DEFAULT_PARALLELISM)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-2", "two", "1.5", ""})
  void aBadValueOfAKnownKeyIsRefusedNamingTheKeyAndTheValue(String value) {
    StreamingConf conf = new StreamingConf();

    assertThatThrownBy(() -> conf.set("dstream.concurrentJobs", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dstream.concurrentJobs")
        .hasMessageContaining("'" + value + "'");
    assertThat(conf.contains("dstream.concurrentJobs")).isFalse();
  }

  @Test
  void aBadDurationOfAKnownKeyIsRefused() {
    assertThatThrownBy(() -> new StreamingConf().set("dstream.stopTimeout", "soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dstream.stopTimeout")
        .hasMessageContaining("'soon'");
  }

  @Test
  void aNullKeyOrValueIsRefused() {
    assertThatThrownBy(() -> new StreamingConf().set(null, "1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key");
    assertThatThrownBy(() -> new StreamingConf().set("dstream.concurrentJobs", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dstream.concurrentJobs");
    assertThatThrownBy(() -> new StreamingConf().set("myapp.key", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("myapp.key");
  }

  @Test
  void anUnknownDstreamKeyIsKeptButWarnedAbout() {
    StreamingConf conf = new StreamingConf().set("dstream.concurentJobs", "2");

    assertThat(conf.get("dstream.concurentJobs", null)).isEqualTo("2");
    assertThat(logged.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).isEqualTo(Level.WARN);
      assertThat(event.getFormattedMessage()).contains("dstream.concurentJobs").contains("ConfigKeys");
    });
  }

  @Test
  void keysOutsideTheDstreamNamespaceAreKeptSilently() {
    StreamingConf conf = new StreamingConf().set("myapp.source", "kafka").set("dstream.concurrentJobs", "2");

    assertThat(conf.get("myapp.source", null)).isEqualTo("kafka");
    assertThat(logged.list).isEmpty();
  }

  @Test
  void getAllListsSetKeysInTheOrderTheyWereFirstSet() {
    StreamingConf conf = new StreamingConf().setAppName("a").set("x.b", "1").setMaster("local[2]").set("x.b", "2");

    assertThat(conf.getAll()).containsExactly(
        Map.entry("dstream.app.name", "a"),
        Map.entry("x.b", "2"),
        Map.entry("dstream.master", "local[2]"));
    assertThatThrownBy(() -> conf.getAll().put("y", "1")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesAreIndependent() {
    StreamingConf original = new StreamingConf().set("x.a", "1");
    StreamingConf copy = original.copy();

    copy.set("x.a", "2");
    original.set("x.b", "3");

    assertThat(original.get("x.a", null)).isEqualTo("1");
    assertThat(copy.contains("x.b")).isFalse();
  }

  @Test
  void theContextKeepsItsOwnCopyOfTheConf() {
    StreamingConf conf = new StreamingConf().setMaster("local[1]").set("x.a", "1");
    StreamingContext ssc = new StreamingContext(conf, Durations.seconds(1),
        new ManualClock());
    try {
      conf.set("x.a", "2");
      ssc.conf().set("x.a", "3");

      assertThat(ssc.conf().get("x.a", null)).isEqualTo("1");
    } finally {
      ssc.stop();
    }
  }

  // ---- typed getters -----------------------------------------------------------------------------------

  @Test
  void typedGettersParseSetValues() {
    StreamingConf conf = new StreamingConf()
        .set("x.int", " 42 ").set("x.long", "12345678901").set("x.bool", "TRUE").set("x.dur", "1min");

    assertThat(conf.getInt("x.int", 0)).isEqualTo(42);
    assertThat(conf.getLong("x.long", 0)).isEqualTo(12_345_678_901L);
    assertThat(conf.getBoolean("x.bool", false)).isTrue();
    assertThat(conf.getDuration("x.dur", null)).isEqualTo(Durations.minutes(1));
    assertThat(conf.get("x.int", "none")).isEqualTo(" 42 ");
  }

  @Test
  void typedGettersReturnTheDefaultForUnsetKeys() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.getInt("x.int", 7)).isEqualTo(7);
    assertThat(conf.getLong("x.long", 8L)).isEqualTo(8L);
    assertThat(conf.getBoolean("x.bool", true)).isTrue();
    assertThat(conf.getDuration("x.dur", Durations.seconds(9))).isEqualTo(Durations.seconds(9));
    assertThat(conf.get("x.text", "fallback")).isEqualTo("fallback");
    assertThat(conf.contains("x.int")).isFalse();
  }

  @Test
  void typedGettersRefuseBadValuesNamingTheKey() {
    StreamingConf conf = new StreamingConf()
        .set("x.int", "4.2").set("x.long", "lots").set("x.bool", "yes").set("x.dur", "5 parsecs");

    assertThatThrownBy(() -> conf.getInt("x.int", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.int").hasMessageContaining("'4.2'");
    assertThatThrownBy(() -> conf.getLong("x.long", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.long").hasMessageContaining("'lots'");
    assertThatThrownBy(() -> conf.getBoolean("x.bool", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.bool")
        .hasMessageContaining("true or false");
    assertThatThrownBy(() -> conf.getDuration("x.dur", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.dur")
        .hasMessageContaining("parsecs");
  }

  @Test
  void getIntRefusesAValueThatOnlyFitsALong() {
    StreamingConf conf = new StreamingConf().set("x.big", "12345678901");

    assertThatThrownBy(() -> conf.getInt("x.big", 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.big");
  }

  // ---- ConfigKeys ----------------------------------------------------------------------------------------

  @Test
  void durationsTakeAUnitAndABareNumberIsMilliseconds() {
    assertThat(ConfigKeys.duration("200ms")).isEqualTo(Durations.milliseconds(200));
    assertThat(ConfigKeys.duration("250")).isEqualTo(Durations.milliseconds(250));
    assertThat(ConfigKeys.duration("2s")).isEqualTo(Durations.seconds(2));
    assertThat(ConfigKeys.duration(" 2 S ")).isEqualTo(Durations.seconds(2));
    assertThat(ConfigKeys.duration("3min")).isEqualTo(Durations.minutes(3));
    assertThat(ConfigKeys.duration("3m")).isEqualTo(Durations.minutes(3));
    assertThat(ConfigKeys.duration("1h")).isEqualTo(Durations.minutes(60));
    assertThat(ConfigKeys.duration("0s")).isEqualTo(Durations.milliseconds(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "s", "-1s", "1.5s", "2 weeks", "ten seconds"})
  void malformedDurationsAreRefusedWithTheUnitsThatWork(String text) {
    assertThatThrownBy(() -> ConfigKeys.duration(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'")
        .hasMessageContaining("ms")
        .hasMessageContaining("min");
  }

  @Test
  void durationsTooLargeForMillisecondsAreRefused() {
    String tooLong = "99999999999999999999";
    String overflowsInHours = (Long.MAX_VALUE / 60_000) + "h";

    assertThatThrownBy(() -> ConfigKeys.duration(tooLong))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(tooLong).hasMessageContaining("large");
    assertThatThrownBy(() -> ConfigKeys.duration(overflowsInHours))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(overflowsInHours)
        .hasMessageContaining("large");
  }

  @Test
  void everyKeyIsFoundByNameAndDocumented() {
    List<ConfigKey<?>> all = ConfigKeys.all();

    assertThat(all).contains(ConfigKeys.MASTER, ConfigKeys.APP_NAME, ConfigKeys.CONCURRENT_JOBS,
        ConfigKeys.DEFAULT_PARALLELISM, ConfigKeys.TASK_MAX_FAILURES, ConfigKeys.STOP_TIMEOUT);
    for (ConfigKey<?> key : all) {
      assertThat(ConfigKeys.byName(key.name())).isSameAs(key);
      assertThat(key.name()).startsWith("dstream.");
      assertThat(key.doc()).isNotBlank();
      assertThat(key).hasToString(key.name());
      if (key.defaultText() != null) {
        assertThat(key.parse(key.defaultText())).isEqualTo(key.defaultValue());
      }
    }
    assertThat(all).extracting(ConfigKey::name).doesNotHaveDuplicates();
    assertThat(ConfigKeys.byName("dstream.noSuchKey")).isNull();
  }
}

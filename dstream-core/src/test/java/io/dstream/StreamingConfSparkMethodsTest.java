package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.SerializerConfigurationTest.Reading;
import io.dstream.testing.TestStreamingContext;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The methods of Spark's {@code SparkConf} that Spark programs call on a {@code StreamingConf} after porting:
 * setting and removing keys, reading them as Spark does (a missing key throws {@link NoSuchElementException};
 * sizes and times in Spark's notation), and registering classes with Kryo.
 */
class StreamingConfSparkMethodsTest {
  private static final long KIB = 1024;

  @TempDir
  Path dir;

  @Test
  void setIfMissingKeepsAValueThatIsSetAndSetsOneThatIsNot() {
    StreamingConf conf = new StreamingConf().set("dstream.concurrentJobs", "3");

    conf.setIfMissing("dstream.concurrentJobs", "2").setIfMissing("dstream.task.maxFailures", "7");

    assertThat(conf.get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(3);
    assertThat(conf.get(ConfigKeys.TASK_MAX_FAILURES)).isEqualTo(7);
    assertThatThrownBy(() -> conf.setIfMissing("dstream.default.parallelism", "none"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dstream.default.parallelism");
  }

  @Test
  void setAllSetsEveryKeyInOrderFromAMapOrFromPairs() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("app.a", "1");
    map.put("dstream.concurrentJobs", "2");

    StreamingConf fromMap = new StreamingConf().setAll(map);
    StreamingConf fromPairs = new StreamingConf()
        .setAll(List.of(new Tuple2<>("app.a", "1"), new Tuple2<>("dstream.concurrentJobs", "2")));

    assertThat(fromMap.getAll()).containsExactlyEntriesOf(map);
    assertThat(fromPairs.getAll()).containsExactlyEntriesOf(map);
    assertThatThrownBy(() -> new StreamingConf().setAll(List.of(new Tuple2<>("dstream.concurrentJobs", "0"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dstream.concurrentJobs");
  }

  @Test
  void removeBringsBackTheDefault() {
    StreamingConf conf = new StreamingConf().set("dstream.concurrentJobs", "4").set("app.x", "y");

    conf.remove("dstream.concurrentJobs").remove("never.set");

    assertThat(conf.get(ConfigKeys.CONCURRENT_JOBS)).isEqualTo(ConfigKeys.CONCURRENT_JOBS.defaultValue());
    assertThat(conf.contains("dstream.concurrentJobs")).isFalse();
    assertThat(conf.getAll()).containsExactly(Map.entry("app.x", "y"));
  }

  @Test
  void getOfAKeyThatIsNotSetThrowsAsSparksDoesEvenIfDstreamHasADefault() {
    StreamingConf conf = new StreamingConf().set("app.x", "y");

    assertThat(conf.get("app.x")).isEqualTo("y");
    assertThat(conf.getOption("app.x")).contains("y");
    assertThat(conf.getOption("dstream.concurrentJobs")).isEmpty();
    assertThatThrownBy(() -> conf.get("dstream.concurrentJobs"))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("dstream.concurrentJobs is not set")
        .hasMessageContaining("getOption(key)");
  }

  @Test
  void getDoubleReadsANumberOrTheDefault() {
    StreamingConf conf = new StreamingConf().set("app.ratio", " 0.25 ").set("app.bad", "a quarter");

    assertThat(conf.getDouble("app.ratio", 1)).isEqualTo(0.25);
    assertThat(conf.getDouble("app.unset", 1.5)).isEqualTo(1.5);
    assertThatThrownBy(() -> conf.getDouble("app.bad", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid value 'a quarter' for app.bad");
  }

  @ParameterizedTest
  @CsvSource({"512, 512, 0", "512b, 512, 0", "10k, 10, 1", "10KB, 10, 1", "5m, 5, 2", "5mb, 5, 2", "2g, 2, 3",
      "3t, 3, 4", "1p, 1, 5", "0, 0, 0"})
  void sizesCountInPowersOf1024(String text, long amount, int powers) {
    long expected = amount;
    for (int i = 0; i < powers; i++) {
      expected *= KIB;
    }
    StreamingConf conf = new StreamingConf().set("app.size", text);

    assertThat(conf.getSizeAsBytes("app.size")).isEqualTo(expected);
    assertThat(conf.getSizeAsBytes("app.size", "1k")).isEqualTo(expected);
    assertThat(conf.getSizeAsBytes("app.size", 1L)).isEqualTo(expected);
  }

  @Test
  void aSizeKeyThatIsNotSetTakesTheDefaultOrThrows() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.getSizeAsBytes("app.size", "64k")).isEqualTo(64 * KIB);
    assertThat(conf.getSizeAsBytes("app.size", 100L)).isEqualTo(100);
    assertThatThrownBy(() -> conf.getSizeAsBytes("app.size")).isInstanceOf(NoSuchElementException.class);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.5k | fractions are not supported",
      "10x | 'x' is not a size unit",
      "-4k | a size cannot be negative",
      "lots | not a number with a unit",
      "8589934592p | too large to count in bytes",
      "99999999999999999999 | the number 99999999999999999999 is too large"})
  void aMalformedSizeIsRefusedNamingTheKeyAndWhatToWrite(String text, String problem) {
    StreamingConf conf = new StreamingConf().set("app.size", text);

    assertThatThrownBy(() -> conf.getSizeAsBytes("app.size"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid value '" + text + "' for app.size")
        .hasMessageContaining(problem);
  }

  @ParameterizedTest
  @CsvSource({"500, 500, MILLISECONDS", "500ms, 500, MILLISECONDS", "5s, 5, SECONDS", "5m, 5, MINUTES",
      "5min, 5, MINUTES", "2h, 2, HOURS", "3d, 3, DAYS", "2500us, 2500, MICROSECONDS", "-1, -1, MILLISECONDS",
      "7S, 7, SECONDS"})
  void timesCountInMilliseconds(String text, long amount, TimeUnit unit) {
    StreamingConf conf = new StreamingConf().set("app.timeout", text);

    assertThat(conf.getTimeAsMs("app.timeout")).isEqualTo(unit.toMillis(amount));
    assertThat(conf.getTimeAsMs("app.timeout", "1s")).isEqualTo(unit.toMillis(amount));
  }

  @Test
  void aTimeKeyThatIsNotSetTakesTheDefaultOrThrows() {
    StreamingConf conf = new StreamingConf();

    assertThat(conf.getTimeAsMs("app.timeout", "30s")).isEqualTo(TimeUnit.SECONDS.toMillis(30));
    assertThatThrownBy(() -> conf.getTimeAsMs("app.timeout")).isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("app.timeout is not set");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1.5s | fractions are not supported",
      "10 weeks | not a number with a unit",
      "10w | 'w' is not a time unit; use a whole number with an optional unit us, ms, s, m or min, h or d",
      "s | not a number with a unit",
      "9999999999999999d | too large to count in milliseconds"})
  void aMalformedTimeIsRefusedNamingTheKeyAndWhatToWrite(String text, String problem) {
    StreamingConf conf = new StreamingConf().set("app.timeout", text);

    assertThatThrownBy(() -> conf.getTimeAsMs("app.timeout"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid value '" + text + "' for app.timeout")
        .hasMessageContaining(problem);
  }

  @Test
  void registerKryoClassesAddsEachClassOnceInOrder() {
    StreamingConf conf = new StreamingConf()
        .registerKryoClasses(new Class<?>[] {Reading.class, String.class})
        .registerKryoClasses(new Class<?>[] {Reading.class, Path.class});

    assertThat(conf.get(ConfigKeys.KRYO_CLASSES_TO_REGISTER))
        .containsExactly(Reading.class.getName(), String.class.getName(), Path.class.getName());
    assertThatThrownBy(() -> conf.registerKryoClasses(new Class<?>[] {null}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classes[0]");
  }

  @Test
  void theClassesRegisteredAreThoseAContextWithRegistrationRequiredMayStore() {
    StreamingConf conf = new StreamingConf().set("dstream.serializer.registrationRequired", "true")
        .registerKryoClasses(new Class<?>[] {Reading.class});
    List<Reading> readings = List.of(new Reading("t1", 1.5), new Reading("t2", -2));

    try (TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1), conf)) {
      t.inputStream(List.of(readings)).saveAsObjectFiles(dir.resolve("readings").toString());
      t.runBatches(1);

      assertThat(t.context().<Reading>objectFile(dir.resolve("readings-1000").toString()).collect())
          .containsExactlyElementsOf(readings);
    }
    assertThatThrownBy(() -> new StreamingConf().set("dstream.serializer.registrationRequired", "true").serializer()
        .serialize(readings.get(0))).hasMessageContaining(Reading.class.getTypeName());
  }

  @Test
  void aClassToRegisterThatCannotBeLoadedFailsTheContextsCreationNamingIt() {
    StreamingConf conf = new StreamingConf().set("dstream.kryo.classesToRegister", "com.example.Missing");

    assertThatThrownBy(() -> TestStreamingContext.create(Durations.seconds(1), conf))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the class com.example.Missing of dstream.kryo.classesToRegister cannot be loaded");
    assertThatThrownBy(() -> new StreamingConf().set("dstream.kryo.classesToRegister", "com.example.Order;Other"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'com.example.Order;Other' is not a class name");
  }
}

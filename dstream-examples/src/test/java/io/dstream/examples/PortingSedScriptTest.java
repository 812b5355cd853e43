package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs docs/porting.sed over Spark Streaming Java programs (test resources {@code porting/}) and checks that
 * the results compile against dstream, with the renames that docs/porting.md and docs/kafka.md describe. The
 * programs are written for these tests in Spark's Java API: one that uses every rename of the core API, a word
 * count over Kafka topics with the arguments of Spark's {@code JavaDirectKafkaWordCount}, and one in the idioms
 * of Spark's Kafka integration guide. ({@link PortedKafkaProgramsIT} runs the Kafka ones.) Skipped where no
 * {@code sed} is on the PATH.
 */
class PortingSedScriptTest {
  static final String QUEUE_WORD_COUNT = "porting/JavaQueueWordCount.java.txt";
  static final String KAFKA_WORD_COUNT = "porting/KafkaTopicsWordCount.java.txt";
  static final String KAFKA_OFFSET_COMMITS = "porting/JavaKafkaOffsetCommits.java.txt";
  /** A listener written against Spark's JavaStreamingListener, registered through its wrapper. */
  static final String LISTENER = "porting/JavaBatchProgressListener.java.txt";
  /** A configuration key such as {@code dstream.task.maxFailures}; not a package such as {@code io.dstream.rdd}. */
  private static final Pattern KEY = Pattern.compile("(?<![\\w.])dstream\\.[a-z][A-Za-z.]*[A-Za-z]");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package [\\w.]+;$");

  private static Path repoRoot;

  @TempDir
  Path work;
  private PortingSed sed;

  @BeforeAll
  static void findTheRepository() {
    repoRoot = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath());
  }

  @BeforeEach
  void createThePorter() {
    sed = new PortingSed(work);
  }

  @ParameterizedTest
  @ValueSource(strings = {QUEUE_WORD_COUNT, KAFKA_WORD_COUNT, KAFKA_OFFSET_COMMITS})
  void thePortedProgramCompilesAgainstDstream(String program) throws Exception {
    String ported = port(program);

    List<String> failures = new SnippetCompiler(work.resolve("classes")).compile(List.of(
        new CodeBlock(program + " after docs/porting.sed", 1, "java", ported)));

    assertThat(failures).as("compiler errors in the ported program:\n%s", ported).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {QUEUE_WORD_COUNT, KAFKA_WORD_COUNT, KAFKA_OFFSET_COMMITS})
  void nothingOfSparkIsLeft(String program) throws Exception {
    // The program's own package is the user's to keep, even if it is under org.apache.spark.
    String ported = PACKAGE.matcher(port(program)).replaceFirst("");

    assertThat(ported).doesNotContain("org.apache.spark", "scala.", "sparkContext()", "\"spark.",
        "JavaStreamingContext", "JavaSparkContext", "JavaDStream", "JavaPairDStream", "JavaInputDStream",
        "JavaRDD", "JavaPairRDD", "SparkConf", "Seconds.apply", "StorageLevels", "Optional.absent",
        "fromNullable", "orNull", "kafka010", ".rdd()", ".inputDStream()");
  }

  @ParameterizedTest
  @ValueSource(strings = {QUEUE_WORD_COUNT, KAFKA_WORD_COUNT, KAFKA_OFFSET_COMMITS})
  void runningTheScriptOnPortedSourcesChangesNothing(String program) throws Exception {
    String ported = port(program);

    assertThat(sed.port(ported)).isEqualTo(ported);
  }

  @Test
  void theRenamesThatAreMoreThanATypeNameComeOutAsPortingMdSays() throws Exception {
    String ported = port(QUEUE_WORD_COUNT);

    assertThat(ported).contains(
        "import java.util.Optional;",
        "StreamingContext sc = jssc;",
        "queue.add(jssc.parallelize(",
        "jssc.remember(Durations.seconds(60));",
        "words.persist(StorageLevel.MEMORY_ONLY);",
        ".set(\"dstream.stopTimeout\", \"30s\")",
        "Optional<Integer> none = Optional.empty();",
        "jssc.stop();",
        "jssc.stop(false, true);");
  }

  @Test
  void aPortedSparkListenerCompilesAndReceivesTheContextsEvents() throws Exception {
    String ported = port(LISTENER);
    Path classes = new SnippetCompiler(work.resolve("classes"))
        .compileUnit(new CodeBlock(LISTENER + " after docs/porting.sed", 1, "java", ported));

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
            getClass().getClassLoader());
        TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1))) {
      Class<?> listenerClass = loader.loadClass("example.JavaBatchProgressListener");
      Object listener = listenerClass.getMethod("register", StreamingContext.class).invoke(null, t.context());
      t.collect(t.inputStream(List.of(List.of("a", "b"), List.of("c"))));
      t.runBatches(2);

      @SuppressWarnings("unchecked")
      List<String> events = (List<String>) listenerClass.getField("events").get(listener);
      assertThat(events).containsExactly("submitted 1000", "output 0 of 1000", "completed 1000 with 2 records",
          "submitted 2000", "output 0 of 2000", "completed 2000 with 1 records");
    }
    assertThat(ported).contains("public class JavaBatchProgressListener implements StreamingListener, Serializable {",
        "jssc.addStreamingListener(listener);").doesNotContain("org.apache.spark");
  }

  @Test
  void theKafkaIdiomsComeOutAsKafkaMdSays() throws Exception {
    String ported = port(KAFKA_OFFSET_COMMITS);

    assertThat(ported).contains(
        "import io.dstream.kafka.*;",
        "InputDStream<ConsumerRecord<String, String>> stream = KafkaUtils.createDirectStream(",
        "OffsetRange[] offsetRanges = ((HasOffsetRanges) rdd).offsetRanges();",
        "((CanCommitOffsets) stream).commitAsync(offsetRanges, new OffsetCommitCallback() {",
        ".set(\"dstream.kafka.maxRatePerPartition\", \"1000\")",
        ".set(\"dstream.kafka.pollTimeout\", \"60000\")");
    assertThat(port(KAFKA_WORD_COUNT)).contains(
        "import io.dstream.kafka.ConsumerStrategies;",
        "import io.dstream.kafka.KafkaUtils;",
        "import io.dstream.kafka.LocationStrategies;",
        "InputDStream<ConsumerRecord<String, String>> records = KafkaUtils.createDirectStream(");
  }

  @ParameterizedTest
  @ValueSource(strings = {QUEUE_WORD_COUNT, KAFKA_OFFSET_COMMITS})
  void everyKeyOfThePortedProgramIsADstreamKey(String program) throws Exception {
    List<String> keys = keysIn(port(program));

    assertThat(keys).isNotEmpty();
    assertThat(ConfigKeys.all().stream().map(ConfigKey::name).toList()).containsAll(keys);
  }

  @Test
  void everyDstreamKeyThatPortingMdNamesExists() throws IOException {
    List<String> keys = keysIn(Files.readString(repoRoot.resolve("docs/porting.md"), StandardCharsets.UTF_8));

    assertThat(keys).isNotEmpty();
    assertThat(ConfigKeys.all().stream().map(ConfigKey::name).toList()).containsAll(keys);
  }

  private String port(String program) throws IOException, InterruptedException {
    return sed.port(PortingSed.sparkProgram(program));
  }

  private static List<String> keysIn(String text) {
    List<String> keys = new ArrayList<>();
    Matcher key = KEY.matcher(text);
    while (key.find()) {
      keys.add(key.group());
    }
    return keys;
  }
}

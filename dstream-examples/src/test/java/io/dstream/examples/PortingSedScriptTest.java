package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dstream.ConfigKey;
import io.dstream.ConfigKeys;
import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docs/porting.sed over a Spark Streaming Java program (test resource {@code porting/}) and checks that
 * the result compiles against dstream, with the renames that docs/porting.md describes. Skipped where no
 * {@code sed} is on the PATH.
 */
class PortingSedScriptTest {
  private static final String SPARK_PROGRAM = "porting/JavaQueueWordCount.java.txt";
  /** A configuration key such as {@code dstream.task.maxFailures}; not a package such as {@code io.dstream.rdd}. */
  private static final Pattern KEY = Pattern.compile("(?<![\\w.])dstream\\.[a-z][A-Za-z.]*[A-Za-z]");

  private static Path repoRoot;

  @TempDir
  Path work;

  @BeforeAll
  static void findTheRepository() {
    repoRoot = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath());
  }

  @Test
  void thePortedProgramCompilesAgainstDstream() throws Exception {
    String ported = port(sparkProgram());

    List<String> failures = new SnippetCompiler(work.resolve("classes"))
        .compile(List.of(new CodeBlock(SPARK_PROGRAM + " after docs/porting.sed", 1, "java", ported)));

    assertThat(failures).as("compiler errors in the ported program:\n%s", ported).isEmpty();
  }

  @Test
  void nothingOfSparkIsLeft() throws Exception {
    String ported = port(sparkProgram());

    assertThat(ported).doesNotContain("org.apache.spark", "scala.", "sparkContext()", "\"spark.",
        "JavaStreamingContext", "JavaSparkContext", "JavaDStream", "JavaPairDStream", "JavaInputDStream",
        "JavaRDD", "JavaPairRDD", "SparkConf", "Seconds.apply", "StorageLevels", "Optional.absent",
        "fromNullable", "orNull");
  }

  @Test
  void theRenamesThatAreMoreThanATypeNameComeOutAsPortingMdSays() throws Exception {
    String ported = port(sparkProgram());

    assertThat(ported).contains(
        "import java.util.Optional;",
        "StreamingContext sc = jssc;",
        "queue.add(jssc.parallelize(",
        "jssc.remember(Durations.seconds(60));",
        "words.persist(StorageLevel.MEMORY_ONLY);",
        ".set(\"dstream.stopTimeout\", \"30s\")",
        "Optional<Integer> none = Optional.empty();",
        "jssc.stop();",
        "jssc.stop(/* stopGracefully */ true);");
  }

  @Test
  void everyKeyOfThePortedProgramIsADstreamKey() throws Exception {
    List<String> keys = keysIn(port(sparkProgram()));

    assertThat(keys).isNotEmpty();
    assertThat(ConfigKeys.all().stream().map(ConfigKey::name).toList()).containsAll(keys);
  }

  @Test
  void everyDstreamKeyThatPortingMdNamesExists() throws IOException {
    List<String> keys = keysIn(Files.readString(repoRoot.resolve("docs/porting.md"), StandardCharsets.UTF_8));

    assertThat(keys).isNotEmpty();
    assertThat(ConfigKeys.all().stream().map(ConfigKey::name).toList()).containsAll(keys);
  }

  @Test
  void runningTheScriptOnPortedSourcesChangesNothing() throws Exception {
    String ported = port(sparkProgram());

    assertThat(port(ported)).isEqualTo(ported);
  }

  private static String sparkProgram() throws IOException {
    try (InputStream in = PortingSedScriptTest.class.getClassLoader().getResourceAsStream(SPARK_PROGRAM)) {
      assertThat(in).as("test resource " + SPARK_PROGRAM).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code sed -E -f docs/porting.sed} over a source, as porting.md tells users to. */
  private String port(String source) throws IOException, InterruptedException {
    Optional<Path> sed = sedOnPath();
    assumeThat(sed).as("sed on the PATH (docs/porting.sed is a sed script)").isPresent();
    Path input = Files.createTempFile(work, "source", ".java");
    Path errors = Files.createTempFile(work, "sed", ".err");
    Files.writeString(input, source, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(sed.get().toString(), "-E", "-f",
        repoRoot.resolve("docs/porting.sed").toString())
        .redirectInput(input.toFile()).redirectError(errors.toFile()).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    assertThat(exit).as("sed's exit code; its errors: %s", Files.readString(errors)).isZero();
    return output;
  }

  private static Optional<Path> sedOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(java.io.File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "sed")).filter(Files::isExecutable).findFirst();
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

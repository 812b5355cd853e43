package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/examples.md and the examples together: every example with a {@code main} has a section there,
 * and the one command in its Javadoc, which runs that very class, appears in the section as it is.
 */
class ExamplesDocTest {
  private static final String COMMAND_START = "mvn -B -q -DskipTests package exec:java -pl dstream-examples -am";
  private static final Pattern MAIN_CLASS = Pattern.compile("-Dexec\\.mainClass=io\\.dstream\\.examples\\.(\\w+)");
  /** The example that runs when the command names no main class (the pom's {@code exec.mainClass}). */
  private static final String DEFAULT_EXAMPLE = "SelfFeedingWordCount";

  private static String examplesDoc;
  private static List<Path> exampleSources;

  @BeforeAll
  static void readTheDocAndTheSources() throws IOException {
    Path root = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath());
    examplesDoc = Files.readString(root.resolve("docs/examples.md"), StandardCharsets.UTF_8);
    exampleSources = new ArrayList<>();
    try (Stream<Path> sources = Files.list(root.resolve("dstream-examples/src/main/java/io/dstream/examples"))) {
      for (Path source : sources.sorted().toList()) {
        if (Files.readString(source, StandardCharsets.UTF_8).contains("public static void main(String[] args)")) {
          exampleSources.add(source);
        }
      }
    }
  }

  @Test
  void theExamplesAreFound() {
    assertThat(exampleSources).extracting(ExamplesDocTest::className).contains("NetworkWordCount",
        "StatefulNetworkWordCount", "WindowedNetworkWordCount", "RecoverableNetworkWordCount", "FileWordCount", "CustomReceiver", "QueueStream",
        "DirectKafkaWordCount", "ScaleOutWordCount", "StreamingKMeansExample", "StreamingLinearRegressionExample",
        "SqlNetworkWordCount", "SqlDictionaryJoin", DEFAULT_EXAMPLE);
  }

  @Test
  void everyExampleHasOneCommandInItsJavadocThatRunsIt() throws IOException {
    for (Path source : exampleSources) {
      List<String> commands = commandsIn(source);
      assertThat(commands).as("commands in the Javadoc of %s", source.getFileName()).hasSize(1);
      Matcher mainClass = MAIN_CLASS.matcher(commands.get(0));
      String runs = mainClass.find() ? mainClass.group(1) : DEFAULT_EXAMPLE;
      assertThat(runs).as("the class the command of %s runs", source.getFileName()).isEqualTo(className(source));
    }
  }

  @Test
  void everyExampleHasASectionInTheDocWithItsCommand() throws IOException {
    for (Path source : exampleSources) {
      String name = className(source);
      int section = examplesDoc.indexOf("\n## " + name + "\n");
      assertThat(section).as("the section '## %s' of docs/examples.md", name).isNotNegative();
      int next = examplesDoc.indexOf("\n## ", section + 1);
      String text = examplesDoc.substring(section, next < 0 ? examplesDoc.length() : next);
      assertThat(text).as("the section of %s", name).contains(commandsIn(source).get(0));
    }
  }

  private static List<String> commandsIn(Path source) throws IOException {
    return Files.readAllLines(source, StandardCharsets.UTF_8).stream()
        .map(String::strip)
        .filter(line -> line.startsWith("* " + COMMAND_START))
        .map(line -> line.substring(2).replace("&quot;", "\""))
        .toList();
  }

  private static String className(Path source) {
    String file = source.getFileName().toString();
    return file.substring(0, file.length() - ".java".length());
  }
}

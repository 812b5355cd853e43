package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.Durations;
import io.dstream.StreamingContext;
import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the programming guide's lineage example true: runs its {@code ```java} block (the one before the
 * marker comment) in a fresh context and compares what it prints with the {@code ```text} block right
 * after the marker.
 */
class LineageDocTest {
  private static final String GUIDE = "docs/programming-guide.md";
  private static final String MARKER = "<!-- lineage-output";

  @TempDir
  Path classes;

  @Test
  void theLineageExampleOfTheGuidePrintsWhatTheGuideShows() throws Exception {
    String markdown = Files.readString(
        DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath()).resolve(GUIDE), StandardCharsets.UTF_8);
    List<String> lines = markdown.lines().toList();
    List<Integer> markers = IntStream.range(0, lines.size()).filter(i -> lines.get(i).startsWith(MARKER))
        .map(i -> i + 1).boxed().toList();
    assertThat(markers).as("lines of %s that start with %s", GUIDE, MARKER).hasSize(1);
    int markerLine = markers.get(0);
    List<CodeBlock> blocks = MarkdownCodeBlocks.parse(GUIDE, markdown);
    CodeBlock example = blocks.stream().filter(b -> b.firstLine() < markerLine && b.language().equals("java"))
        .reduce((first, second) -> second).orElseThrow();
    CodeBlock expected = blocks.stream().filter(b -> b.firstLine() > markerLine).findFirst().orElseThrow();
    assertThat(expected.location()).as("the block after the marker").isEqualTo(GUIDE + ":" + (markerLine + 1));
    assertThat(expected.language()).isEqualTo("text");

    String printed = run(example);

    assertThat(printed.stripTrailing()).isEqualTo(expected.code().stripTrailing());
  }

  /** Compiles the block as the body of a method that gets a fresh context as {@code ssc}; returns its output. */
  private String run(CodeBlock example) throws Exception {
    String source = SnippetCompiler.IMPORTS + "public class LineageExample {\n"
        + "  public static void run(StreamingContext ssc) throws Exception {\n" + example.code() + "  }\n}\n";
    Path compiled = new SnippetCompiler(classes)
        .compileUnit(new CodeBlock(example.file(), example.firstLine(), "java", source));
    StreamingContext ssc = new StreamingContext("local[2]", "LineageDocTest", Durations.seconds(1));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream standardOut = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.toUri().toURL()},
        getClass().getClassLoader())) {
      System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
      loader.loadClass("LineageExample").getMethod("run", StreamingContext.class).invoke(null, ssc);
    } finally {
      System.setOut(standardOut);
      ssc.stop();
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}

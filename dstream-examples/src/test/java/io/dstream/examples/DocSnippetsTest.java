package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the documentation honest: every {@code ```java} block of README.md and docs/*.md must compile
 * against the current API. Blocks that are not Java say what they are ({@code ```text} for output,
 * {@code ```xml}, {@code ```bash}). How fragments are wrapped, and which names they may assume, is
 * described in {@link SnippetCompiler}.
 */
class DocSnippetsTest {
  private static Path repoRoot;
  private static List<CodeBlock> blocks;

  @TempDir
  Path classes;

  @BeforeAll
  static void readTheDocs() throws IOException {
    repoRoot = findRepoRoot(Path.of("").toAbsolutePath());
    List<Path> docs = new ArrayList<>();
    docs.add(repoRoot.resolve("README.md"));
    try (Stream<Path> guides = Files.list(repoRoot.resolve("docs"))) {
      guides.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    blocks = new ArrayList<>();
    for (Path doc : docs) {
      String name = repoRoot.relativize(doc).toString().replace('\\', '/');
      blocks.addAll(MarkdownCodeBlocks.parse(name, Files.readString(doc, StandardCharsets.UTF_8)));
    }
  }

  @Test
  void everyJavaBlockInTheDocsCompiles() {
    List<CodeBlock> javaBlocks = blocks.stream().filter(b -> b.language().equals("java")).toList();

    List<String> failures = new SnippetCompiler(classes).compile(javaBlocks);

    assertThat(failures).as("Java blocks of the docs that do not compile (fix the doc, or the API)").isEmpty();
  }

  @Test
  void theReadmeAndTheProgrammingGuideHaveJavaBlocksToCheck() {
    assertThat(javaBlocksIn("README.md")).isGreaterThanOrEqualTo(1);
    assertThat(javaBlocksIn("docs/programming-guide.md")).isGreaterThanOrEqualTo(10);
  }

  @Test
  void everyCodeBlockInTheDocsSaysWhatLanguageItIs() {
    List<String> unlabelled = blocks.stream().filter(b -> b.language().isEmpty())
        .map(b -> b.location() + ": code block without a language; use ```java, or ```text for output")
        .toList();

    assertThat(unlabelled).isEmpty();
  }

  @Test
  void reportsTheFileLineAndCompilerMessageOfEachBlockThatDoesNotCompile() {
    String doc = String.join("\n",
        "# A page",
        "```java",
        "DStream<Integer> lengths = lines.map(String::length);",
        "int wrong = \"not a number\";",
        "```",
        "",
        "```java",
        "import io.dstream.DStream;",
        "",
        "class Unknown {",
        "  DStream<String> stream = new NoSuchType();",
        "}",
        "```",
        "");

    List<String> failures = new SnippetCompiler(classes).compile(MarkdownCodeBlocks.parse("page.md", doc));

    assertThat(failures).hasSize(2);
    assertThat(failures.get(0)).startsWith("page.md:4: incompatible types")
        .endsWith("> int wrong = \"not a number\";");
    assertThat(failures.get(1)).startsWith("page.md:11: cannot find symbol").contains("NoSuchType");
  }

  @Test
  void compilesFragmentsOfStatementsAndOfMembersWithThePreamble() {
    String doc = String.join("\n",
        "```java",
        "StreamingContext ssc = new StreamingContext(\"local[2]\", \"app\", Durations.seconds(1));",
        "wordCounts.print();",
        "```",
        "```java",
        "static int twice(int x) {",
        "  return 2 * x;",
        "}",
        "```",
        "");

    assertThat(new SnippetCompiler(classes).compile(MarkdownCodeBlocks.parse("page.md", doc))).isEmpty();
  }

  private static long javaBlocksIn(String file) {
    return blocks.stream().filter(b -> b.file().equals(file) && b.language().equals("java")).count();
  }

  /**
   * Walks up from the working directory (Maven runs tests in the module directory) to the repository root,
   * the first directory that holds README.md.
   */
  static Path findRepoRoot(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no README.md in " + start + " or any directory above it; run the tests "
        + "from inside the repository");
  }
}

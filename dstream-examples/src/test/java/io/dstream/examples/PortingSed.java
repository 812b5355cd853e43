package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Ports Java sources with docs/porting.sed, as docs/porting.md tells users to ({@code sed -E -f porting.sed}),
 * and reads the Spark programs of the test resources {@code porting/} that the tests port. A test that ports
 * is skipped where no {@code sed} is on the PATH.
 */
final class PortingSed {
  private final Path script;
  private final Path work;

  /**
   * Creates a porter that runs the repository's script.
   *
   * @param work a directory for the temporary files of each run
   */
  PortingSed(Path work) {
    this.script = DocSnippetsTest.findRepoRoot(Path.of("").toAbsolutePath()).resolve("docs/porting.sed");
    this.work = work;
  }

  /**
   * Reads a Spark program of the test resources.
   *
   * @param resource its path under the test resources, such as {@code porting/JavaQueueWordCount.java.txt}
   * @return its text
   * @throws IOException if it cannot be read
   */
  static String sparkProgram(String resource) throws IOException {
    try (InputStream in = PortingSed.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("test resource " + resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Runs {@code sed -E -f docs/porting.sed} over a source; skips the test if there is no {@code sed}.
   *
   * @param source a Java source
   * @return the ported source
   * @throws IOException if the temporary files cannot be written
   * @throws InterruptedException if interrupted while sed runs
   */
  String port(String source) throws IOException, InterruptedException {
    Optional<Path> sed = sedOnPath();
    assumeThat(sed).as("sed on the PATH (docs/porting.sed is a sed script)").isPresent();
    Path input = Files.createTempFile(work, "source", ".java");
    Path errors = Files.createTempFile(work, "sed", ".err");
    Files.writeString(input, source, StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(sed.get().toString(), "-E", "-f", script.toString())
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
    return Stream.of(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
        .map(dir -> Path.of(dir, "sed")).filter(Files::isExecutable).findFirst();
  }
}

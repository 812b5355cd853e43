package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecoverableNetworkWordCount}'s {@code main} in a child JVM, fed by a TCP server on the loopback
 * interface: the test kills it with SIGKILL once the first lines are counted in the output file, starts it
 * again with the same arguments, feeds it more lines, and checks that the file went on where it was: what
 * it held at the kill is still there, the batches follow each other without a gap or a repeat, and the
 * counts add up to every line sent. The test waits by reading the child's output, a line or two per batch;
 * no sleeps. How long the child is down is up to the machine, so whether batches were missed meanwhile
 * varies; {@link RecoverableNetworkWordCountTest} makes that case happen on the manual clock.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RecoverableNetworkWordCountIT {
  @TempDir
  Path work;

  private Process child;

  @AfterEach
  void killTheChildIfItIsStillRunning() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void killedAndStartedAgainItAppendsOnWithoutLosingOrRepeatingABatch() throws Exception {
    List<List<String>> lines = SelfFeedingWordCount.generateLines(2, 20, 31);
    List<String> allLines = new ArrayList<>(lines.get(0));
    allLines.addAll(lines.get(1));
    Path output = work.resolve("out").resolve("counts.txt");

    try (LoopbackServer server = LoopbackServer.start()) {
      ChildOutput firstRun = startChild(server, output, "first-run");
      LoopbackServer.send(server.accept(), lines.get(0));
      firstRun.readUntilCounted(output, PlainWordCount.count(lines.get(0)));
      child.destroyForcibly().waitFor();
      List<String> atTheKill = wholeLines(output);

      ChildOutput secondRun = startChild(server, output, "second-run");
      LoopbackServer.send(server.accept(), lines.get(1));
      secondRun.readUntilCounted(output, PlainWordCount.count(allLines));

      List<String> after = wholeLines(output);
      assertThat(after).as("the file after the restart").startsWith(atTheKill.toArray(String[]::new));
      assertThat(after.size()).as("lines appended after the restart").isGreaterThan(atTheKill.size());
      List<Long> times = after.stream().map(CountsFile::timeOf).toList();
      long interval = RecoverableNetworkWordCount.BATCH_INTERVAL.milliseconds();
      for (int i = 1; i < times.size(); i++) {
        assertThat(times.get(i) - times.get(i - 1)).as("batch %d after batch %d; the file:%n%s", times.get(i),
            times.get(i - 1), String.join("\n", after)).isEqualTo(interval);
      }
    }
  }

  private ChildOutput startChild(LoopbackServer server, Path output, String run) throws IOException {
    Path log = work.resolve(run + ".log");
    child = ExampleJvm.command(RecoverableNetworkWordCount.class, log, server.host(), Integer.toString(server.port()),
        work.resolve("checkpoints").toString(), output.toString()).start();
    return new ChildOutput(child, log);
  }

  /** The lines of the output file that are complete: the child may be writing the next one. */
  private static List<String> wholeLines(Path output) throws IOException {
    if (!Files.exists(output)) {
      return List.of();
    }
    String text = Files.readString(output, StandardCharsets.UTF_8);
    return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
  }

  /** What the child prints, a line or two per batch, read as it comes. */
  private static final class ChildOutput {
    private final BufferedReader out;
    private final Path log;

    ChildOutput(Process process, Path log) {
      this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      this.log = log;
    }

    /** Reads the child's output until the counts in the file add up to the expected ones. */
    void readUntilCounted(Path output, Map<String, Integer> expected) throws IOException {
      while (!CountPairs.summedInCountsFile(wholeLines(output)).equals(expected)) {
        if (out.readLine() == null) {
          throw new AssertionError("the child ended before its output file counted " + expected + "; it holds "
              + CountPairs.summedInCountsFile(wholeLines(output)) + "; its log " + log + ":\n" + Files.readString(log));
        }
      }
    }
  }
}

package io.dstream.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Time;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CountsFileTest {
  @TempDir
  Path dir;

  @Test
  void appendsOneLinePerBatchAndCreatesTheFileAndItsDirectory() throws IOException {
    Path path = dir.resolve("out").resolve("counts.txt");
    CountsFile file = new CountsFile(path);

    assertThat(file.append(new Time(1000), "[(a,1)]")).isTrue();
    assertThat(file.append(new Time(2000), "[]")).isTrue();

    assertThat(Files.readAllLines(path))
        .containsExactly("Counts at time 1000 ms [(a,1)]", "Counts at time 2000 ms []");
  }

  @Test
  void aBatchRunAgainIsNotAppendedTwice() throws IOException {
    Path path = dir.resolve("counts.txt");
    CountsFile file = new CountsFile(path);
    file.append(new Time(1000), "[(a,1)]");
    file.append(new Time(2000), "[(b,1)]");

    assertThat(file.append(new Time(2000), "[(b,1)]")).isFalse();
    assertThat(file.append(new Time(1000), "[(a,1)]")).isFalse();

    assertThat(Files.readAllLines(path)).hasSize(2);
  }

  @Test
  void aFileOpenedAgainAfterARestartGoesOnAfterItsLastLine() throws IOException {
    Path path = dir.resolve("counts.txt");
    new CountsFile(path).append(new Time(1000), "[(a,1)]");
    new CountsFile(path).append(new Time(2000), "[(b,1)]");

    CountsFile restarted = new CountsFile(path);

    assertThat(restarted.append(new Time(2000), "[(b,1)]")).as("the batch that was running at the kill").isFalse();
    assertThat(restarted.append(new Time(3000), "[]")).isTrue();
    assertThat(Files.readAllLines(path)).containsExactly(
        "Counts at time 1000 ms [(a,1)]", "Counts at time 2000 ms [(b,1)]", "Counts at time 3000 ms []");
  }

  @Test
  void aLastLineCutShortByAKillIsReplacedByTheBatchRunAgain() throws IOException {
    Path path = dir.resolve("counts.txt");
    new CountsFile(path).append(new Time(1000), "[(a,1)]");
    Files.writeString(path, "Counts at time 2000 ms [(b,", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    CountsFile restarted = new CountsFile(path);

    assertThat(restarted.append(new Time(2000), "[(b,1)]")).isTrue();
    assertThat(Files.readAllLines(path))
        .containsExactly("Counts at time 1000 ms [(a,1)]", "Counts at time 2000 ms [(b,1)]");
  }

  @Test
  void aFileThatIsNotACountsFileIsRefused() throws IOException {
    Path path = Files.writeString(dir.resolve("notes.txt"), "my notes\n");

    assertThatThrownBy(() -> new CountsFile(path).append(new Time(1000), "[]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(path + " is not a counts file: its last line is 'my notes'; give another output file, or "
            + "delete this one");
    assertThat(Files.readString(path)).isEqualTo("my notes\n");
  }
}

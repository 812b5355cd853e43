package io.dstream.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Tuple2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code saveAsTextFile} and {@code saveAsObjectFile}: what the directory holds, reading it back, and misuse. */
class RddFilesTest extends RddTestBase {
  @TempDir
  Path dir;

  private static List<String> partFiles(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void saveAsTextFileWritesOneLinePerRecordInOnePartFilePerPartition() throws IOException {
    RDD<Tuple2<String, Integer>> rdd = ssc().parallelizePairs(List.of(new Tuple2<>("a", 1), new Tuple2<>("b", 2),
        new Tuple2<>("c", 3)), 2);
    Path target = dir.resolve("out/letters");
    rdd.saveAsTextFile(target.toString());

    assertThat(partFiles(target)).containsExactly("_SUCCESS", "part-00000", "part-00001");
    List<String> lines = new ArrayList<>();
    for (String part : List.of("part-00000", "part-00001")) {
      lines.addAll(Files.readAllLines(target.resolve(part), StandardCharsets.UTF_8));
    }
    assertThat(lines).isEqualTo(rdd.collect().stream().map(String::valueOf).toList());
  }

  @Test
  void saveAsTextFileReplacesAnExistingDirectory() throws IOException {
    Path target = dir.resolve("numbers");
    ssc().parallelize(List.of(1, 2, 3, 4), 4).saveAsTextFile(target.toString());
    ssc().parallelize(List.of(9), 1).saveAsTextFile(target.toString());
    assertThat(partFiles(target)).containsExactly("_SUCCESS", "part-00000");
    assertThat(Files.readAllLines(target.resolve("part-00000"))).containsExactly("9");
  }

  @Test
  void saveAsObjectFileIsReadBackByObjectFile() {
    List<Tuple2<String, List<Integer>>> data = List.of(new Tuple2<>("a", List.of(1, 2)), new Tuple2<>("b", List.of()),
        new Tuple2<>("c", List.of(3)));
    Path target = dir.resolve("objects");
    ssc().parallelize(data, 3).saveAsObjectFile(target.toString());

    RDD<Tuple2<String, List<Integer>>> back = ssc().objectFile(target.toString());
    assertThat(back.getNumPartitions()).isEqualTo(3);
    assertThat(back.collect()).isEqualTo(data);
  }

  @Test
  void badPathsAreRefused() throws IOException {
    RDD<Integer> rdd = ssc().parallelize(List.of(1));
    assertThatThrownBy(() -> rdd.saveAsTextFile("  ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saveAsTextFile: the path must not be blank");
    assertThatThrownBy(() -> rdd.saveAsObjectFile("bad\0name")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("saveAsObjectFile").hasMessageContaining("not a valid path");
    Path aFile = Files.writeString(dir.resolve("a-file"), "in the way");
    assertThatThrownBy(() -> rdd.saveAsTextFile(aFile.toString())).isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(aFile.toString());
  }
}

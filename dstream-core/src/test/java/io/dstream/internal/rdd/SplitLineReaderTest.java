package io.dstream.internal.rdd;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cutting a text file into {@link TextFileSplit}s and reading each with a {@link SplitLineReader}: across the
 * splits of a file, every line comes out exactly once and in order, whatever the split size (down to 1 byte,
 * so that cuts fall inside every {@code \r\n} and every multi-byte UTF-8 character), and the lines are
 * those that reading the whole file gives.
 */
class SplitLineReaderTest {
  private static final String MIXED = "unix\ndos\r\nold mac\rempty next\n\n\r\n"
      + "two bytes: é, three: €, four: \uD83D\uDE00\r\n\uD83D\uDE00\u00e9\u20ac\nlast line without newline";

  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @AfterEach
  void discard() {
    fs.discard();
  }

  @Test
  void everyLineExactlyOnceForEverySplitSize() {
    for (String text : List.of(MIXED, MIXED + "\n", MIXED + "\r\n", MIXED + "\r", "\n", "\r\n", "\r", "x",
        "\n\n\r\r\n\r", "é\r\n€")) {
      byte[] bytes = text.getBytes(UTF_8);
      Location file = write("file", bytes);
      for (int size = 1; size <= bytes.length + 1; size++) {
        assertThat(readAll(file, bytes.length, size)).as("%s cut every %d bytes", escape(text), size)
            .isEqualTo(wholeFileLines(bytes));
      }
    }
  }

  @Test
  void cutsInsideACarriageReturnNewlineAndInsideACharacterLoseAndRepeatNothing() {
    byte[] bytes = "ab\r\ncd\uD83D\uDE00ef\n".getBytes(UTF_8);
    Location file = write("file", bytes);
    // Byte 3 is the \n of the \r\n; bytes 6 to 9 are the four bytes of the emoji.
    assertThat(read(new TextFileSplit(file, 0, 3, bytes.length))).containsExactly("ab");
    assertThat(read(new TextFileSplit(file, 3, 4, bytes.length))).isEmpty();
    assertThat(read(new TextFileSplit(file, 4, 8, bytes.length))).containsExactly("cd\uD83D\uDE00ef");
    assertThat(read(new TextFileSplit(file, 8, bytes.length, bytes.length))).isEmpty();
  }

  @Test
  void randomFilesOfTerminatorsAndMultiByteCharactersReadTheSameInAnySplits() {
    Random random = new Random(42);
    String[] pieces = {"a", "bc", "\n", "\r", "\r\n", "é", "€", "\uD83D\uDE00", "\n\n", " "};
    for (int round = 0; round < 300; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        text.append(pieces[random.nextInt(pieces.length)]);
      }
      byte[] bytes = text.toString().getBytes(UTF_8);
      if (random.nextInt(4) == 0 && bytes.length > 0) {
        bytes[random.nextInt(bytes.length)] = (byte) 0xC3; // a malformed sequence somewhere
      }
      Location file = write("random", bytes);
      int size = 1 + random.nextInt(bytes.length + 1);
      assertThat(readAll(file, bytes.length, size)).as("round %d, cut every %d bytes", round, size)
          .isEqualTo(wholeFileLines(bytes));
    }
  }

  @Test
  void linesLongerThanTheReadBufferAreWholeInAnySplit() {
    String longLine = "x".repeat(150_000);
    byte[] bytes = ("short\n" + longLine + "\r\n" + longLine + "é\nend").getBytes(UTF_8);
    Location file = write("long", bytes);
    for (int size : new int[] {1_000, 65_535, 65_536, 65_537, 150_007, 200_000, bytes.length}) {
      assertThat(readAll(file, bytes.length, size)).as("cut every %d bytes", size)
          .containsExactly("short", longLine, longLine + "é", "end");
    }
  }

  @Test
  void bytesAppendedAfterTheFileWasTakenAreNotRead() throws IOException {
    Location file = write("growing", "a\nbc".getBytes(UTF_8));
    List<TextFileSplit> splits = TextFileSplit.of(file, 3, 2);
    try (var out = fs.create("/growing-more")) {
      out.write("a\nbc\nd\n".getBytes(UTF_8));
    }
    fs.rename("/growing-more", file.path());

    List<String> lines = new ArrayList<>();
    splits.forEach(split -> lines.addAll(read(split)));
    assertThat(lines).containsExactly("a", "b");
  }

  @Test
  void aFileOfUnknownLengthIsOneSplitReadToTheEnd() {
    Location file = write("unknown", "a\nb\n".getBytes(UTF_8));
    List<TextFileSplit> splits = TextFileSplit.of(file, -1, 1);

    assertThat(splits).hasSize(1);
    assertThat(read(splits.get(0))).containsExactly("a", "b");
  }

  @Test
  void splitsAreAboutEqualContiguousAndCoverTheFile() {
    Location file = new Location(fs, "/f");
    assertThat(TextFileSplit.of(file, 100, 30)).extracting(TextFileSplit::start, TextFileSplit::end)
        .containsExactly(tuple(0, 25), tuple(25, 50), tuple(50, 75), tuple(75, 100));
    assertThat(TextFileSplit.of(file, 100, 100)).extracting(TextFileSplit::start, TextFileSplit::end)
        .containsExactly(tuple(0, 100));
    assertThat(TextFileSplit.of(file, 0, 100)).singleElement().matches(TextFileSplit::isEmpty);
    for (long length = 1; length < 200; length++) {
      for (long max = 1; max <= length + 1; max++) {
        List<TextFileSplit> splits = TextFileSplit.of(file, length, max);
        long at = 0;
        for (TextFileSplit split : splits) {
          assertThat(split.start()).isEqualTo(at);
          assertThat(split.end() - split.start()).isBetween(1L, max);
          at = split.end();
        }
        assertThat(at).isEqualTo(length);
      }
    }
    assertThatThrownBy(() -> TextFileSplit.of(file, 10, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 0");
  }

  @Test
  void aFileThatCannotBeOpenedIsNamedInTheError() {
    Location missing = new Location(fs, "/missing");
    assertThatThrownBy(() -> SplitLineReader.open(TextFileSplit.of(missing, 10, 4).get(1)))
        .isInstanceOf(IOException.class).hasMessageContaining("cannot read the input file " + missing);
  }

  private static org.assertj.core.groups.Tuple tuple(long start, long end) {
    return org.assertj.core.groups.Tuple.tuple(start, end);
  }

  private Location write(String name, byte[] bytes) {
    try {
      fs.writeAtomically("/" + name, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Location(fs, "/" + name);
  }

  private List<String> readAll(Location file, long length, long maxSplitBytes) {
    List<String> lines = new ArrayList<>();
    for (TextFileSplit split : TextFileSplit.of(file, length, maxSplitBytes)) {
      lines.addAll(read(split));
    }
    return lines;
  }

  private static List<String> read(TextFileSplit split) {
    List<String> lines = new ArrayList<>();
    if (split.isEmpty()) {
      return lines;
    }
    try (SplitLineReader reader = SplitLineReader.open(split)) {
      reader.forEachRemaining(lines::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** The reference: the whole file decoded at once, then cut into lines. */
  private static List<String> wholeFileLines(byte[] bytes) {
    return new BufferedReader(new StringReader(new String(bytes, UTF_8))).lines().toList();
  }

  private static String escape(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}

package io.dstream.receiver.internal.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class LineIteratorTest {
  private static List<String> lines(byte[] bytes, int maxLineBytes, int chunkBytes) {
    List<String> lines = new ArrayList<>();
    new LineIterator(new ByteArrayInputStream(bytes), maxLineBytes, "test", chunkBytes).forEachRemaining(lines::add);
    return lines;
  }

  private static List<String> lines(String text, int maxLineBytes, int chunkBytes) {
    return lines(text.getBytes(StandardCharsets.UTF_8), maxLineBytes, chunkBytes);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void linesEndAtNewlineOrCrLfAndALastLineWithoutNewlineCounts() {
    assertThat(lines("a\n\nb\r\nc", 100, 64)).containsExactly("a", "", "b", "c");
    assertThat(lines("only\n", 100, 64)).containsExactly("only");
    assertThat(lines("", 100, 64)).isEmpty();
    assertThat(lines("\n", 100, 64)).containsExactly("");
  }

  @Test
  void linesSpanningManyReadsAreJoinedIncludingCharactersSplitAcrossReads() {
    String text = "hello wide world\nañb€c𝄞d\r\nend";

    for (int chunk = 1; chunk <= 8; chunk++) {
      assertThat(lines(text, 100, chunk)).as("chunk of %d bytes", chunk)
          .containsExactly("hello wide world", "añb€c𝄞d", "end");
    }
  }

  @Test
  void malformedUtf8BecomesReplacementCharactersAndTheRestOfTheLineSurvives() {
    byte[] bytes = concat(utf8("ok "), new byte[] {(byte) 0xFF, (byte) 0xFE}, utf8(" é\n"),
        new byte[] {(byte) 0xE2, (byte) 0x82}, utf8("\nnext\n"));

    List<String> lines = lines(bytes, 100, 64);

    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).isEqualTo("ok \uFFFD\uFFFD é");
    assertThat(lines.get(1)).matches("\uFFFD+");
    assertThat(lines.get(2)).isEqualTo("next");
  }

  @Test
  void aLongLineIsCutTheRestSkippedAndOnlyTheFirstCutWarns() {
    try (LogCapture log = new LogCapture(LineIterator.class)) {
      String text = "short\n" + "x".repeat(100) + "\n" + "y".repeat(50) + "\r\nend\n";

      assertThat(lines(text, 16, 7)).containsExactly("short", "x".repeat(16), "y".repeat(16), "end");
      assertThat(log.warnings()).singleElement().asString()
          .contains("from test is longer than 16 bytes")
          .contains("dstream.receiver.maxLineLength");
    }
  }

  @Test
  void aLineOfExactlyTheMaximumIsKeptWholeWithoutAWarning() {
    try (LogCapture log = new LogCapture(LineIterator.class)) {
      assertThat(lines("abcde\r\nvwxyz\n", 5, 3)).containsExactly("abcde", "vwxyz");
      assertThat(lines("abcde\r\nvwxyz\n", 5, 64)).containsExactly("abcde", "vwxyz");
      assertThat(log.warnings()).isEmpty();
    }
  }

  @Test
  void aCutNeverSplitsACharacter() {
    // "ab€cd": the 3-byte € occupies bytes 2 to 4, so a cut after 4 bytes keeps "ab" only.
    assertThat(lines("ab€cd\n", 4, 64)).containsExactly("ab");
    assertThat(lines("ab€cd\n", 5, 2)).containsExactly("ab€");
    assertThat(lines("a𝄞\n", 4, 64)).containsExactly("a");
  }

  @Test
  void aLineFarLongerThanTheMaximumIsSkippedWithoutBufferingIt() {
    long endlessLength = 64L << 20;
    InputStream endlessLine = new InputStream() {
      private long produced;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        byte[] tail = utf8("\nafter\n");
        if (produced >= endlessLength + tail.length) {
          return -1;
        }
        int count = 0;
        while (count < length && produced < endlessLength + tail.length) {
          buffer[offset + count++] = produced < endlessLength ? (byte) 'z' : tail[(int) (produced - endlessLength)];
          produced++;
        }
        return count;
      }
    };
    List<String> lines = new ArrayList<>();

    new LineIterator(endlessLine, 1024, "test").forEachRemaining(lines::add);

    assertThat(lines).containsExactly("z".repeat(1024), "after");
  }

  @Test
  void aReadErrorSurfacesAsUncheckedIoNamingTheSource() {
    InputStream failing = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        throw new IOException("connection reset");
      }
    };
    LineIterator iterator = new LineIterator(failing, 100, "host:9");

    assertThatThrownBy(iterator::hasNext)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("reading from host:9 failed: connection reset");
  }

  @Test
  void nextPastTheEndThrows() {
    LineIterator iterator = new LineIterator(new ByteArrayInputStream(utf8("one")), 100, "host:9");
    assertThat(iterator.next()).isEqualTo("one");

    assertThatThrownBy(iterator::next)
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("host:9 has no more lines");
  }

  @Test
  void aMaximumBelowOneByteIsRejected() {
    assertThatThrownBy(() -> new LineIterator(InputStream.nullInputStream(), 0, "test"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
    assertThatThrownBy(() -> new SocketTextReceiver("localhost", 9999, io.dstream.storage.StorageLevel.MEMORY_ONLY, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximum line length");
  }
}

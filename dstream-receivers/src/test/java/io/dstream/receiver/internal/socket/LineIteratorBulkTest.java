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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bulk path of line decoding, {@link LineIterator#nextLines}, against a plain-Java oracle (split the
 * decoded text at newlines, drop a trailing carriage return), for every read size and batch size that puts
 * a boundary inside a line, a {@code \r\n} or a multi-byte character.
 */
class LineIteratorBulkTest {
  private static final String TEXT = "plain ascii\r\nañb€c𝄞d\n\n\r\nx\rmid\nünï\r\nlast without newline";

  /** What splitting the whole text gives: the lines a socket text stream must store. */
  private static List<String> oracle(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    return lines;
  }

  private static List<String> bulk(InputStream in, int chunkBytes, int batchSize) {
    LineIterator lines = new LineIterator(in, 1000, "test", chunkBytes);
    Object[] batch = new Object[batchSize];
    List<String> all = new ArrayList<>();
    int count;
    while ((count = lines.nextLines(batch)) > 0) {
      for (int i = 0; i < count; i++) {
        all.add((String) batch[i]);
      }
    }
    return all;
  }

  @Test
  void everyReadAndBatchSizeGivesTheLinesOfTheOracle() {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    List<String> expected = oracle(TEXT);

    for (int chunk = 1; chunk <= bytes.length + 1; chunk++) {
      for (int batch : new int[] {1, 2, 3, 1024}) {
        assertThat(bulk(new ByteArrayInputStream(bytes), chunk, batch))
            .as("reads of %d bytes, batches of %d lines", chunk, batch).isEqualTo(expected);
      }
    }
  }

  @Test
  void aBatchHoldsTheWholeLinesOfOneReadAndDoesNotWaitForMore() {
    // A source that sends two whole lines and half a third, then nothing yet: the first call must return
    // the two lines without blocking for the rest.
    byte[] first = "one\r\ntwo\nthr".getBytes(StandardCharsets.UTF_8);
    InputStream slow = new InputStream() {
      private int reads;

      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (reads++ > 0) {
          throw new AssertionError("read again although whole lines were waiting");
        }
        System.arraycopy(first, 0, buffer, offset, first.length);
        return first.length;
      }
    };
    Object[] batch = new Object[10];

    int count = new LineIterator(slow, 1000, "test", 64).nextLines(batch);

    assertThat(Arrays.copyOf(batch, count)).containsExactly("one", "two");
  }

  @Test
  void aDroppedConnectionKeepsTheWholeLinesBeforeItAndLosesOnlyThePartialLine() {
    byte[] before = "kept one\nkept two\r\npartial".getBytes(StandardCharsets.UTF_8);
    InputStream dropping = new InputStream() {
      private boolean sent;

      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (sent) {
          throw new IOException("connection reset");
        }
        sent = true;
        System.arraycopy(before, 0, buffer, offset, before.length);
        return before.length;
      }
    };
    LineIterator lines = new LineIterator(dropping, 1000, "host:9", 64);
    Object[] batch = new Object[10];

    int count = lines.nextLines(batch);

    assertThat(Arrays.copyOf(batch, count)).containsExactly("kept one", "kept two");
    assertThatThrownBy(() -> lines.nextLines(batch))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("reading from host:9 failed: connection reset");
  }

  @Test
  void aNewlineOrANonAsciiCharacterAtAnyPlaceOfAnEightByteWordIsFound() {
    StringBuilder text = new StringBuilder();
    for (int length = 0; length <= 20; length++) {
      text.append("a".repeat(length)).append('\n');
      for (int at = 0; at < length; at++) {
        text.append("a".repeat(at)).append('é').append("a".repeat(length - at - 1))
            .append(at % 2 == 0 ? "\n" : "\r\n");
      }
    }

    assertThat(bulk(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), 4096, 1024))
        .isEqualTo(oracle(text.toString()));
  }

  @Test
  void aLoneMalformedByteAtAnyPlaceOfAWordDecodesAsAReplacementCharacter() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int length = 1; length <= 20; length++) {
      for (int at = 0; at < length; at++) {
        byte[] line = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
        line[at] = (byte) 0xFF;
        bytes.writeBytes(line);
        bytes.write('\n');
      }
    }
    byte[] all = bytes.toByteArray();

    assertThat(bulk(new ByteArrayInputStream(all), 4096, 1024))
        .isEqualTo(oracle(new String(all, StandardCharsets.UTF_8)));
  }

  @Test
  void asciiAndNonAsciiLinesDecodeAlikeThroughEitherPath() {
    String text = "abc\nÿ\u0080\n€\n" + "z".repeat(300) + "\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<String> iterated = new ArrayList<>();
    new LineIterator(new ByteArrayInputStream(bytes), 1000, "test", 7).forEachRemaining(iterated::add);

    assertThat(bulk(new ByteArrayInputStream(bytes), 4096, 8)).isEqualTo(oracle(text)).isEqualTo(iterated);
  }
}

package io.dstream.internal.output;

import io.dstream.checkpoint.internal.serializer.ObjectWriter;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * How one partition's records become the bytes of one part file.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface PartFileFormat<T> {
  /**
   * Writes a partition's records; the caller opens and closes the stream.
   *
   * @param records the records; computing them may throw the user's exception
   * @param out the part file
   * @throws IOException if writing fails
   */
  void write(Iterator<T> records, OutputStream out) throws IOException;

  /**
   * The text format of {@code saveAsTextFiles}: each record's {@code toString()} (or {@code null}) on its
   * own line, in UTF-8, lines ending in {@code \n}.
   *
   * @param <T> the record type
   * @return the format
   */
  static <T> PartFileFormat<T> text() {
    return (records, out) -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      while (records.hasNext()) {
        writer.write(String.valueOf(records.next()));
        writer.write('\n');
      }
      writer.flush();
    };
  }

  /**
   * The format of {@code saveAsObjectFiles}: an object stream (see {@link ObjectWriter}), one frame per
   * record.
   *
   * @param serializer turns records into bytes
   * @param <T> the record type
   * @return the format
   */
  static <T> PartFileFormat<T> objects(Serializer serializer) {
    return (records, out) -> {
      ObjectWriter writer = new ObjectWriter(serializer, out);
      while (records.hasNext()) {
        writer.write(records.next());
      }
      writer.flush();
    };
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.rdd.JobFailedException;
import io.dstream.testing.CollectedOutput;
import io.dstream.testing.TestStreamingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code binaryRecordsStream}: the new files of a directory cut into records of a fixed length, taken by the
 * batches as a text file stream's files are; a file whose length is not a multiple of the record length fails
 * its batch, as in Spark. Files live in a {@code memory:} namespace; batches are 1 s.
 */
class BinaryRecordsStreamTest {
  private static final HexFormat HEX = HexFormat.of();

  private final MemoryInputDirectory input = new MemoryInputDirectory();
  private TestStreamingContext t = TestStreamingContext.create(Durations.seconds(1));

  @AfterEach
  void close() {
    t.close();
    input.close();
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  /** The plain-Java oracle: a file's bytes cut into consecutive records, as hex strings. */
  private static List<String> records(byte[] file, int recordLength) {
    List<String> records = new ArrayList<>();
    for (int start = 0; start < file.length; start += recordLength) {
      records.add(HEX.formatHex(Arrays.copyOfRange(file, start, start + recordLength)));
    }
    return records;
  }

  private static List<List<String>> hex(CollectedOutput<byte[]> out) {
    return out.batches().stream().map(batch -> batch.stream().map(HEX::formatHex).toList()).toList();
  }

  @Test
  void eachBatchHoldsTheFixedLengthRecordsOfItsNewFilesInFileOrder() {
    Random random = new Random(12);
    int recordLength = 7;
    byte[] a = randomBytes(random, 7 * 5);
    byte[] b = randomBytes(random, 7 * 3);
    byte[] c = randomBytes(random, 7 * 11);
    CollectedOutput<byte[]> out = t.collect(t.context().binaryRecordsStream(input.uri(), recordLength));

    input.putBytes("a", 200, a);
    input.putBytes("b", 900, b);
    t.runBatches(1);
    input.putBytes("c", 1_500, c);
    input.putBytes("empty", 1_600, new byte[0]);
    t.runBatches(2);

    List<String> first = new ArrayList<>(records(a, recordLength));
    first.addAll(records(b, recordLength));
    assertThat(hex(out)).containsExactly(first, records(c, recordLength), List.of());
  }

  @Test
  void aLargeFileIsReadInPartitionsOfWholeRecords() {
    t.close();
    t = TestStreamingContext.create(Durations.seconds(1),
        new StreamingConf().set("dstream.fileStream.maxPartitionBytes", "10"));
    byte[] file = randomBytes(new Random(13), 4 * 9);
    InputDStream<byte[]> records = t.context().binaryRecordsStream(input.uri(), 4);
    CollectedOutput<byte[]> out = t.collect(records);
    List<Integer> partitions = new ArrayList<>();
    records.foreachRDD(rdd -> {
      partitions.add(rdd.getNumPartitions());
    });

    input.putBytes("big", 500, file);
    t.runBatches(1);

    assertThat(hex(out)).containsExactly(records(file, 4));
    // 36 bytes in ranges of at most 10 bytes of whole 4-byte records: 5 ranges of 2 records, the last of 1.
    assertThat(partitions).containsExactly(5);
  }

  @Test
  void everyRecordIsAnArrayOfItsOwn() {
    CollectedOutput<byte[]> out = t.collect(t.context().binaryRecordsStream(input.uri(), 2));
    input.putBytes("same", 100, new byte[] {1, 1, 1, 1, 1, 1});

    t.runBatches(1);

    List<byte[]> batch = out.batches().get(0);
    assertThat(batch).hasSize(3);
    assertThat(batch.get(0)).isNotSameAs(batch.get(1)).isNotSameAs(batch.get(2));
  }

  @Test
  void aFileWhoseLengthIsNotAMultipleOfTheRecordLengthFailsItsBatchNamingTheFile() {
    t.collect(t.context().binaryRecordsStream(input.uri(), 4));
    input.putBytes("whole", 100, new byte[8]);
    input.putBytes("torn", 200, new byte[10]);

    assertThatThrownBy(() -> t.runBatches(1)).isInstanceOf(JobFailedException.class)
        .cause().isInstanceOf(IOException.class)
        .hasMessageContaining(input.uri() + "/torn")
        .hasMessageContaining("ends with a partial record: 2 bytes after its last whole record of 4 bytes")
        .hasMessageContaining("a multiple of the record length");
  }

  @Test
  void aRecordLengthBelowOneIsRefused() {
    assertThatThrownBy(() -> t.context().binaryRecordsStream(input.uri(), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("binaryRecordsStream(" + input.uri() + ", 0)")
        .hasMessageContaining("the record length must be a positive number of bytes");
  }
}

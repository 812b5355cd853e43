package io.dstream.internal.stream;

import io.dstream.checkpoint.fs.Location;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.FixedLengthRecordsRddNode;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.TextFileSplit;
import io.dstream.internal.rdd.TextFilesRddNode;
import io.dstream.internal.stream.FileStreamProgress.TakenFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a file stream makes of the files one batch took: the batch's RDD, whose records are the files' lines
 * ({@code textFileStream}, {@code fileStream}) or their fixed-length records ({@code binaryRecordsStream}).
 * Which files a batch takes, and what is checkpointed of it, is the same for every reader
 * ({@link FileInputStreamNode}).
 *
 * @param <T> the record type
 */
public interface FileBatchReader<T> {
  /**
   * Returns the RDD that reads the files a batch took.
   *
   * @param directory the stream's directory
   * @param files the files, as they were when the batch took them
   * @return the batch's RDD
   */
  RddNode<T> read(Location directory, List<TakenFile> files);

  /**
   * Returns the name of the operation that created the stream, part of its fingerprint in checkpoints.
   *
   * @return such as {@code fileStream}
   */
  String operationName();

  /**
   * Returns the reader's parameters that decide what a batch holds, part of the stream's fingerprint.
   *
   * @return the parameters, empty if none
   */
  Map<String, String> parameters();

  /**
   * Reads files as UTF-8 lines, one partition per {@code maxPartitionBytes} of a file.
   *
   * @param engine the engine the RDDs run on
   * @param maxPartitionBytes the most bytes of a file that one partition reads
   * @return the reader
   */
  static FileBatchReader<String> lines(Engine engine, long maxPartitionBytes) {
    return new FileBatchReader<>() {
      @Override
      public RddNode<String> read(Location directory, List<TakenFile> files) {
        List<TextFileSplit> splits = new ArrayList<>(files.size());
        for (TakenFile file : files) {
          splits.addAll(TextFileSplit.of(directory.child(file.name()), file.length(), maxPartitionBytes));
        }
        return new TextFilesRddNode(engine, splits);
      }

      @Override
      public String operationName() {
        return "fileStream";
      }

      @Override
      public Map<String, String> parameters() {
        return Map.of();
      }
    };
  }

  /**
   * Reads files as records of {@code recordLength} bytes, one partition per {@code maxPartitionBytes} of
   * whole records of a file.
   *
   * @param engine the engine the RDDs run on
   * @param recordLength the length of every record, at least 1
   * @param maxPartitionBytes the most bytes of a file that one partition reads
   * @return the reader
   */
  static FileBatchReader<byte[]> fixedLengthRecords(Engine engine, int recordLength, long maxPartitionBytes) {
    return new FileBatchReader<>() {
      @Override
      public RddNode<byte[]> read(Location directory, List<TakenFile> files) {
        List<FixedLengthRecordsRddNode.Range> ranges = new ArrayList<>(files.size());
        for (TakenFile file : files) {
          ranges.addAll(FixedLengthRecordsRddNode.ranges(directory.child(file.name()), file.length(), recordLength,
              maxPartitionBytes));
        }
        return new FixedLengthRecordsRddNode(engine, ranges, recordLength);
      }

      @Override
      public String operationName() {
        return "binaryRecordsStream";
      }

      /** The record length: restored into a stream that cuts them otherwise, a batch would read other records. */
      @Override
      public Map<String, String> parameters() {
        return Map.of("recordLength", String.valueOf(recordLength));
      }
    };
  }
}

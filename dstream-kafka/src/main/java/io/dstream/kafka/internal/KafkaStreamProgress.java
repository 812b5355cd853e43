package io.dstream.kafka.internal;

import io.dstream.Time;
import io.dstream.kafka.OffsetRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * What a direct stream has taken, as stored in the metadata checkpoint: the next offset of every partition, and
 * the offset ranges of each batch that a restart may run again or a window may recompute. It is stored as text
 * (one line per fact), so that the checkpoint needs no class of this module to be registered with Kryo and
 * stays readable:
 *
 * <pre>
 * dstream-kafka-progress 1
 * next orders 0 150
 * batch 1000 orders 0 100 150
 * </pre>
 *
 * <p>Kafka topic names hold only letters, digits, '.', '_' and '-', so a space separates the fields.
 *
 * @param next the offset each partition's next range starts at
 * @param batches the ranges of each remembered batch, by time
 */
record KafkaStreamProgress(Map<TopicPartition, Long> next, TreeMap<Time, List<OffsetRange>> batches) {
  private static final String HEADER = "dstream-kafka-progress 1";

  /** Returns the text form. */
  String encode() {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    next.forEach((partition, offset) -> text.append("next ").append(partition.topic()).append(' ')
        .append(partition.partition()).append(' ').append(offset).append('\n'));
    batches.forEach((time, ranges) -> ranges.forEach(range -> text.append("batch ").append(time.milliseconds())
        .append(' ').append(range.topic()).append(' ').append(range.partition()).append(' ')
        .append(range.fromOffset()).append(' ').append(range.untilOffset()).append('\n')));
    return text.toString();
  }

  /**
   * Reads the text form back.
   *
   * @param stored what the checkpoint holds
   * @param stream the stream, for messages
   * @return the progress
   * @throws IllegalStateException if the value is not a Kafka stream's progress
   */
  static KafkaStreamProgress decode(Object stored, Object stream) {
    if (!(stored instanceof String text) || !text.startsWith(HEADER + "\n")) {
      throw new IllegalStateException("the checkpoint holds " + (stored == null ? "nothing" : "a "
          + stored.getClass().getName()) + " for " + stream + ", not the progress of a Kafka direct stream");
    }
    Map<TopicPartition, Long> next = new LinkedHashMap<>();
    TreeMap<Time, List<OffsetRange>> batches = new TreeMap<>();
    for (String line : text.substring(HEADER.length() + 1).split("\n")) {
      String[] fields = line.split(" ");
      try {
        if (fields[0].equals("next") && fields.length == 4) {
          next.put(new TopicPartition(fields[1], Integer.parseInt(fields[2])), Long.parseLong(fields[3]));
        } else if (fields[0].equals("batch") && fields.length == 6) {
          batches.computeIfAbsent(new Time(Long.parseLong(fields[1])), t -> new ArrayList<>()).add(OffsetRange.create(
              fields[2], Integer.parseInt(fields[3]), Long.parseLong(fields[4]), Long.parseLong(fields[5])));
        } else if (!line.isEmpty()) {
          throw new IllegalStateException("unknown line '" + line + "'");
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException("the checkpoint's progress of " + stream + " is malformed at '" + line
            + "': " + e.getMessage(), e);
      }
    }
    batches.replaceAll((time, ranges) -> List.copyOf(ranges));
    return new KafkaStreamProgress(next, batches);
  }
}

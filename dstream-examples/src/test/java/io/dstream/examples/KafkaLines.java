package io.dstream.examples;

import io.dstream.StreamingContext;
import io.dstream.kafka.testing.EmbeddedKafka;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Lines of text in Kafka topics for the tests of the Kafka examples: writes them spread over every partition of
 * the topics, and reads the topics' end offsets and a group's committed offsets.
 */
final class KafkaLines {
  private static final long BATCH_TIMEOUT_SECONDS = 60;

  private KafkaLines() {}

  /**
   * Writes lines as the values of records, line {@code i} to topic {@code i % topics} and, within the topics, to
   * the partitions in turn; returns once all are written.
   *
   * @param kafka the broker
   * @param topics the topics, which exist
   * @param partitions how many partitions each topic has
   * @param lines the lines
   */
  static void write(EmbeddedKafka kafka, List<String> topics, int partitions, List<String> lines) {
    List<ProducerRecord<String, String>> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      int partition = (i / topics.size()) % partitions;
      records.add(new ProducerRecord<>(topics.get(i % topics.size()), partition, null, lines.get(i)));
    }
    kafka.send(records);
  }

  /**
   * Writes lines (as {@link #write} does) once a batch of a context has completed: a direct stream of a group
   * without committed offsets starts at the end of its topics when its first batch is generated, so lines
   * written after that are the first it reads.
   *
   * @param ssc the context, started or not
   * @param kafka the broker
   * @param topics the topics
   * @param partitions how many partitions each topic has
   * @param lines the lines; none is fine
   * @return done once the lines are written; failed if no batch completed within a minute
   */
  static CompletableFuture<Void> writeAfterABatch(StreamingContext ssc, EmbeddedKafka kafka, List<String> topics,
      int partitions, List<String> lines) {
    CountDownLatch batchCompleted = new CountDownLatch(1);
    ssc.addStreamingListener(new StreamingListener() {
      @Override
      public void onBatchCompleted(StreamingListenerBatchCompleted event) {
        batchCompleted.countDown();
      }
    });
    return CompletableFuture.runAsync(() -> {
      try {
        if (!batchCompleted.await(BATCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("no batch completed within " + BATCH_TIMEOUT_SECONDS + " s");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for a batch", e);
      }
      write(kafka, topics, partitions, lines);
    });
  }

  /**
   * Returns the end offset of every partition of some topics.
   *
   * @param kafka the broker
   * @param topics the topics
   * @param partitions how many partitions each topic has
   * @return each partition's end offset
   * @throws ExecutionException if the broker does not answer
   * @throws InterruptedException if interrupted while waiting for it
   */
  static Map<TopicPartition, Long> endOffsets(EmbeddedKafka kafka, List<String> topics, int partitions)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (String topic : topics) {
      for (int p = 0; p < partitions; p++) {
        latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
      }
    }
    Map<TopicPartition, Long> ends = new TreeMap<>(KafkaLines::compare);
    kafka.admin().listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  /**
   * Returns the offsets a consumer group has committed.
   *
   * @param kafka the broker
   * @param groupId the group
   * @return each partition's committed offset; empty if the group has committed none
   * @throws ExecutionException if the broker does not answer
   * @throws InterruptedException if interrupted while waiting for it
   */
  static Map<TopicPartition, Long> committedOffsets(EmbeddedKafka kafka, String groupId)
      throws ExecutionException, InterruptedException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        kafka.admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, Long> offsets = new TreeMap<>(KafkaLines::compare);
    committed.forEach((partition, offset) -> {
      if (offset != null) {
        offsets.put(partition, offset.offset());
      }
    });
    return offsets;
  }

  private static int compare(TopicPartition a, TopicPartition b) {
    int byTopic = a.topic().compareTo(b.topic());
    return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
  }
}

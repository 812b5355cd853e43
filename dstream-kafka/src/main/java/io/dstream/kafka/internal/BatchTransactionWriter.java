package io.dstream.kafka.internal;

import io.dstream.Time;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An exactly-once sink's writer in a scale-out application: sends the records in the batch's transaction
 * ({@link BatchTransaction}), which commits them together with the batch's offsets and state changes. A
 * partition's write returns once its records are sent; the batch's commit waits until Kafka has them all.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BatchTransactionWriter<K, V> implements PartitionWriter<K, V> {
  private final BatchTransaction transaction;
  private final Serializer<K> keySerializer;
  private final Serializer<V> valueSerializer;

  /**
   * Creates the writer, with the serializers the producer settings name.
   *
   * @param transaction the batches' transaction
   * @param producerParams the sink's producer settings, with the key and value serializers
   */
  @SuppressWarnings("unchecked")
  public BatchTransactionWriter(BatchTransaction transaction, Map<String, Object> producerParams) {
    this.transaction = transaction;
    ProducerConfig config = new ProducerConfig(new HashMap<>(producerParams));
    this.keySerializer = config.getConfiguredInstance(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, Serializer.class);
    this.keySerializer.configure(config.originals(), true);
    this.valueSerializer =
        config.getConfiguredInstance(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, Serializer.class);
    this.valueSerializer.configure(config.originals(), false);
  }

  @Override
  public void write(Time batch, int partition, int partitions, Iterator<ProducerRecord<K, V>> records) {
    while (records.hasNext()) {
      ProducerRecord<K, V> record = records.next();
      transaction.send(batch, new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(),
          keySerializer.serialize(record.topic(), record.headers(), record.key()),
          valueSerializer.serialize(record.topic(), record.headers(), record.value()), record.headers()));
    }
  }

  @Override
  public void close() {
    keySerializer.close();
    valueSerializer.close();
  }
}

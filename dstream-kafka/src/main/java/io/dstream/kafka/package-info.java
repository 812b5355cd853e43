/**
 * Kafka for dstream, with the Java API of Spark's {@code spark-streaming-kafka-0-10}: a direct stream
 * ({@link io.dstream.kafka.KafkaUtils#createDirectStream}) whose batches are offset ranges, kept in the metadata
 * checkpoint so that a restart reads every record exactly once.
 */
package io.dstream.kafka;

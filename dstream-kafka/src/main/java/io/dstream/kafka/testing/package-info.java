/**
 * A real Kafka broker for tests of Kafka pipelines: {@link io.dstream.kafka.testing.EmbeddedKafka}.
 */
package io.dstream.kafka.testing;

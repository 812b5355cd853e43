package io.dstream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Collects every record of a stream running on the system clock, so that a test can wait (with a bound) for
 * a number of records to have been processed.
 */
final class RecordSink<T> {
  private final List<T> records = new ArrayList<>();
  private final Semaphore arrived = new Semaphore(0);

  private RecordSink() {}

  /** Registers an output operation that collects the stream's records, in batch and partition order. */
  static <T> RecordSink<T> of(DStream<T> stream) {
    RecordSink<T> sink = new RecordSink<>();
    stream.foreachRDD(rdd -> sink.add(rdd.collect()));
    return sink;
  }

  private synchronized void add(List<T> batch) {
    records.addAll(batch);
    arrived.release(batch.size());
  }

  /** Waits until at least {@code count} records have been processed, and returns all those processed. */
  List<T> await(int count) throws InterruptedException {
    if (!arrived.tryAcquire(count, ReceiverKit.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("only " + snapshot().size() + " of " + count + " records arrived within "
          + ReceiverKit.TIMEOUT_SECONDS + " s: " + snapshot());
    }
    arrived.release(count);
    return snapshot();
  }

  private synchronized List<T> snapshot() {
    return List.copyOf(records);
  }
}

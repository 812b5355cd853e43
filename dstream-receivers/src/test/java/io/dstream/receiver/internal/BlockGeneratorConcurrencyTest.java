package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The lock-free store path of {@link BlockGenerator}: several threads storing at once (single records and
 * arrays of them) while blocks are cut, a stop racing with stores, and the bulk path's bound and rate.
 */
class BlockGeneratorConcurrencyTest {
  private static final int THREADS = 4;
  private static final int PER_THREAD = 50_000;
  private static final int BOUND = 1000;

  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final List<List<Object>> blocks = Collections.synchronizedList(new ArrayList<>());

  private BlockGenerator generator(int bound, RateLimiter limiter) {
    return new BlockGenerator("stream 1", 200, bound, clock, limiter, blocks::add, (message, error) -> {});
  }

  /** A thread that keeps moving the clock a block interval on, so that blocks are cut while threads store. */
  private final class BlockCutter {
    private final AtomicBoolean cutting = new AtomicBoolean(true);
    private final Thread thread = new Thread(() -> {
      while (cutting.get()) {
        clock.advance(200);
      }
    }, "block-timer");

    BlockCutter() {
      thread.start();
    }

    void stop() throws InterruptedException {
      cutting.set(false);
      thread.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    }
  }

  /** A record: which thread stored it and its place in that thread's sequence. */
  private record Tagged(int thread, int seq) {}

  @Test
  void recordsStoredFromSeveralThreadsWhileBlocksAreCutAreEachStoredOnceInTheirThreadsOrder()
      throws InterruptedException {
    BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
    generator.start();
    BlockCutter cutter = new BlockCutter();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      threads.add(new Thread(() -> store(generator, thread, PER_THREAD), "storing-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    }
    cutter.stop();
    generator.stop();

    List<Object> all = concatenated();
    assertThat(all).hasSize(THREADS * PER_THREAD);
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      assertThat(all.stream().map(Tagged.class::cast).filter(record -> record.thread() == thread)
          .map(Tagged::seq).toList()).as("thread %d", t)
          .isEqualTo(IntStream.range(0, PER_THREAD).boxed().toList());
    }
  }

  @Test
  void threadsThatStoreAndEndWhileBlocksAreCutHaveEachRecordStoredOnce() throws InterruptedException {
    // One thread per connection, each ending after its last store: the cutter drops the buffer of an ended
    // thread, and must never drop one holding records that no cut took.
    BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
    generator.start();
    BlockCutter cutter = new BlockCutter();
    int connections = 500;
    for (int t = 0; t < connections; t++) {
      int thread = t;
      Thread connection = new Thread(() -> store(generator, thread, 3), "connection-" + t);
      connection.start();
      connection.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    }
    cutter.stop();
    generator.stop();

    List<Tagged> all = concatenated().stream().map(Tagged.class::cast).toList();
    List<Tagged> expected = new ArrayList<>();
    for (int t = 0; t < connections; t++) {
      for (int seq = 0; seq < 3; seq++) {
        expected.add(new Tagged(t, seq));
      }
    }
    assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Stores even-numbered runs one record at a time and odd-numbered runs as arrays of up to 37 records. */
  private static void store(BlockGenerator generator, int thread, int count) {
    int seq = 0;
    int run = 0;
    while (seq < count) {
      int length = Math.min(count - seq, 1 + run % 37);
      if (run % 2 == 0) {
        for (int i = 0; i < length; i++) {
          generator.addData(new Tagged(thread, seq++));
        }
      } else {
        Object[] records = new Object[length + 3];
        for (int i = 0; i < length; i++) {
          records[i] = new Tagged(thread, seq++);
        }
        generator.addAll(records, length);
      }
      run++;
    }
  }

  @Test
  void aStopRacingWithStoresKeepsExactlyTheRecordsWhoseStoreReturned() throws InterruptedException {
    for (int round = 0; round < 20; round++) {
      blocks.clear();
      BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
      generator.start();
      int[] accepted = new int[THREADS];
      CountDownLatch started = new CountDownLatch(THREADS);
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(new Thread(() -> {
          started.countDown();
          try {
            for (int seq = 0; ; seq++) {
              generator.addData(new Tagged(thread, seq));
              accepted[thread] = seq + 1;
            }
          } catch (IllegalStateException refused) {
            // the generator stopped: the refused record and those after it are not stored
          }
        }, "storing-" + t));
      }
      threads.forEach(Thread::start);
      Await.latch(started, "the storing threads");
      clock.advance(200);
      generator.stop();
      for (Thread thread : threads) {
        thread.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
      }

      List<Object> all = concatenated();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        assertThat(all.stream().map(Tagged.class::cast).filter(record -> record.thread() == thread)
            .map(Tagged::seq).toList()).as("round %d, thread %d", round, t)
            .isEqualTo(IntStream.range(0, accepted[t]).boxed().toList());
      }
    }
  }

  @Test
  void theBufferBoundHoldsPerStoringThreadAndTheCutTakesEveryThreadsRecords() throws InterruptedException {
    BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
    generator.start();
    Thread other = new Thread(() -> IntStream.range(0, BOUND - 1).forEach(i -> generator.addData("other")),
        "other-storing-thread");
    other.start();
    other.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    IntStream.range(0, BOUND - 1).forEach(i -> generator.addData("this"));
    assertThat(blocks).as("neither thread has filled its buffer").isEmpty();

    generator.addData("this");

    assertThat(blocks).singleElement().satisfies(block -> {
      assertThat(block).hasSize(2 * BOUND - 1);
      assertThat(block.stream().filter("this"::equals).count()).isEqualTo(BOUND);
    });
  }

  @Test
  void aStoreOfManyRecordsCutsABlockEachTimeTheBufferFills() {
    BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
    generator.start();
    Object[] records = IntStream.range(0, 2 * BOUND + 500).boxed().toArray();

    generator.addAll(records, records.length);
    clock.advance(200);

    assertThat(blocks).hasSize(3);
    assertThat(blocks.get(0)).hasSize(BOUND);
    assertThat(blocks.get(1)).hasSize(BOUND);
    assertThat(concatenated()).containsExactly(records);
  }

  @Test
  void aStoreOfManyRecordsCostsThemAllOfTheRate() {
    BlockGenerator generator = generator(BOUND, new RateLimiter(10, clock));
    generator.start();

    generator.addAll(new Object[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, 10);
    generator.addData(10);

    assertThat(clock.sleptNanos()).isCloseTo(1_000_000_000L, within(1_000L));
  }

  @Test
  void aStoreOfManyRecordsIsRefusedWhenStoppedAndChecksItsArguments() {
    BlockGenerator generator = generator(BOUND, new RateLimiter(0, clock));
    assertThatThrownBy(() -> generator.addAll(new Object[2], 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot buffer 3 records of an array of 2");
    assertThatThrownBy(() -> generator.addAll(null, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot buffer 0 records of a null array");
    generator.start();
    generator.stop();

    assertThatThrownBy(() -> generator.addAll(new Object[] {"late"}, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been stopped");
    assertThat(blocks).isEmpty();
  }

  private List<Object> concatenated() {
    synchronized (blocks) {
      return blocks.stream().flatMap(List::stream).toList();
    }
  }
}

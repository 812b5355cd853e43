package io.dstream.internal.rdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.StreamingContext;
import io.dstream.rdd.JobFailedException;
import io.dstream.rdd.RDD;
import java.io.Closeable;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a source partition opens for its task (an input file) is closed when the task ends, also when the
 * task stops reading early, as {@code take} and {@code first} do, and when it fails: a file stream's
 * {@code print()} must not leave a file open per batch.
 */
class TaskResourcesTest {
  private final StreamingContext ssc = new StreamingContext(
      new StreamingConf().setMaster("local[2]").set("dstream.task.maxFailures", "3"), Durations.seconds(1));
  private final Engine engine = RddAccess.node(ssc.parallelize(List.of(1), 1)).engine();

  @AfterEach
  void stop() {
    ssc.stop();
  }

  @Test
  void aTaskThatStopsReadingEarlyClosesWhatItsPartitionOpened() {
    EndlessSource source = new EndlessSource(engine, 3);

    assertThat(RddAccess.rdd(source).take(5)).hasSize(5);
    assertThat(RddAccess.rdd(source).first()).isEqualTo(0L);
    assertThat(source.opened.get()).isEqualTo(2);
    assertThat(source.closed.get()).isEqualTo(2);
  }

  @Test
  void everyFailedAttemptClosesWhatItOpened() {
    EndlessSource source = new EndlessSource(engine, 1);
    RDD<Long> failing = RddAccess.rdd(source).map(n -> {
      if (n == 10) {
        throw new IllegalStateException("bad record");
      }
      return n;
    });

    assertThatThrownBy(failing::count).isInstanceOf(JobFailedException.class);
    assertThat(source.opened.get()).isEqualTo(3);
    assertThat(source.closed.get()).isEqualTo(source.opened.get());
  }

  /** Partitions of endless records, each of which opens a resource that only the task's end closes. */
  private static final class EndlessSource extends RddNode<Long> {
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    private final int partitions;

    EndlessSource(Engine engine, int partitions) {
      super(engine);
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public List<Dependency> dependencies() {
      return List.of();
    }

    @Override
    protected Iterator<Long> compute(int partition) {
      opened.incrementAndGet();
      Closeable resource = closed::incrementAndGet;
      TaskResources.closeAtTaskEnd(resource);
      return new Iterator<>() {
        private long next;

        @Override
        public boolean hasNext() {
          return true;
        }

        @Override
        public Long next() {
          return next++;
        }
      };
    }
  }
}

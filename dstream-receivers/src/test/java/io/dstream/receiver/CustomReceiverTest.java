package io.dstream.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.receiver.internal.Await;
import io.dstream.receiver.internal.BlockManagerBlockHandler;
import io.dstream.receiver.internal.ManualReceiverClock;
import io.dstream.receiver.internal.ReceivedBlockInfo;
import io.dstream.receiver.internal.ReceiverSupervisor;
import io.dstream.receiver.internal.RecordingListener;
import io.dstream.storage.StorageLevel;
import io.dstream.storage.internal.BlockManager;
import io.dstream.storage.internal.Replicas;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' DummySource, written against this API and run by a supervisor into a real block manager. */
class CustomReceiverTest {
  record CounterReading(int counter, long timeMs) {}

  /**
   * Stores a counter and a time on every tick, as the seeds' DummySource does every 5 seconds; the ticks
   * come from the test instead of a sleep.
   */
  static final class DummySource extends Receiver<CounterReading> {
    private final BlockingQueue<Long> ticks;
    private volatile Thread worker;

    DummySource(BlockingQueue<Long> ticks) {
      super(StorageLevel.MEMORY_AND_DISK_2);
      this.ticks = ticks;
    }

    @Override
    public void onStart() {
      worker = new Thread(this::receive, "Dummy Source");
      worker.start();
    }

    @Override
    public void onStop() {
      worker.interrupt(); // ends the wait for the next tick
    }

    private void receive() {
      int counter = 0;
      try {
        while (!isStopped()) {
          long time = ticks.take();
          store(List.of(new CounterReading(counter, time)).iterator());
          counter++;
        }
      } catch (InterruptedException e) {
        // onStop interrupted the wait: the receiver is stopping.
      }
    }
  }

  @TempDir
  Path temp;

  @Test
  void eachTickBecomesAStoredBlockThatCanBeReadBackAndStopEndsTheSourceThread() throws Exception {
    BlockingQueue<Long> ticks = new LinkedBlockingQueue<>();
    DummySource source = new DummySource(ticks);
    RecordingListener listener = new RecordingListener();
    try (BlockManager blocks = new BlockManager(temp, 1 << 20, new KryoSerializer(),
        records -> 64L * records.size())) {
      ReceiverSupervisor supervisor = ReceiverSupervisor.builder(source, 0, new BlockManagerBlockHandler(blocks))
          .listener(listener).clock(new ManualReceiverClock()).build();
      supervisor.start();

      List<CounterReading> read = new ArrayList<>();
      for (long time = 1000; time <= 3000; time += 1000) {
        ticks.add(time);
        ReceivedBlockInfo block = Await.take(listener.blocks, "the block of tick " + time);
        assertThat(block.numRecords()).isEqualTo(1);
        assertThat(Replicas.of(blocks, 1).contains(block.blockId())).as("stored with two replicas").isTrue();
        read.addAll(blocks.<CounterReading>get(block.blockId()).orElseThrow());
      }

      supervisor.stop("done", null);
      assertThat(supervisor.awaitTermination(Await.TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
      source.worker.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));

      assertThat(read).containsExactly(new CounterReading(0, 1000), new CounterReading(1, 2000),
          new CounterReading(2, 3000));
      assertThat(source.worker.isAlive()).isFalse();
      assertThat(source.isStopped()).isTrue();
    }
  }
}

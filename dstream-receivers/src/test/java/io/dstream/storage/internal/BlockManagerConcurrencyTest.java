package io.dstream.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.serializer.KryoSerializer;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storing a block that takes long to serialize does not hold up the reads of other blocks. */
class BlockManagerConcurrencyTest {
  private static final long TIMEOUT_SECONDS = 20;

  @TempDir
  Path temp;

  /** A serializer whose serialization of a block holding "slow" waits until the test lets it go. */
  private static final class GatedSerializer implements Serializer {
    final Serializer kryo = new KryoSerializer();
    final CountDownLatch serializing = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public byte[] serialize(Object value) {
      if (value instanceof List<?> records && records.contains("slow")) {
        serializing.countDown();
        try {
          // Longer than the test waits for the read, so that only a read that does not wait can pass.
          release.await(3 * TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return kryo.serialize(value);
    }

    @Override
    public <T> T deserialize(byte[] bytes) throws CorruptDataException {
      return kryo.deserialize(bytes);
    }

    @Override
    public <T> T copy(T value) {
      return kryo.copy(value);
    }
  }

  @Test
  void aReadOfOneBlockDoesNotWaitForTheSerializationOfAnother() throws Exception {
    GatedSerializer serializer = new GatedSerializer();
    try (BlockManager blocks = new BlockManager(temp, 1 << 20, serializer, new SampledSizeEstimator())) {
      BlockId ready = BlockId.stream(0, 0);
      blocks.put(ready, new ArrayList<>(List.of("ready")), StorageLevel.MEMORY_AND_DISK_SER_2);
      ExecutorService threads = Executors.newFixedThreadPool(2);
      // Not all strings, so that the block goes through the serializer (a block of strings is written in bulk).
      Future<Integer> slowPut = threads.submit(() -> blocks.put(BlockId.stream(0, 1),
          new ArrayList<>(List.of("slow", 1)), StorageLevel.MEMORY_AND_DISK_SER_2));
      assertThat(serializer.serializing.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();

      Future<Optional<List<String>>> read = threads.submit(() -> blocks.<String>get(ready));

      try {
        assertThat(read.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).contains(List.of("ready"));
      } finally {
        serializer.release.countDown();
        threads.shutdown();
      }
      assertThat(slowPut.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isEqualTo(2);
    }
  }
}

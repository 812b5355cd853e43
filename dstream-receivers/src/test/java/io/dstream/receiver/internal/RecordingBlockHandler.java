package io.dstream.receiver.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.StorageLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** A {@link ReceivedBlockHandler} that keeps blocks in a map and fails the blocks a test chooses. */
public final class RecordingBlockHandler implements ReceivedBlockHandler {
  private final Map<BlockId, List<?>> blocks = new LinkedHashMap<>();
  private final List<StorageLevel> levels = new ArrayList<>();
  private volatile Predicate<List<?>> failWhen = records -> false;

  @Override
  public synchronized void storeBlock(BlockId id, List<?> records, StorageLevel level) {
    if (failWhen.test(records)) {
      throw new IllegalStateException("storage failed for " + id);
    }
    blocks.put(id, records);
    levels.add(level);
  }

  /** Makes every later store of a block matching the predicate fail. */
  public void failWhen(Predicate<List<?>> predicate) {
    failWhen = predicate;
  }

  public synchronized List<?> block(BlockId id) {
    return blocks.get(id);
  }

  public synchronized List<Object> allRecords() {
    List<Object> all = new ArrayList<>();
    blocks.values().forEach(all::addAll);
    return all;
  }

  public synchronized int blockCount() {
    return blocks.size();
  }

  public synchronized List<StorageLevel> levels() {
    return List.copyOf(levels);
  }
}

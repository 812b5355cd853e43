package io.dstream.internal.receiver;

import io.dstream.ConfigKeys;
import io.dstream.Time;
import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.internal.scheduler.BatchSchedule;
import io.dstream.storage.BlockId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, when the receiver streams recover from their write-ahead logs, that the logs still hold every block
 * of the batches that run again: those the metadata checkpoint records for its unfinished batches, and those
 * the logs' own allocations name. A segment deleted or cut short would otherwise lose acknowledged records
 * without a word. Missing blocks fail recovery, naming them; with
 * {@code dstream.receiver.writeAheadLog.skipMissingBlocks} recovery goes on without them, with one ERROR that
 * counts them. Blocks received after the last metadata checkpoint and not taken by a batch are known to the
 * log alone; a missing segment between two others is reported too, though what it held is unknown.
 */
final class MissingBlocksCheck {
  private static final Logger LOG = LoggerFactory.getLogger(MissingBlocksCheck.class);
  private static final int NAMED_AT_MOST = 20;

  private final Map<Integer, ReceivedBlocksProgress> expected = new ConcurrentHashMap<>();
  private final Set<String> missingBlocks = new LinkedHashSet<>();
  private final List<String> missingSegments = new ArrayList<>();
  private long missingRecords;
  private boolean recordCountsUnknown;

  /** Notes which blocks the checkpoint says a stream's batches took. */
  void expect(int streamId, ReceivedBlocksProgress progress) {
    expected.put(streamId, progress);
  }

  /**
   * Notes what one stream's recovered log misses.
   *
   * @param tracker the stream's tracker, just recovered from its log
   * @param schedule the schedule recovery restarts from: which batches run again
   * @throws IOException if the log cannot be listed
   */
  void check(ReceivedBlockTracker tracker, BatchSchedule schedule) throws IOException {
    Set<BlockId> known = tracker.knownBlocks();
    Set<BlockId> counted = new LinkedHashSet<>();
    ReceivedBlocksProgress progress = expected.get(tracker.streamId());
    for (ReceivedBlocksProgress.Batch batch : progress == null ? List.<ReceivedBlocksProgress.Batch>of()
        : progress.batches()) {
      if (runsAgain(new Time(batch.batchTimeMs()), schedule)) {
        for (ReceivedBlocksProgress.Block block : batch.blocks()) {
          if (!known.contains(block.id()) && counted.add(block.id())) {
            missing(tracker, block.id(), batch.batchTimeMs());
            missingRecords += block.records();
          }
        }
      }
    }
    for (Map.Entry<Time, List<BlockId>> batch : tracker.blocksMissingFromLog().entrySet()) {
      if (runsAgain(batch.getKey(), schedule)) {
        for (BlockId id : batch.getValue()) {
          if (counted.add(id)) {
            missing(tracker, id, batch.getKey().milliseconds());
            recordCountsUnknown = true;
          }
        }
      }
    }
    missingSegments.addAll(tracker.log().missingParts());
  }

  /**
   * Fails, or logs one ERROR, if any stream's log misses something.
   *
   * @param skipMissing the value of {@code dstream.receiver.writeAheadLog.skipMissingBlocks}
   * @throws CorruptDataException naming what is missing, unless {@code skipMissing}
   */
  void finish(boolean skipMissing) throws CorruptDataException {
    if (missingBlocks.isEmpty() && missingSegments.isEmpty()) {
      return;
    }
    if (skipMissing) {
      LOG.error("Recovering without {}: the write-ahead logs no longer hold them, and their records are lost "
          + "({}=true). {}", whatIsLost(), ConfigKeys.RECEIVER_WAL_SKIP_MISSING_BLOCKS.name(), details());
      return;
    }
    throw new CorruptDataException("the write-ahead logs no longer hold " + whatIsLost() + ", which the batches "
        + "to run again need: a segment was deleted or cut short. " + details() + ". Restore the checkpoint "
        + "directory from a backup; or set " + ConfigKeys.RECEIVER_WAL_SKIP_MISSING_BLOCKS.name() + "=true to "
        + "recover without them (their records are lost)");
  }

  private void missing(ReceivedBlockTracker tracker, BlockId id, long batchTimeMs) {
    missingBlocks.add(id + " of stream " + tracker.streamId() + " (batch " + batchTimeMs + " ms)");
  }

  private String whatIsLost() {
    List<String> parts = new ArrayList<>();
    if (!missingBlocks.isEmpty()) {
      parts.add(missingBlocks.size() + " block(s) with " + (recordCountsUnknown ? "at least " : "")
          + missingRecords + " record(s)");
    }
    if (!missingSegments.isEmpty()) {
      parts.add(missingSegments.size() + " gap(s) of segments whose records are unknown");
    }
    return String.join(" and ", parts);
  }

  private String details() {
    List<String> parts = new ArrayList<>();
    if (!missingBlocks.isEmpty()) {
      List<String> named = new ArrayList<>(missingBlocks).subList(0, Math.min(NAMED_AT_MOST, missingBlocks.size()));
      parts.add("Missing blocks: " + String.join(", ", named)
          + (missingBlocks.size() > NAMED_AT_MOST ? ", ..." : ""));
    }
    if (!missingSegments.isEmpty()) {
      parts.add("Missing segments: " + String.join("; ", missingSegments));
    }
    return String.join(". ", parts);
  }

  private static boolean runsAgain(Time batch, BatchSchedule schedule) {
    return schedule.unfinishedTimes().contains(batch) || batch.greater(schedule.lastGeneratedTime());
  }
}

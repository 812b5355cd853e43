package io.dstream.storage;

import io.dstream.checkpoint.internal.Arguments;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a stored block, unique within one block manager. Blocks received by a receiver are named
 * {@code input-<streamId>-<number>}; cached partitions of a persisted dataset are named
 * {@code rdd_<rddId>_<partition>}. A name is also the block's file name on disk, so it is restricted to
 * letters, digits, {@code '.'}, {@code '_'} and {@code '-'}.
 *
 * <pre>{@code
 * BlockId id = BlockId.stream(0, 17);   // input-0-17
 * BlockId cached = BlockId.rdd(3, 1);   // rdd_3_1
 * }</pre>
 *
 * @param name the block's name
 */
public record BlockId(String name) implements Comparable<BlockId> {
  private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");
  private static final String RDD_PREFIX = "rdd_";
  private static final Pattern RDD_NAME = Pattern.compile("rdd_([0-9]{1,10})_[0-9]{1,10}");

  /**
   * Validates a name.
   *
   * @param name the block's name
   * @throws IllegalArgumentException if the name is null, empty, longer than 200 characters, starts with a
   *     dot, or holds a character other than letters, digits, {@code '.'}, {@code '_'} and {@code '-'}
   */
  public BlockId {
    Arguments.requireNonNull(name, "name");
    if (!VALID_NAME.matcher(name).matches() || name.startsWith(".")) {
      throw new IllegalArgumentException("invalid block name '" + name + "'; a block name has 1 to 200 "
          + "letters, digits, '.', '_' or '-' and does not start with '.'");
    }
  }

  /**
   * Names a block received by the receiver of an input stream.
   *
   * @param streamId the input stream's id (not negative)
   * @param number the block's number within that stream (not negative)
   * @return {@code input-<streamId>-<number>}
   * @throws IllegalArgumentException if an argument is negative
   */
  public static BlockId stream(int streamId, long number) {
    requireNotNegative("stream id", streamId);
    requireNotNegative("block number", number);
    return new BlockId("input-" + streamId + "-" + number);
  }

  /**
   * Names a cached partition of a persisted dataset.
   *
   * @param rddId the dataset's id (not negative)
   * @param partition the partition's index (not negative)
   * @return {@code rdd_<rddId>_<partition>}
   * @throws IllegalArgumentException if an argument is negative
   */
  public static BlockId rdd(int rddId, int partition) {
    requireNotNegative("rdd id", rddId);
    requireNotNegative("partition", partition);
    return new BlockId(RDD_PREFIX + rddId + "_" + partition);
  }

  /**
   * Tells whether this block is a cached partition of a persisted dataset, which can be computed again
   * from its lineage if it is lost, unlike a received block.
   *
   * @return true for {@code rdd_<rddId>_<partition>} names
   */
  public boolean isRdd() {
    return parsedRddId() >= 0;
  }

  /**
   * Returns the id of the dataset whose cached partition this block is.
   *
   * @return the dataset's id
   * @throws IllegalStateException if this is not a {@link #isRdd() cached partition}
   */
  public int rddId() {
    long id = parsedRddId();
    if (id < 0) {
      throw new IllegalStateException("block " + name + " is not a cached partition of a dataset; "
          + "check isRdd() first");
    }
    return (int) id;
  }

  /** Returns the dataset id in an {@code rdd_<rddId>_<partition>} name, or -1 for any other name. */
  private long parsedRddId() {
    Matcher matcher = RDD_NAME.matcher(name);
    if (!matcher.matches()) {
      return -1;
    }
    long id = Long.parseLong(matcher.group(1));
    return id <= Integer.MAX_VALUE ? id : -1;
  }

  private static void requireNotNegative(String what, long value) {
    if (value < 0) {
      throw new IllegalArgumentException("the " + what + " of a block id must not be negative, got " + value);
    }
  }

  /**
   * Orders block ids by name.
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number as this name sorts before, with or after the other
   */
  @Override
  public int compareTo(BlockId other) {
    return name.compareTo(other.name);
  }

  /** Returns the block's name. */
  @Override
  public String toString() {
    return name;
  }
}

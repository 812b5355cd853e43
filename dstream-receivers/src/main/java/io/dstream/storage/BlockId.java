package io.dstream.storage;

import io.dstream.checkpoint.internal.Arguments;

/**
 * The name of a stored block, unique within one block manager: a {@link Stream} block received by a
 * receiver, named {@code input-<streamId>-<number>}; a cached partition of a persisted dataset, an
 * {@link Rdd} block named {@code rdd_<rddId>_<partition>}; or any other {@link Named} block. A name is also
 * the block's file name on disk, so it is restricted to letters, digits, {@code '.'}, {@code '_'} and
 * {@code '-'}. The name is the persisted form: {@link #parse} turns every name written by any version back
 * into the same id.
 *
 * <pre>{@code
 * BlockId id = BlockId.stream(0, 17);        // input-0-17
 * BlockId cached = BlockId.rdd(3, 1);        // rdd_3_1
 * BlockId same = BlockId.parse("input-0-17"); // equals id
 * }</pre>
 */
public sealed interface BlockId extends Comparable<BlockId> permits BlockId.Stream, BlockId.Rdd, BlockId.Named {
  /**
   * Returns the block's name.
   *
   * @return the name, such as {@code input-0-17}
   */
  String name();

  /**
   * Names a block received by the receiver of an input stream.
   *
   * @param streamId the input stream's id (not negative)
   * @param number the block's number within that stream (not negative)
   * @return {@code input-<streamId>-<number>}
   * @throws IllegalArgumentException if an argument is negative
   */
  static BlockId stream(int streamId, long number) {
    return new Stream(streamId, number);
  }

  /**
   * Names a cached partition of a persisted dataset.
   *
   * @param rddId the dataset's id (not negative)
   * @param partition the partition's index (not negative)
   * @return {@code rdd_<rddId>_<partition>}
   * @throws IllegalArgumentException if an argument is negative
   */
  static BlockId rdd(int rddId, int partition) {
    return new Rdd(rddId, partition);
  }

  /**
   * Returns the id a name stands for: a {@link Stream} or {@link Rdd} id for their names (in the canonical form
   * the factories write: decimal numbers without leading zeros), a {@link Named} id for any other valid name.
   * {@code parse(id.name())} equals {@code id} for every id.
   *
   * @param name the block's name
   * @return the id
   * @throws IllegalArgumentException if the name is null, empty, longer than 200 characters, starts with a
   *     dot, or holds a character other than letters, digits, {@code '.'}, {@code '_'} and {@code '-'}
   */
  static BlockId parse(String name) {
    Arguments.requireNonNull(name, "name");
    if (name.startsWith(Stream.PREFIX)) {
      int dash = name.indexOf('-', Stream.PREFIX.length());
      long streamId = dash < 0 ? -1 : Named.number(name.substring(Stream.PREFIX.length(), dash), Integer.MAX_VALUE);
      long number = dash < 0 ? -1 : Named.number(name.substring(dash + 1), Long.MAX_VALUE);
      if (streamId >= 0 && number >= 0) {
        return new Stream((int) streamId, number);
      }
    } else if (name.startsWith(Rdd.PREFIX)) {
      int underscore = name.indexOf('_', Rdd.PREFIX.length());
      long rddId = underscore < 0 ? -1 : Named.number(name.substring(Rdd.PREFIX.length(), underscore),
          Integer.MAX_VALUE);
      long partition = underscore < 0 ? -1 : Named.number(name.substring(underscore + 1), Integer.MAX_VALUE);
      if (rddId >= 0 && partition >= 0) {
        return new Rdd((int) rddId, (int) partition);
      }
    }
    return new Named(name);
  }

  /**
   * Tells whether this block is a cached partition of a persisted dataset, which can be computed again
   * from its lineage if it is lost, unlike a received block.
   *
   * @return true for {@code rdd_<rddId>_<partition>} names
   */
  default boolean isRdd() {
    return this instanceof Rdd;
  }

  /**
   * Returns the id of the dataset whose cached partition this block is.
   *
   * @return the dataset's id
   * @throws IllegalStateException if this is not a {@link #isRdd() cached partition}
   */
  default int rddId() {
    if (this instanceof Rdd rdd) {
      return rdd.rddId();
    }
    throw new IllegalStateException("block " + name() + " is not a cached partition of a dataset; check isRdd() "
        + "first");
  }

  /**
   * Orders block ids by name.
   *
   * @param other the id to compare with
   * @return a negative number, zero or a positive number as this name sorts before, with or after the other
   */
  @Override
  default int compareTo(BlockId other) {
    return name().compareTo(other.name());
  }

  /**
   * A block received by the receiver of an input stream: {@code input-<streamId>-<number>}.
   *
   * @param streamId the input stream's id (not negative)
   * @param number the block's number within that stream (not negative)
   */
  record Stream(int streamId, long number) implements BlockId {
    private static final String PREFIX = "input-";

    /**
     * Validates the id.
     *
     * @param streamId the input stream's id
     * @param number the block's number
     * @throws IllegalArgumentException if an argument is negative
     */
    public Stream {
      Named.requireNotNegative("stream id", streamId);
      Named.requireNotNegative("block number", number);
    }

    @Override
    public String name() {
      return PREFIX + streamId + "-" + number;
    }

    /** Returns the block's name. */
    @Override
    public String toString() {
      return name();
    }
  }

  /**
   * A cached partition of a persisted dataset: {@code rdd_<rddId>_<partition>}.
   *
   * @param rddId the dataset's id (not negative)
   * @param partition the partition's index (not negative)
   */
  record Rdd(int rddId, int partition) implements BlockId {
    private static final String PREFIX = "rdd_";

    /**
     * Validates the id.
     *
     * @param rddId the dataset's id
     * @param partition the partition's index
     * @throws IllegalArgumentException if an argument is negative
     */
    public Rdd {
      Named.requireNotNegative("rdd id", rddId);
      Named.requireNotNegative("partition", partition);
    }

    @Override
    public String name() {
      return PREFIX + rddId + "_" + partition;
    }

    /** Returns the block's name. */
    @Override
    public String toString() {
      return name();
    }
  }

  /**
   * A block with any other name; {@link BlockId#parse} makes one for a name that is not a stream or rdd name.
   *
   * @param name the block's name
   */
  record Named(String name) implements BlockId {
    private static final int MAX_LENGTH = 200;

    /**
     * Validates the name.
     *
     * @param name the block's name
     * @throws IllegalArgumentException if the name is null, empty, longer than 200 characters, starts with a
     *     dot, or holds a character other than letters, digits, {@code '.'}, {@code '_'} and {@code '-'}
     */
    public Named {
      Arguments.requireNonNull(name, "name");
      if (!isSafeFileName(name)) {
        throw new IllegalArgumentException("invalid block name '" + name + "'; a block name has 1 to "
            + MAX_LENGTH + " letters, digits, '.', '_' or '-' and does not start with '.'");
      }
    }

    /** Returns the block's name. */
    @Override
    public String toString() {
      return name;
    }

    private static boolean isSafeFileName(String name) {
      if (name.isEmpty() || name.length() > MAX_LENGTH || name.charAt(0) == '.') {
        return false;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
            || c == '_' || c == '-';
        if (!safe) {
          return false;
        }
      }
      return true;
    }

    /** The value of a canonical decimal number (no sign, no leading zero) up to {@code max}, or -1. */
    private static long number(String digits, long max) {
      if (digits.isEmpty() || digits.length() > 19 || (digits.length() > 1 && digits.charAt(0) == '0')) {
        return -1;
      }
      long value = 0;
      for (int i = 0; i < digits.length(); i++) {
        char c = digits.charAt(i);
        if (c < '0' || c > '9' || value > (max - (c - '0')) / 10) {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
      return value;
    }

    private static void requireNotNegative(String what, long value) {
      if (value < 0) {
        throw new IllegalArgumentException("the " + what + " of a block id must not be negative, got " + value);
      }
    }
  }
}

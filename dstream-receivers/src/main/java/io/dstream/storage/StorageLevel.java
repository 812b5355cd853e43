package io.dstream.storage;

import io.dstream.checkpoint.internal.Arguments;
import java.util.List;

/**
 * Where and how a persisted dataset or a received block is kept: in memory and/or on local disk, as
 * objects or serialized, with one or two replicas. The constants have the meanings and names of Spark's
 * {@code StorageLevel}.
 *
 * <p>Receiver streams default to {@link #MEMORY_AND_DISK_SER_2}; {@code DStream.cache()} uses
 * {@link #MEMORY_ONLY_SER} and {@code RDD.cache()} uses {@link #MEMORY_ONLY}, as in Spark.
 *
 * @param useDisk whether blocks may be kept on local disk
 * @param useMemory whether blocks may be kept in memory
 * @param deserialized whether blocks in memory are kept as objects (true) or serialized bytes (false)
 * @param replication how many independent copies are kept (1 or 2)
 * @param name the constant's name, such as {@code MEMORY_ONLY_SER_2}
 */
public record StorageLevel(boolean useDisk, boolean useMemory, boolean deserialized, int replication,
    String name) {

  /** Not persisted: every use recomputes the data. */
  public static final StorageLevel NONE = new StorageLevel(false, false, false, 1, "NONE");
  /** In memory as objects. */
  public static final StorageLevel MEMORY_ONLY = new StorageLevel(false, true, true, 1, "MEMORY_ONLY");
  /** In memory as objects, two replicas. */
  public static final StorageLevel MEMORY_ONLY_2 = new StorageLevel(false, true, true, 2, "MEMORY_ONLY_2");
  /** In memory, serialized. */
  public static final StorageLevel MEMORY_ONLY_SER =
      new StorageLevel(false, true, false, 1, "MEMORY_ONLY_SER");
  /** In memory, serialized, two replicas. */
  public static final StorageLevel MEMORY_ONLY_SER_2 =
      new StorageLevel(false, true, false, 2, "MEMORY_ONLY_SER_2");
  /** In memory as objects, spilling to disk when memory is full. */
  public static final StorageLevel MEMORY_AND_DISK =
      new StorageLevel(true, true, true, 1, "MEMORY_AND_DISK");
  /** In memory as objects, spilling to disk, two replicas. */
  public static final StorageLevel MEMORY_AND_DISK_2 =
      new StorageLevel(true, true, true, 2, "MEMORY_AND_DISK_2");
  /** In memory serialized, spilling to disk. */
  public static final StorageLevel MEMORY_AND_DISK_SER =
      new StorageLevel(true, true, false, 1, "MEMORY_AND_DISK_SER");
  /** In memory serialized, spilling to disk, two replicas: the default for receiver streams. */
  public static final StorageLevel MEMORY_AND_DISK_SER_2 =
      new StorageLevel(true, true, false, 2, "MEMORY_AND_DISK_SER_2");
  /** On local disk only. */
  public static final StorageLevel DISK_ONLY = new StorageLevel(true, false, false, 1, "DISK_ONLY");
  /** On local disk only, two replicas. */
  public static final StorageLevel DISK_ONLY_2 = new StorageLevel(true, false, false, 2, "DISK_ONLY_2");

  private static final List<StorageLevel> ALL = List.of(NONE, MEMORY_ONLY, MEMORY_ONLY_2, MEMORY_ONLY_SER,
      MEMORY_ONLY_SER_2, MEMORY_AND_DISK, MEMORY_AND_DISK_2, MEMORY_AND_DISK_SER, MEMORY_AND_DISK_SER_2,
      DISK_ONLY, DISK_ONLY_2);

  /**
   * Validates a level. Use the constants rather than this constructor.
   *
   * @param useDisk whether blocks may be kept on local disk
   * @param useMemory whether blocks may be kept in memory
   * @param deserialized whether blocks in memory are kept as objects
   * @param replication how many copies are kept (1 or 2)
   * @param name the level's name
   * @throws IllegalArgumentException if the name is null, or the replication is not 1 or 2
   */
  public StorageLevel {
    Arguments.requireNonNull(name, "name");
    if (replication < 1 || replication > 2) {
      throw new IllegalArgumentException(
          "replication must be 1 or 2, got " + replication + "; use one of the StorageLevel constants");
    }
  }

  /**
   * Tells whether data at this level is kept at all.
   *
   * @return false only for {@link #NONE}
   */
  public boolean isValid() {
    return useMemory || useDisk;
  }

  /**
   * Returns the constant with the given name, such as {@code "MEMORY_ONLY_SER"}.
   *
   * @param name the name, case-insensitive
   * @return the level
   * @throws IllegalArgumentException if no level has that name
   */
  public static StorageLevel fromString(String name) {
    Arguments.requireNonNull(name, "name");
    for (StorageLevel level : ALL) {
      if (level.name.equalsIgnoreCase(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException("unknown storage level '" + name + "'; use one of " + ALL.stream()
        .map(StorageLevel::name).toList());
  }

  /**
   * Returns every constant, {@link #NONE} first.
   *
   * @return the levels, in the order they are declared
   */
  public static List<StorageLevel> values() {
    return ALL;
  }

  /** Returns the constant's name. */
  @Override
  public String toString() {
    return name;
  }
}

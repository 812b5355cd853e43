package io.dstream.storage.internal;

import io.dstream.storage.BlockId;
import io.dstream.storage.BlockStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The on-disk half of one replica: one file per block, {@code <block id>.block}, holding a header (magic
 * number, payload length, CRC32C of the payload) and the block's serialized bytes. A file is written to a
 * temporary name and renamed, so a reader never sees half a block; a reader checks the header and the
 * checksum, so a damaged file is reported as corrupt, naming the block, never read as wrong records.
 * Thread-safe.
 */
final class DiskStore {
  private static final int MAGIC = 0x4453424B; // "DSBK"
  private static final int HEADER_BYTES = 12;
  private static final String SUFFIX = ".block";

  private final Path directory;
  private final Set<BlockId> ids = ConcurrentHashMap.newKeySet();

  /**
   * Opens a store in a directory, creating it if needed.
   *
   * @throws IllegalStateException if the directory cannot be created
   */
  DiskStore(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the block directory " + directory + ": " + e
          + "; check that its parent exists and is writable", e);
    }
  }

  Path file(BlockId id) {
    return directory.resolve(id.name() + SUFFIX);
  }

  /** Writes a block's bytes, replacing any earlier file of the same block; returns the file's size. */
  long write(BlockId id, byte[] payload) {
    Path target = file(id);
    Path temporary = directory.resolve(id.name() + SUFFIX + ".tmp");
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES)
        .putInt(MAGIC).putInt(payload.length).putInt((int) crc.getValue());
    try {
      try (var out = Files.newOutputStream(temporary)) {
        out.write(header.array());
        out.write(payload);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new BlockStoreException(id, "cannot write block " + id + " to " + target + ": " + e
          + "; check that the directory exists, is writable and has free space", e);
    }
    ids.add(id);
    return HEADER_BYTES + (long) payload.length;
  }

  boolean contains(BlockId id) {
    return ids.contains(id);
  }

  /**
   * Reads a block's bytes.
   *
   * @return the payload, or empty if the block's file does not exist (it was removed or lost)
   * @throws BlockStoreException if the file cannot be read or is corrupt
   */
  Optional<byte[]> read(BlockId id) {
    Path path = file(id);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      ids.remove(id);
      return Optional.empty();
    } catch (IOException e) {
      throw new BlockStoreException(id, "cannot read block " + id + " from " + path + ": " + e, e);
    }
    return Optional.of(checkedPayload(id, path, bytes));
  }

  private static byte[] checkedPayload(BlockId id, Path path, byte[] bytes) {
    if (bytes.length < HEADER_BYTES) {
      throw corrupt(id, path, "it is truncated: " + bytes.length + " bytes, shorter than the "
          + HEADER_BYTES + "-byte header");
    }
    ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
    int magic = header.getInt();
    int length = header.getInt();
    int expectedChecksum = header.getInt();
    if (magic != MAGIC) {
      throw corrupt(id, path, String.format("it does not start with the block file header (0x%08X, "
          + "expected 0x%08X)", magic, MAGIC));
    }
    if (length != bytes.length - HEADER_BYTES) {
      throw corrupt(id, path, "its header announces " + length + " bytes but it holds "
          + (bytes.length - HEADER_BYTES));
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, HEADER_BYTES, length);
    if ((int) crc.getValue() != expectedChecksum) {
      throw corrupt(id, path, "its checksum does not match its " + length + " bytes");
    }
    byte[] payload = new byte[length];
    System.arraycopy(bytes, HEADER_BYTES, payload, 0, length);
    return payload;
  }

  private static BlockStoreException corrupt(BlockId id, Path path, String why) {
    return new BlockStoreException(id, "block " + id + " on disk is corrupt: " + why + " (file " + path + ")",
        null);
  }

  /**
   * Deletes a block's file.
   *
   * @return whether the store held the block
   * @throws BlockStoreException if the file exists but cannot be deleted
   */
  boolean remove(BlockId id) {
    boolean held = ids.remove(id);
    Path path = file(id);
    try {
      return Files.deleteIfExists(path) || held;
    } catch (IOException e) {
      throw new BlockStoreException(id, "cannot delete block " + id + " at " + path + ": " + e, e);
    }
  }

  Set<BlockId> ids() {
    return Set.copyOf(ids);
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // The write already failed; that error is the one worth reporting.
    }
  }
}

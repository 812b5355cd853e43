package io.dstream.checkpoint.internal.wal;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import io.dstream.checkpoint.internal.fs.InMemoryFileSystem;
import org.junit.jupiter.api.AfterEach;

class SegmentDamageInMemoryTest extends SegmentDamageContract {
  private final InMemoryFileSystem fs = InMemoryFileSystem.newNamespace();

  @Override
  Location newDirectory() {
    return FileSystems.resolve("memory://" + fs.namespace() + "/receiver/wal");
  }

  @AfterEach
  void discard() {
    fs.discard();
  }
}

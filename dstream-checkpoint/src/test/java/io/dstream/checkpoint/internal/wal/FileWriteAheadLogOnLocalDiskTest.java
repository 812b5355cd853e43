package io.dstream.checkpoint.internal.wal;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileWriteAheadLogOnLocalDiskTest extends FileWriteAheadLogContract {
  @TempDir
  Path temp;

  @Override
  Location newDirectory() {
    return FileSystems.resolve(temp.resolve("wal").toString());
  }
}

package io.dstream.checkpoint.internal.store;

import io.dstream.checkpoint.fs.FileSystems;
import io.dstream.checkpoint.fs.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreOnLocalDiskTest extends CheckpointStoreContract {
  @TempDir
  Path temp;

  @Override
  Location newDirectory() {
    return FileSystems.resolve(temp.resolve("app").resolve("checkpoints").toString());
  }
}

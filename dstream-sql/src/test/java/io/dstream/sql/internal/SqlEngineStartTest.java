package io.dstream.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.sql.SqlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An engine that fails to start leaves nothing behind. */
class SqlEngineStartTest {

  @Test
  void aFailedStartDeletesTheSpillDirectoryItMade(@TempDir Path tmp) throws IOException {
    String saved = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try {
      assertThatThrownBy(() -> SqlEngine.open(new EngineSettings(64L << 20, 0, null)))
          .isInstanceOf(SqlException.class).hasMessageContaining("threads");
    } finally {
      System.setProperty("java.io.tmpdir", saved);
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("what the failed start left in java.io.tmpdir").isEmpty();
    }
  }

  @Test
  void aStartedEngineMakesItsSpillDirectoryUnderJavaIoTmpdir(@TempDir Path tmp) throws IOException {
    String saved = System.getProperty("java.io.tmpdir");
    System.setProperty("java.io.tmpdir", tmp.toString());
    try (SqlEngine engine = SqlEngine.open(new EngineSettings(64L << 20, 1, null))) {
      try (Stream<Path> made = Files.list(tmp)) {
        assertThat(made).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
            .startsWith("dstream-sql-"));
      }
    } finally {
      System.setProperty("java.io.tmpdir", saved);
    }
  }
}

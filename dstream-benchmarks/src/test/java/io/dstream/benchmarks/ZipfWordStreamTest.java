package io.dstream.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks the generator against the fingerprints in shared/bench/WORKLOAD.md. */
class ZipfWordStreamTest {

  @Test
  void firstLineMatchesTheWorkloadDefinition() {
    assertThat(new ZipfWordStream(10_000).nextLine()).isEqualTo("w796 w2 w8 w15 w0 w2753 w4 w1420 w15 w238");
    assertThat(new ZipfWordStream(1_000_000).nextLine())
        .isEqualTo("w24243 w5 w30 w79 w0 w150084 w12 w56729 w74 w4122");
  }

  @Test
  void batchFingerprintsMatchTheWorkloadDefinition() throws Exception {
    assertThat(sha256(new ZipfWordStream(10_000).nextBatch(1_000)))
        .isEqualTo("8daa8c0cd8ba39cd7eb5e365a2a43aa2987f7e62d32697e763f30954f652cdc5");
    assertThat(sha256(new ZipfWordStream(10_000).nextBatch(100_000)))
        .isEqualTo("ac2dc37efe11f377dde3ce6b7f67996976af2c7526b3dcebab75b1831f46069b");
  }

  private static String sha256(List<String> lines) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (String line : lines) {
      digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}

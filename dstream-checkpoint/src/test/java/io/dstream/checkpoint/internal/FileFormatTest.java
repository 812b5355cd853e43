package io.dstream.checkpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.serializer.CorruptDataException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FileFormatTest {
  private final FileFormat format = new FileFormat("test file", 0x54455354, 2);

  @Test
  void aWrittenHeaderIsReadBackAndLeavesTheStreamAfterIt() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    format.writeHeader(out);
    out.writeByte(42);
    assertThat(Arrays.copyOf(bytes.toByteArray(), FileFormat.HEADER_BYTES)).isEqualTo(format.header());
    ByteArrayInputStream in = new ByteArrayInputStream(bytes.toByteArray());
    assertThat(format.readHeader(in)).isTrue();
    assertThat(in.read()).isEqualTo(42);
  }

  @Test
  void aShortHeaderIsReportedForTheCallerToJudge() throws IOException {
    assertThat(format.readHeader(new ByteArrayInputStream(new byte[0]))).isFalse();
    assertThat(format.readHeader(new ByteArrayInputStream(Arrays.copyOf(format.header(), 7)))).isFalse();
  }

  @Test
  void anotherKindOfFileIsRefusedWithWhatWasFound() {
    byte[] other = new FileFormat("other", 0x0A0B0C0D, 2).header();
    assertThatThrownBy(() -> format.readHeader(new ByteArrayInputStream(other)))
        .isInstanceOf(CorruptDataException.class)
        .hasMessage("not a test file: its header starts with 0x0A0B0C0D where 0x54455354 was expected");
  }

  @Test
  void anotherVersionIsRefusedWithBothVersions() {
    byte[] newer = new FileFormat("test file", 0x54455354, 3).header();
    assertThatThrownBy(() -> format.readHeader(new ByteArrayInputStream(newer)))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("unsupported test file format version 3")
        .hasMessageContaining("reads only version 2");
  }
}

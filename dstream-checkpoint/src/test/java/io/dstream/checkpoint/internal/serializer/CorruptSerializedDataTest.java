package io.dstream.checkpoint.internal.serializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.checkpoint.serializer.CorruptDataException;
import io.dstream.checkpoint.serializer.Serializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class CorruptSerializedDataTest {
  private final Serializer serializer = new KryoSerializer();

  record Reading(String sensor, double value, List<String> tags) {}

  private byte[] stream(Object... values) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectWriter writer = new ObjectWriter(serializer, out)) {
      for (Object value : values) {
        writer.write(value);
      }
    }
    return out.toByteArray();
  }

  @Test
  void truncatedObjectBytesAreReportedAsCorrupt() {
    byte[] bytes = serializer.serialize(new Reading("s1", 1.5, List.of("a", "b")));
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);
    assertThatThrownBy(() -> serializer.deserialize(truncated))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("cannot deserialize " + truncated.length + " bytes")
        .hasMessageContaining("corrupt or truncated");
  }

  @Test
  void trailingBytesAfterAnObjectAreReportedAsCorrupt() {
    byte[] bytes = serializer.serialize("hello");
    byte[] padded = Arrays.copyOf(bytes, bytes.length + 2);
    assertThatThrownBy(() -> serializer.deserialize(padded))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("followed by 2 unexpected bytes");
  }

  @Test
  void bytesThatAreNotSerializedDataAreReportedAsCorrupt() {
    byte[] garbage = "this is not kryo".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serializer.deserialize(garbage)).isInstanceOf(CorruptDataException.class);
  }

  @Test
  void aFlippedByteInAnObjectStreamIsCaughtByTheChecksumAndNamesTheRecord() throws IOException {
    byte[] bytes = stream(new Reading("s1", 1, List.of()), new Reading("s2", 2, List.of("x")));
    bytes[bytes.length - 2] ^= 0x55;
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(bytes))) {
      assertThat((Reading) reader.read()).isEqualTo(new Reading("s1", 1, List.of()));
      assertThatThrownBy(reader::read)
          .isInstanceOf(CorruptDataException.class)
          .hasMessageContaining("record 1 is corrupt: its checksum does not match");
    }
  }

  @Test
  void aTruncatedObjectStreamSaysWhichRecordIsTruncated() throws IOException {
    byte[] bytes = stream("first", "second");
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 1);
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(truncated))) {
      assertThat((String) reader.read()).isEqualTo("first");
      assertThatThrownBy(reader::read)
          .isInstanceOf(CorruptDataException.class)
          .hasMessageContaining("record 1 is truncated");
    }
  }

  @Test
  void aStreamCutInsideAFrameHeaderIsTruncated() throws IOException {
    byte[] bytes = stream("only");
    byte[] cut = Arrays.copyOf(bytes, 4 + 3);
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(cut))) {
      assertThatThrownBy(reader::read)
          .isInstanceOf(CorruptDataException.class)
          .hasMessageContaining("record 0 is truncated: the stream ends inside its header");
    }
  }

  @Test
  void aStreamWithoutTheHeaderIsRefused() {
    byte[] text = "hello world\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new ObjectReader(serializer, new ByteArrayInputStream(text)))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("not an object stream");
    assertThatThrownBy(() -> new ObjectReader(serializer, new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("ends before its 4-byte header");
  }

  @Test
  void readingPastTheEndIsAnError() throws IOException {
    try (ObjectReader reader = new ObjectReader(serializer, new ByteArrayInputStream(stream("one")))) {
      reader.read();
      assertThatThrownBy(reader::read)
          .isInstanceOf(NoSuchElementException.class)
          .hasMessageContaining("no more records after 1");
    }
  }

  @Test
  void dataWrittenWithRegistrationsCannotBeReadWithout() {
    Serializer registering = new KryoSerializer(false,
        KryoSerializerRegistrationTest.TradeRegistrator.class.getName());
    byte[] bytes = registering.serialize(new KryoSerializerRegistrationTest.Trade("X", 1));
    assertThatThrownBy(() -> serializer.deserialize(bytes))
        .isInstanceOf(CorruptDataException.class)
        .hasMessageContaining("different registrations");
  }
}

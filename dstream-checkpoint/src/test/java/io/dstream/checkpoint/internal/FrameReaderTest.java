package io.dstream.checkpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dstream.checkpoint.internal.FrameResult.Damage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  private static byte[] frames(byte[]... payloads) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (byte[] payload : payloads) {
      Frames.write(out, payload);
    }
    return bytes.toByteArray();
  }

  private static FrameReader reader(byte[] bytes) {
    return new FrameReader(new ByteArrayInputStream(bytes), 0);
  }

  @Test
  void framesReadBackInOrderWithTheirOffsets() throws IOException {
    Random random = new Random(3);
    List<byte[]> payloads = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      byte[] payload = new byte[random.nextInt(300)];
      random.nextBytes(payload);
      payloads.add(payload);
    }
    FrameReader reader = reader(frames(payloads.toArray(byte[][]::new)));
    long expectedOffset = 0;
    for (byte[] payload : payloads) {
      FrameResult result = reader.next();
      assertThat(result).isInstanceOf(FrameResult.Frame.class);
      assertThat(((FrameResult.Frame) result).payload()).isEqualTo(payload);
      assertThat(result.offset()).isEqualTo(expectedOffset);
      expectedOffset += Frames.HEADER_BYTES + payload.length;
    }
    assertThat(reader.hasMore()).isFalse();
    assertThat(reader.next()).isEqualTo(new FrameResult.End(expectedOffset));
  }

  @Test
  void encodeAndWriteProduceTheSameBytes() throws IOException {
    byte[] payload = {9, 8, 7};
    assertThat(Frames.encode(payload)).isEqualTo(frames(payload));
  }

  @Test
  void anEmptyPayloadIsAFrame() throws IOException {
    FrameResult result = reader(frames(new byte[0])).next();
    assertThat(((FrameResult.Frame) result).payload()).isEmpty();
  }

  @Test
  void dataEndingInsideAHeaderIsATruncatedTornTail() throws IOException {
    byte[] bytes = frames(new byte[] {1, 2}, new byte[] {3});
    FrameReader reader = reader(Arrays.copyOf(bytes, 10 + 5));
    reader.next();
    FrameResult.Damaged damaged = (FrameResult.Damaged) reader.next();
    assertThat(damaged.offset()).isEqualTo(10);
    assertThat(damaged.damage()).isEqualTo(Damage.TRUNCATED);
    assertThat(damaged.isTornTail()).isTrue();
    assertThat(damaged.describe()).isEqualTo("truncated: the stream ends inside its header");
  }

  @Test
  void dataEndingInsideAPayloadIsATruncatedTornTail() throws IOException {
    byte[] bytes = frames(new byte[20]);
    FrameResult.Damaged damaged = (FrameResult.Damaged) reader(Arrays.copyOf(bytes, bytes.length - 6)).next();
    assertThat(damaged.isTornTail()).isTrue();
    assertThat(damaged.describe()).isEqualTo("truncated: the stream ends after 14 of its 20 bytes");
  }

  @Test
  void aBadChecksumOnTheLastFrameIsATornTail() throws IOException {
    byte[] bytes = frames(new byte[] {1}, new byte[] {5, 6, 7});
    bytes[bytes.length - 1] ^= 1;
    FrameReader reader = reader(bytes);
    reader.next();
    FrameResult.Damaged damaged = (FrameResult.Damaged) reader.next();
    assertThat(damaged.damage()).isEqualTo(Damage.BAD_CHECKSUM);
    assertThat(damaged.atEnd()).isTrue();
    assertThat(damaged.isTornTail()).isTrue();
    assertThat(damaged.describe()).isEqualTo("corrupt: its checksum does not match its 3 bytes");
  }

  @Test
  void aBadChecksumWithDataAfterItIsCorruptionNotATornTail() throws IOException {
    byte[] bytes = frames(new byte[] {5, 6, 7}, new byte[] {1});
    bytes[Frames.HEADER_BYTES] ^= 1;
    FrameResult.Damaged damaged = (FrameResult.Damaged) reader(bytes).next();
    assertThat(damaged.damage()).isEqualTo(Damage.BAD_CHECKSUM);
    assertThat(damaged.atEnd()).isFalse();
    assertThat(damaged.isTornTail()).isFalse();
  }

  @Test
  void aNegativeLengthIsCorruptEvenAtTheEnd() throws IOException {
    byte[] bytes = frames(new byte[] {1});
    bytes[0] = (byte) 0x80;
    FrameResult.Damaged damaged = (FrameResult.Damaged) reader(Arrays.copyOf(bytes, Frames.HEADER_BYTES)).next();
    assertThat(damaged.damage()).isEqualTo(Damage.BAD_LENGTH);
    assertThat(damaged.isTornTail()).isFalse();
    assertThat(damaged.describe()).startsWith("corrupt: it declares a negative length -");
  }

  @Test
  void offsetsStartWhereTheReaderWasPlaced() throws IOException {
    FrameReader reader = new FrameReader(new ByteArrayInputStream(frames(new byte[] {1})), 100);
    assertThat(reader.next().offset()).isEqualTo(100);
    assertThat(reader.position()).isEqualTo(100 + Frames.HEADER_BYTES + 1);
  }
}

package io.dstream.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dstream.storage.StorageLevel;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverApiTest {
  static final class IdleReceiver extends Receiver<String> {
    IdleReceiver() {}

    IdleReceiver(StorageLevel level) {
      super(level);
    }

    @Override
    public void onStart() {}

    @Override
    public void onStop() {}
  }

  @Test
  void aReceiverWithoutALevelStoresSerializedWithTwoReplicasAsInSpark() {
    assertThat(new IdleReceiver().storageLevel()).isEqualTo(StorageLevel.MEMORY_AND_DISK_SER_2);
    assertThat(Receiver.DEFAULT_STORAGE_LEVEL).isEqualTo(StorageLevel.MEMORY_AND_DISK_SER_2);
    assertThat(new IdleReceiver(StorageLevel.MEMORY_ONLY).storageLevel()).isEqualTo(StorageLevel.MEMORY_ONLY);
  }

  @Test
  void aReceiverHasNoPreferredLocationAsInSpark() {
    assertThat(new IdleReceiver().preferredLocation()).isEmpty();
  }

  @Test
  void storingBytesBeforeTheReceiverRunsIsRefused() {
    assertThatThrownBy(() -> new IdleReceiver().store(ByteBuffer.allocate(0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not running yet");
  }

  @Test
  void aLevelThatKeepsNothingIsRejected() {
    assertThatThrownBy(() -> new IdleReceiver(StorageLevel.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot store its blocks at storage level NONE")
        .hasMessageContaining("MEMORY_AND_DISK_SER_2");
    assertThatThrownBy(() -> new IdleReceiver(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aReceiverThatIsNotRunningIsNeitherStartedNorStoppedAndRefusesToStore() {
    IdleReceiver receiver = new IdleReceiver();

    assertThat(receiver.isStarted()).isFalse();
    assertThat(receiver.isStopped()).isFalse();
    assertThatThrownBy(() -> receiver.store("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(IdleReceiver.class.getName() + " is not running yet")
        .hasMessageContaining("onStart()");
    assertThatThrownBy(() -> receiver.store(List.of("x"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(receiver::streamId).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> receiver.restart("why")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> receiver.stop("why")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> receiver.reportError("why", null)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nullBatchesAndNegativeDelaysAreRejectedBeforeAnythingElse() {
    IdleReceiver receiver = new IdleReceiver();

    assertThatThrownBy(() -> receiver.store((List<String>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("records must not be null");
    assertThatThrownBy(() -> receiver.store((Iterator<String>) null))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("records must not be null");
    assertThatThrownBy(() -> receiver.restart("why", null, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -1 ms");
  }
}

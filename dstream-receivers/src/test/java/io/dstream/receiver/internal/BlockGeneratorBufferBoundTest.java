package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The buffer of single records is bounded: a store waits while it is full, rather than growing it. */
class BlockGeneratorBufferBoundTest {
  private static final int BOUND = 2;

  private final ManualScheduler scheduler = new ManualScheduler();
  private final List<List<Object>> blocks = Collections.synchronizedList(new ArrayList<>());
  private final BlockGenerator generator = new BlockGenerator("stream 1", 200, BOUND, scheduler,
      new RateLimiter(0, Ticker.SYSTEM), blocks::add, (message, error) -> {});

  @Test
  void aStoreIntoAFullBufferWaitsForTheNextBlockToBeCut() {
    generator.start();
    generator.addData("a");
    generator.addData("b");

    // An interrupted thread cannot wait: that it throws shows the store would have waited for room.
    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> generator.addData("c"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("interrupted while waiting for room in the buffer of stream 1 (2 records are waiting for "
            + "the next block)");
    assertThat(Thread.interrupted()).as("the interrupt flag stays set").isTrue();

    scheduler.advance(200);
    generator.addData("c");
    scheduler.advance(200);
    assertThat(blocks).containsExactly(List.of("a", "b"), List.of("c"));
  }

  @Test
  void aStoreWaitingForRoomIsRefusedWhenTheGeneratorStops() throws InterruptedException {
    generator.start();
    generator.addData("a");
    generator.addData("b");
    AtomicReference<Throwable> refused = new AtomicReference<>();
    Thread storing = new Thread(() -> {
      try {
        generator.addData("c");
      } catch (RuntimeException e) {
        refused.set(e);
      }
    });
    storing.start();

    generator.stop();
    storing.join(TimeUnit.SECONDS.toMillis(30));

    assertThat(storing.isAlive()).as("the waiting store was woken up").isFalse();
    assertThat(refused.get()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has been stopped and accepts no more records");
    assertThat(blocks).containsExactly(List.of("a", "b"));
  }

  @Test
  void theBoundMustBePositive() {
    assertThatThrownBy(() -> new BlockGenerator("s", 200, 0, scheduler, new RateLimiter(0, Ticker.SYSTEM),
        blocks::add, (message, error) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the most records buffered for a block must be positive, got 0");
  }
}

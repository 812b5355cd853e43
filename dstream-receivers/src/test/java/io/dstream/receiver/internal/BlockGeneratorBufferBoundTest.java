package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The buffer of single records is bounded: the record that fills it cuts a block at once on the storing
 * thread, rather than growing the buffer or waiting for the block timer.
 */
class BlockGeneratorBufferBoundTest {
  private static final int BOUND = 1000;

  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final List<List<Object>> blocks = Collections.synchronizedList(new ArrayList<>());

  private BlockGenerator generator(BlockGenerator.BlockSink sink) {
    return new BlockGenerator("stream 1", 200, BOUND, clock, new RateLimiter(0, clock), sink,
        (message, error) -> {});
  }

  @Test
  void storingThreeTimesTheBoundWithoutATimerTickMakesThreeFullBlocksInOrder() {
    BlockGenerator generator = generator(blocks::add);
    generator.start();
    List<Object> records = IntStream.range(0, 3 * BOUND).boxed().collect(Collectors.toList());

    // The manual clock never fires here: a store waiting for the timer would never return.
    records.forEach(generator::addData);

    List<List<Object>> expected = IntStream.range(0, 3)
        .mapToObj(block -> records.subList(block * BOUND, (block + 1) * BOUND))
        .collect(Collectors.toList());
    assertThat(blocks).containsExactlyElementsOf(expected);
  }

  @Test
  void theBlockCutEarlyIsStoredOnTheStoringThreadAndTheTimerCutsTheRest() {
    List<Thread> storingThreads = Collections.synchronizedList(new ArrayList<>());
    BlockGenerator generator = generator(block -> {
      storingThreads.add(Thread.currentThread());
      blocks.add(block);
    });
    generator.start();
    IntStream.rangeClosed(1, BOUND + 1).forEach(generator::addData);

    assertThat(storingThreads).containsExactly(Thread.currentThread());
    assertThat(blocks).hasSize(1);
    clock.advance(200);
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(1)).containsExactly(BOUND + 1);
  }

  @Test
  void aStoreThatFillsTheBufferWaitsForTheBlockBeingStored() throws InterruptedException {
    CountDownLatch firstPushEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstPush = new CountDownLatch(1);
    BlockGenerator generator = generator(block -> {
      blocks.add(block);
      if (blocks.size() == 1) {
        firstPushEntered.countDown();
        awaitQuietly(releaseFirstPush);
      }
    });
    generator.start();
    generator.addData("slow");
    Thread timer = new Thread(() -> clock.advance(200), "block-timer");
    timer.start();
    Await.latch(firstPushEntered, "the first push");

    Thread storing = new Thread(() -> IntStream.range(0, BOUND).forEach(generator::addData), "storing");
    storing.start();
    Await.until(() -> storing.getState() == Thread.State.BLOCKED,
        "the store that filled the buffer to wait for the slow block");
    assertThat(blocks).as("no second block while the first is being stored").hasSize(1);

    releaseFirstPush.countDown();
    storing.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    timer.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));

    assertThat(storing.isAlive()).isFalse();
    assertThat(blocks).hasSize(2);
    assertThat(blocks.get(0)).containsExactly("slow");
    assertThat(blocks.get(1)).containsExactlyElementsOf(IntStream.range(0, BOUND).boxed().toList());
  }

  @Test
  void theBoundMustBePositive() {
    assertThatThrownBy(() -> new BlockGenerator("s", 200, 0, clock, new RateLimiter(0, clock),
        blocks::add, (message, error) -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the most records buffered for a block must be positive, got 0");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      Await.latch(latch, "the test to release the push");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

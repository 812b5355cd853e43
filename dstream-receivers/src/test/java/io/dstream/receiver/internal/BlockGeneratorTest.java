package io.dstream.receiver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dstream.receiver.internal.BlockGenerator.State;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BlockGeneratorTest {
  private final ManualReceiverClock clock = new ManualReceiverClock();
  private final List<List<Object>> blocks = Collections.synchronizedList(new ArrayList<>());
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  private BlockGenerator generator(BlockGenerator.BlockSink sink) {
    return new BlockGenerator("stream 1", 200, clock, new RateLimiter(0, clock), sink,
        (message, error) -> errors.add(message));
  }

  private BlockGenerator generator() {
    return generator(blocks::add);
  }

  @Test
  void recordsAreCutIntoABlockEachIntervalInTheOrderTheyCame() {
    BlockGenerator generator = generator();
    generator.start();
    generator.addData(1);
    generator.addData(2);
    clock.advance(200);
    generator.addData(3);
    clock.advance(200);
    clock.advance(200);

    assertThat(blocks).containsExactly(List.of(1, 2), List.of(3));
  }

  @Test
  void stopWalksTheStatesInOrderAndDrainsTheBufferIntoALastBlock() {
    AtomicReference<State> stateDuringLastPush = new AtomicReference<>();
    BlockGenerator[] holder = new BlockGenerator[1];
    BlockGenerator generator = generator(block -> {
      stateDuringLastPush.set(holder[0].state());
      blocks.add(block);
    });
    holder[0] = generator;
    generator.start();
    generator.addData("a");

    generator.stop();

    assertThat(blocks).containsExactly(List.of("a"));
    assertThat(stateDuringLastPush).hasValue(State.STOPPED_GENERATING_BLOCKS);
    assertThat(generator.state()).isEqualTo(State.STOPPED_ALL);
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void stopWaitsForABlockBeingStoredAndNeverStoresTwoBlocksAtOnce() throws InterruptedException {
    CountDownLatch firstPushEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstPush = new CountDownLatch(1);
    AtomicBoolean pushing = new AtomicBoolean();
    AtomicBoolean overlapped = new AtomicBoolean();
    BlockGenerator generator = generator(block -> {
      if (!pushing.compareAndSet(false, true)) {
        overlapped.set(true);
      }
      blocks.add(block);
      if (block.contains("first")) {
        firstPushEntered.countDown();
        awaitQuietly(releaseFirstPush);
      }
      pushing.set(false);
    });
    generator.start();
    generator.addData("first");
    Thread timer = new Thread(generator::cutAndPushBlock, "block-timer");
    timer.start();
    Await.latch(firstPushEntered, "the first push");
    generator.addData("second");

    Thread stopper = new Thread(generator::stop, "stopper");
    stopper.start();
    Await.until(() -> stopper.getState() == Thread.State.BLOCKED, "stop to wait for the block being stored");
    assertThat(blocks).as("the last block waits for the one being stored").containsExactly(List.of("first"));

    releaseFirstPush.countDown();
    stopper.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));
    timer.join(TimeUnit.SECONDS.toMillis(Await.TIMEOUT_SECONDS));

    assertThat(blocks).containsExactly(List.of("first"), List.of("second"));
    assertThat(overlapped).isFalse();
    assertThat(generator.state()).isEqualTo(State.STOPPED_ALL);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      Await.latch(latch, "the test to release the push");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void recordsAreRefusedBeforeStartAndAfterStop() {
    BlockGenerator generator = generator();

    assertThatThrownBy(() -> generator.addData("early"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stream 1 is not started yet");
    assertThatThrownBy(generator::requireActive).isInstanceOf(IllegalStateException.class);

    generator.start();
    generator.stop();

    assertThatThrownBy(() -> generator.addData("late"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("stream 1 has been stopped");
    assertThat(blocks).isEmpty();
  }

  @Test
  void aGeneratorStartsOnceAndNeverAfterItStopped() {
    BlockGenerator generator = generator();
    generator.start();

    assertThatThrownBy(generator::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot move from ACTIVE to ACTIVE")
        .hasMessageContaining("cannot start again");

    generator.stop();
    generator.stop();
    assertThatThrownBy(generator::start)
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot move from STOPPED_ALL to ACTIVE");
  }

  @Test
  void aGeneratorStoppedBeforeItStartedIsSimplyStopped() {
    BlockGenerator generator = generator();

    generator.stop();

    assertThat(generator.state()).isEqualTo(State.STOPPED_ALL);
    assertThat(clock.pendingTasks()).isZero();
  }

  @Test
  void aBlockThatFailsToStoreIsReportedAndTheNextBlockIsStored() {
    BlockGenerator generator = generator(block -> {
      if (block.contains("bad")) {
        throw new IllegalStateException("disk full");
      }
      blocks.add(block);
    });
    generator.start();
    generator.addData("bad");
    clock.advance(200);
    generator.addData("good");
    clock.advance(200);

    assertThat(errors).singleElement().asString()
        .startsWith("could not store a block of 1 records received by stream 1; those records are lost")
        .contains("disk full");
    assertThat(blocks).containsExactly(List.of("good"));
  }

  @Test
  void everyRecordPassesTheRateLimiter() {
        BlockGenerator generator = new BlockGenerator("stream 1", 200, clock, new RateLimiter(10, clock),
        blocks::add, (message, error) -> errors.add(message));
    generator.start();

    for (int i = 0; i < 3; i++) {
      generator.addData(i);
    }

    assertThat(clock.sleptNanos()).isCloseTo(200_000_000L, within(1_000L));
  }

  @Test
  void theLifecycleMovesOnlyForwardOneStepAtATime() {
    assertThat(State.INITIALIZED.canMoveTo(State.ACTIVE)).isTrue();
    assertThat(State.INITIALIZED.canMoveTo(State.STOPPED_ALL)).isTrue();
    assertThat(State.ACTIVE.canMoveTo(State.STOPPED_ADDING_DATA)).isTrue();
    assertThat(State.STOPPED_ADDING_DATA.canMoveTo(State.STOPPED_GENERATING_BLOCKS)).isTrue();
    assertThat(State.STOPPED_GENERATING_BLOCKS.canMoveTo(State.STOPPED_ALL)).isTrue();
    assertThat(State.ACTIVE.canMoveTo(State.STOPPED_ALL)).isFalse();
    assertThat(State.STOPPED_ALL.canMoveTo(State.ACTIVE)).isFalse();
    assertThat(State.ACTIVE.canMoveTo(State.INITIALIZED)).isFalse();
  }

  @Test
  void argumentsAreValidated() {
    RateLimiter limiter = new RateLimiter(0, clock);
    assertThatThrownBy(() -> new BlockGenerator("s", 0, clock, limiter, blocks::add, (m, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive, got 0 ms");
    assertThatThrownBy(() -> new BlockGenerator("s", 200, null, limiter, blocks::add, (m, e) -> {}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
  }
}

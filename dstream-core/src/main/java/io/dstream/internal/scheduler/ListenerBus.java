package io.dstream.internal.scheduler;

import io.dstream.ConfigKeys;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import io.dstream.scheduler.StreamingListenerPartitionsAssigned;
import io.dstream.scheduler.StreamingListenerPartitionsRevoked;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.scheduler.StreamingListenerReceiverStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import io.dstream.scheduler.StreamingListenerStateRestored;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener events on one dedicated thread, in the order they were posted, so that listeners
 * never slow down the batches. At most {@code dstream.listenerBus.capacity} events wait for delivery: when a
 * slow listener lets the queue fill up, further events are dropped and counted, with one WARN at the first
 * drop (as Spark's listener bus does). A listener that throws is logged and skipped for that event; a fatal
 * error (see {@link io.dstream.checkpoint.internal.FatalErrors}), from a listener or from the bus itself, goes to the
 * context, which stops.
 */
public final class ListenerBus {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);

  /** What the delivery thread takes from its queue. */
  private sealed interface Item permits Deliver, AfterDelivered, Stop {}

  /** A listener event; counts against the capacity. */
  private record Deliver(StreamingListenerEvent event) implements Item {}

  /** Runs once every item queued before it is delivered; never dropped. */
  private record AfterDelivered(Runnable action) implements Item {}

  private record Stop() implements Item {}

  private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private final int capacity;
  private final AtomicInteger queuedEvents = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean warnedOfDrop = new AtomicBoolean();
  private final Thread thread;
  private final FailureHandler failures;
  private volatile boolean ended;

  /**
   * Creates the bus; events posted before {@link #start()} wait in its queue.
   *
   * @param appName the application name, for the thread name
   * @param capacity how many events may wait for delivery before new ones are dropped
   * @param failures told of a fatal error that a listener, or the bus itself, threw
   */
  public ListenerBus(String appName, int capacity, FailureHandler failures) {
    this.capacity = capacity;
    this.failures = failures;
    thread = new Thread(this::deliverLoop, "dstream-" + appName + "-listener-bus");
    thread.setDaemon(true);
  }

  /**
   * Adds a listener; it receives the events posted after this call.
   *
   * @param listener the listener
   */
  public void addListener(StreamingListener listener) {
    listeners.add(listener);
  }

  /**
   * Removes a listener.
   *
   * @param listener the listener
   */
  public void removeListener(StreamingListener listener) {
    listeners.remove(listener);
  }

  /** Starts delivering events. */
  public void start() {
    thread.start();
  }

  /**
   * Queues an event for delivery, or drops it if {@code capacity} events wait already. An event posted after
   * the bus has ended is dropped without a count: nobody will ever deliver it.
   *
   * @param event the event
   */
  public void post(StreamingListenerEvent event) {
    if (ended) {
      return;
    }
    if (queuedEvents.incrementAndGet() > capacity) {
      queuedEvents.decrementAndGet();
      dropped.incrementAndGet();
      if (warnedOfDrop.compareAndSet(false, true)) {
        LOG.warn("Dropping a listener event ({}): {} events already wait for delivery, so a StreamingListener is "
            + "slower than the batches. Later drops are counted, not logged; make the listener return faster, or "
            + "raise {}", event.getClass().getSimpleName(), capacity, ConfigKeys.LISTENER_BUS_CAPACITY.name());
      }
      return;
    }
    queue.add(new Deliver(event));
  }

  /**
   * Runs an action once every event posted before this call has been delivered (or dropped), on the
   * delivery thread; at once, on the caller's thread, if the bus has ended. The action must return quickly.
   *
   * @param action what to run
   */
  public void afterDelivered(Runnable action) {
    if (ended) {
      action.run();
      return;
    }
    queue.add(new AfterDelivered(action));
    if (ended) {
      // The loop ended meanwhile: release what it will never reach (an action runs at most once).
      runLeftActions();
    }
  }

  /**
   * Returns how many events were dropped because the queue was full.
   *
   * @return the count since the bus was created
   */
  public long droppedEvents() {
    return dropped.get();
  }

  /**
   * Tells whether a thread is the one that calls the listeners.
   *
   * @param candidate the thread
   * @return true for the delivery thread
   */
  public boolean isDeliveryThread(Thread candidate) {
    return candidate == thread;
  }

  /**
   * Delivers the events already queued, then stops the delivery thread; waits for it until the stop's
   * deadline, unless called from a listener (the delivery thread itself).
   *
   * @param deadlineNanos the stop's deadline, on the scale of {@link System#nanoTime()}
   */
  public void stop(long deadlineNanos) {
    if (dropped.get() > 0) {
      LOG.info("The listener bus dropped {} events in all because listeners fell behind", dropped.get());
    }
    if (!thread.isAlive()) {
      return;
    }
    queue.add(new Stop());
    if (isDeliveryThread(Thread.currentThread())) {
      return;
    }
    try {
      thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliverLoop() {
    try {
      while (true) {
        Item item = queue.take();
        if (item instanceof Stop) {
          return;
        } else if (item instanceof Deliver deliver) {
          queuedEvents.decrementAndGet();
          for (StreamingListener listener : listeners) {
            deliver(listener, deliver.event());
          }
        } else if (item instanceof AfterDelivered after) {
          runAction(after);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (VirtualMachineError e) {
      failures.fatalError("the listener bus", e);
    } finally {
      ended = true;
      runLeftActions();
    }
  }

  /** Runs the actions left in the queue of an ended bus: their events will never be delivered. */
  private void runLeftActions() {
    List<Item> left = new ArrayList<>();
    queue.drainTo(left);
    for (Item item : left) {
      if (item instanceof AfterDelivered after) {
        runAction(after);
      }
    }
  }

  private static void runAction(AfterDelivered after) {
    try {
      after.action().run();
    } catch (RuntimeException e) {
      LOG.error("An action waiting for the delivery of listener events failed; delivery goes on", e);
    }
  }

  private void deliver(StreamingListener listener, StreamingListenerEvent event) {
    try {
      if (event instanceof StreamingListenerStreamingStarted e) {
        listener.onStreamingStarted(e);
      } else if (event instanceof StreamingListenerBatchSubmitted e) {
        listener.onBatchSubmitted(e);
      } else if (event instanceof StreamingListenerBatchStarted e) {
        listener.onBatchStarted(e);
      } else if (event instanceof StreamingListenerBatchCompleted e) {
        listener.onBatchCompleted(e);
      } else if (event instanceof StreamingListenerOutputOperationStarted e) {
        listener.onOutputOperationStarted(e);
      } else if (event instanceof StreamingListenerOutputOperationCompleted e) {
        listener.onOutputOperationCompleted(e);
      } else if (event instanceof StreamingListenerReceiverStarted e) {
        listener.onReceiverStarted(e);
      } else if (event instanceof StreamingListenerReceiverError e) {
        listener.onReceiverError(e);
      } else if (event instanceof StreamingListenerReceiverStopped e) {
        listener.onReceiverStopped(e);
      } else if (event instanceof StreamingListenerPartitionsAssigned e) {
        listener.onPartitionsAssigned(e);
      } else if (event instanceof StreamingListenerPartitionsRevoked e) {
        listener.onPartitionsRevoked(e);
      } else if (event instanceof StreamingListenerStateRestored e) {
        listener.onStateRestored(e);
      }
    } catch (VirtualMachineError e) {
      failures.fatalError("streaming listener " + listener.getClass().getName() + " handling "
          + event.getClass().getSimpleName(), e);
    } catch (Throwable e) {
      // Errors too (an AssertionError in a test's listener): one listener must not end delivery for all.
      LOG.warn("Streaming listener {} threw on {}; it keeps receiving later events", listener.getClass().getName(),
          event.getClass().getSimpleName(), e);
    }
  }
}

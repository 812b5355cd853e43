package io.dstream.internal.scheduler;

import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import io.dstream.scheduler.StreamingListenerReceiverError;
import io.dstream.scheduler.StreamingListenerReceiverStarted;
import io.dstream.scheduler.StreamingListenerReceiverStopped;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers listener events on one dedicated thread, in the order they were posted, so that listeners
 * never slow down the batches. A listener that throws is logged and skipped for that event; a fatal error
 * (see {@link io.dstream.internal.FatalErrors}) goes to the context, which stops.
 */
public final class ListenerBus {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerBus.class);

  private final List<StreamingListener> listeners = new CopyOnWriteArrayList<>();
  private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
  private final Object progress = new Object();
  private final Thread thread;
  private final FailureHandler failures;
  private long posted;
  private long delivered;
  private boolean ended;

  private static final Object STOP = new Object();

  /**
   * Creates the bus; events posted before {@link #start()} wait in its queue.
   *
   * @param appName the application name, for the thread name
   * @param failures told of a fatal error that a listener threw
   */
  public ListenerBus(String appName, FailureHandler failures) {
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
   * Queues an event for delivery.
   *
   * @param event the event
   */
  public void post(StreamingListenerEvent event) {
    synchronized (progress) {
      posted++;
    }
    queue.add(event);
  }

  /**
   * Waits until every event posted before this call has been delivered.
   *
   * @param timeoutMillis how long to wait at most
   * @return true if delivered, false on timeout or if the bus has stopped (events posted after its stop are
   *     never delivered)
   * @throws InterruptedException if interrupted while waiting
   */
  public boolean waitUntilDelivered(long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    synchronized (progress) {
      long target = posted;
      while (delivered < target) {
        if (ended) {
          return false;
        }
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        progress.wait(left);
      }
      return true;
    }
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
   * Delivers the events already queued, then stops the delivery thread; waits for it unless called from a
   * listener (the delivery thread itself).
   */
  public void stop() {
    if (!thread.isAlive()) {
      return;
    }
    queue.add(STOP);
    if (isDeliveryThread(Thread.currentThread())) {
      return;
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliverLoop() {
    try {
      while (true) {
        Object event = queue.take();
        if (event == STOP) {
          return;
        }
        for (StreamingListener listener : listeners) {
          deliver(listener, (StreamingListenerEvent) event);
        }
        synchronized (progress) {
          delivered++;
          progress.notifyAll();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      synchronized (progress) {
        ended = true;
        progress.notifyAll();
      }
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

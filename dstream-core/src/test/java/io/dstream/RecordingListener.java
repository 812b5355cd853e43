package io.dstream;

import io.dstream.scheduler.BatchInfo;
import io.dstream.scheduler.OutputOperationInfo;
import io.dstream.scheduler.StreamingListener;
import io.dstream.scheduler.StreamingListenerBatchCompleted;
import io.dstream.scheduler.StreamingListenerBatchStarted;
import io.dstream.scheduler.StreamingListenerBatchSubmitted;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerOutputOperationCompleted;
import io.dstream.scheduler.StreamingListenerOutputOperationStarted;
import io.dstream.scheduler.StreamingListenerStreamingStarted;
import java.util.ArrayList;
import java.util.List;

/** A listener that keeps every event it receives, in order, for tests to inspect. */
final class RecordingListener implements StreamingListener {
  private final List<StreamingListenerEvent> events = new ArrayList<>();

  @Override
  public synchronized void onStreamingStarted(StreamingListenerStreamingStarted event) {
    events.add(event);
  }

  @Override
  public synchronized void onBatchSubmitted(StreamingListenerBatchSubmitted event) {
    events.add(event);
  }

  @Override
  public synchronized void onBatchStarted(StreamingListenerBatchStarted event) {
    events.add(event);
  }

  @Override
  public synchronized void onBatchCompleted(StreamingListenerBatchCompleted event) {
    events.add(event);
  }

  @Override
  public synchronized void onOutputOperationStarted(StreamingListenerOutputOperationStarted event) {
    events.add(event);
  }

  @Override
  public synchronized void onOutputOperationCompleted(StreamingListenerOutputOperationCompleted event) {
    events.add(event);
  }

  synchronized List<StreamingListenerEvent> events() {
    return List.copyOf(events);
  }

  /** Returns each event as a short line such as {@code opStarted 1000 ms #0}, to compare sequences. */
  synchronized List<String> eventNames() {
    List<String> names = new ArrayList<>();
    for (StreamingListenerEvent event : events) {
      names.add(describe(event));
    }
    return names;
  }

  synchronized List<BatchInfo> completedBatches() {
    List<BatchInfo> batches = new ArrayList<>();
    for (StreamingListenerEvent event : events) {
      if (event instanceof StreamingListenerBatchCompleted completed) {
        batches.add(completed.batchInfo());
      }
    }
    return batches;
  }

  synchronized List<OutputOperationInfo> completedOutputOperations() {
    List<OutputOperationInfo> infos = new ArrayList<>();
    for (StreamingListenerEvent event : events) {
      if (event instanceof StreamingListenerOutputOperationCompleted completed) {
        infos.add(completed.outputOperationInfo());
      }
    }
    return infos;
  }

  private static String describe(StreamingListenerEvent event) {
    if (event instanceof StreamingListenerStreamingStarted) {
      return "streamingStarted";
    } else if (event instanceof StreamingListenerBatchSubmitted e) {
      return "batchSubmitted " + e.batchInfo().batchTime();
    } else if (event instanceof StreamingListenerBatchStarted e) {
      return "batchStarted " + e.batchInfo().batchTime();
    } else if (event instanceof StreamingListenerBatchCompleted e) {
      return "batchCompleted " + e.batchInfo().batchTime();
    } else if (event instanceof StreamingListenerOutputOperationStarted e) {
      return "opStarted " + e.outputOperationInfo().batchTime() + " #" + e.outputOperationInfo().id();
    } else if (event instanceof StreamingListenerOutputOperationCompleted e) {
      return "opCompleted " + e.outputOperationInfo().batchTime() + " #" + e.outputOperationInfo().id();
    }
    throw new IllegalArgumentException("unknown event " + event);
  }
}

package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input stream fed from a queue of RDDs ({@code ssc.queueStream}): each batch takes the next queued RDD
 * (or every queued RDD, as one union), or the default RDD (or an empty one) when the queue is empty. Taking
 * from the queue cannot be undone, so a batch that was forgotten has no RDD when asked for again.
 *
 * @param <T> the record type
 */
public final class QueueInputNode<T> extends InputNode<T> {
  private static final Logger LOG = LoggerFactory.getLogger(QueueInputNode.class);

  private final Queue<RDD<T>> queue;
  private final boolean oneAtATime;
  private final RDD<T> defaultRdd;
  private final Supplier<RDD<T>> emptyRdd;
  private Time lastServedTime;

  /**
   * Creates the stream.
   *
   * @param graph the graph
   * @param queue the queue; the caller may keep adding to it, synchronizing on it
   * @param oneAtATime true to take one RDD per batch, false to take all queued RDDs
   * @param defaultRdd the RDD of a batch that finds the queue empty, or null for an empty RDD
   * @param emptyRdd makes an empty RDD
   */
  public QueueInputNode(DStreamGraph graph, Queue<RDD<T>> queue, boolean oneAtATime, RDD<T> defaultRdd,
      Supplier<RDD<T>> emptyRdd) {
    super(graph);
    this.queue = queue;
    this.oneAtATime = oneAtATime;
    this.defaultRdd = defaultRdd;
    this.emptyRdd = emptyRdd;
  }

  @Override
  protected RDD<T> compute(Time time) {
    // Called under the node's lock, with increasing times except when a forgotten batch is asked for again.
    if (lastServedTime != null && !time.greater(lastServedTime)) {
      LOG.warn("{} was asked again for batch {} after forgetting it; a queue cannot replay the RDD it handed "
          + "out, so the batch has none (use ssc.remember to keep batches longer)", this, time);
      return null;
    }
    lastServedTime = time;
    List<RDD<T>> taken = new ArrayList<>();
    synchronized (queue) {
      if (oneAtATime) {
        RDD<T> next = queue.poll();
        if (next != null) {
          taken.add(next);
        }
      } else {
        taken.addAll(queue);
        queue.clear();
      }
    }
    if (taken.isEmpty()) {
      return defaultRdd != null ? defaultRdd : emptyRdd.get();
    }
    RDD<T> result = taken.get(0);
    for (int i = 1; i < taken.size(); i++) {
      result = result.union(taken.get(i));
    }
    return result;
  }

  @Override
  public String operationName() {
    return "queueStream";
  }

  /**
   * Whether a batch takes one queued RDD or all of them: that decides what each batch holds. The queue and
   * the default RDD are data, and not compared.
   */
  @Override
  public Map<String, String> parameters() {
    return Map.of("oneAtATime", String.valueOf(oneAtATime));
  }
}

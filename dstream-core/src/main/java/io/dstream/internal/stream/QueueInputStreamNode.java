package io.dstream.internal.stream;

import io.dstream.Time;
import io.dstream.internal.rdd.Engine;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.rdd.RddOperations;
import io.dstream.rdd.RDD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input stream fed from a queue of RDDs ({@code ssc.queueStream}): each batch takes the next queued RDD
 * (or every queued RDD, as one union), or the default RDD (or an empty one) when the queue is empty. Taking
 * from the queue cannot be undone, so a batch that was forgotten has no RDD when asked for again.
 *
 * @param <T> the record type
 */
public final class QueueInputStreamNode<T> extends InputStreamNode<T> {
  private static final Logger LOG = LoggerFactory.getLogger(QueueInputStreamNode.class);

  private final Queue<RDD<T>> queue;
  private final Function<RDD<T>, RddNode<T>> nodeOf;
  private final boolean oneAtATime;
  private final RddNode<T> defaultRdd;
  private final Engine engine;
  private Time lastServedTime;

  /**
   * Creates the stream.
   *
   * @param graph the graph
   * @param queue the queue; the caller may keep adding to it, synchronizing on it
   * @param nodeOf turns a queued RDD (the user's public one) into its node
   * @param oneAtATime true to take one RDD per batch, false to take all queued RDDs
   * @param defaultRdd the RDD of a batch that finds the queue empty, or null for an empty RDD
   * @param engine the engine of the empty RDDs
   */
  public QueueInputStreamNode(DStreamGraph graph, Queue<RDD<T>> queue, Function<RDD<T>, RddNode<T>> nodeOf,
      boolean oneAtATime, RddNode<T> defaultRdd, Engine engine) {
    super(graph);
    this.queue = queue;
    this.nodeOf = nodeOf;
    this.oneAtATime = oneAtATime;
    this.defaultRdd = defaultRdd;
    this.engine = engine;
  }

  @Override
  protected RddNode<T> compute(Time time) {
    // Called under the node's lock, with increasing times except when a forgotten batch is asked for again.
    if (lastServedTime != null && !time.greater(lastServedTime)) {
      LOG.warn("{} was asked again for batch {} after forgetting it; a queue cannot replay the RDD it handed "
          + "out, so the batch has none (use ssc.remember to keep batches longer)", this, time);
      return null;
    }
    lastServedTime = time;
    List<RddNode<T>> taken = new ArrayList<>();
    synchronized (queue) {
      if (oneAtATime) {
        RDD<T> next = queue.poll();
        if (next != null) {
          taken.add(nodeOf.apply(next));
        }
      } else {
        queue.forEach(rdd -> taken.add(nodeOf.apply(rdd)));
        queue.clear();
      }
    }
    if (taken.isEmpty()) {
      return defaultRdd != null ? defaultRdd : RddOperations.empty(engine);
    }
    return taken.size() == 1 ? taken.get(0) : RddOperations.union(taken);
  }

  /**
   * True: a batch computed early ({@code slice} past the latest batch) takes the queued RDD its time would
   * have taken, provided the batches before it are computed first, as {@code slice} does; it is cached, and
   * its batch runs with it. An RDD queued afterwards goes to a later batch.
   */
  @Override
  protected boolean computesAhead() {
    return true;
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

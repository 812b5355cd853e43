package io.dstream.kafka.internal;

import io.dstream.Time;
import io.dstream.scheduler.StreamingListenerEvent;
import io.dstream.scheduler.StreamingListenerPartitionsAssigned;
import io.dstream.scheduler.StreamingListenerPartitionsRevoked;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The membership of one instance of a scale-out application in the application's Kafka consumer group: one
 * consumer per instance, subscribed to every topic its streams read, with its partitions paused. It never
 * fetches records (the batches' tasks read their offset ranges themselves); it only takes part in the group,
 * which tells it the partitions it owns.
 *
 * <p>The group is asked once per batch, when the batch is generated ({@link #viewAt}), and only once every
 * batch generated before has been committed or aborted: the consumer polls, and so can take part in a
 * rebalance, only between batches. A partition is thus never given away while a batch that reads it is in
 * flight, and the group metadata a batch commits its offsets with is the one under which it read them. The
 * eager assignor ({@code RangeAssignor}) is used, whose every rebalance starts by revoking all partitions.
 *
 * <p>Used on the job generator's thread, except the lookups of the batch transaction ({@link #offsetsOf},
 * {@link #metadataOf}) and {@link #batchEnded}, which run on job threads.
 */
public final class InstanceGroup implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceGroup.class);
  private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION =
      Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition);
  private static final Duration REBALANCE_POLL = Duration.ofMillis(50);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  // A partition held back this many batch intervals or more points at clocks that differ between machines.
  private static final long MANY_BATCHES = 10;

  private final String groupId;
  private Map<String, Object> consumerConfig; // guarded by this; set by the first subscription
  private final Duration batchInterval;
  private final Duration committedTimeout;
  private final BooleanSupplier contextActive;
  private final java.util.function.Consumer<StreamingListenerEvent> events;
  private final Set<String> topics = new TreeSet<>();
  private final List<OffsetSource> sources = new CopyOnWriteArrayList<>();
  private final ConcurrentSkipListMap<Time, BatchView> views = new ConcurrentSkipListMap<>();
  private final Object ended = new Object();
  private Time endedThrough; // guarded by ended
  // The fields below belong to the job generator's thread.
  // The partitions owned at the previous batch that every assignment since has kept (see viewAt).
  private final Set<TopicPartition> continuouslyAssigned = new HashSet<>();
  // Assigned partitions held back until a later batch, with the previous owner's last batch time (see deferred).
  private final Map<TopicPartition, Long> deferredUntil = new HashMap<>();
  private Consumer<byte[], byte[]> consumer;
  private Set<TopicPartition> owned = Set.of();
  private Time lastViewed;
  private BatchView lastView;

  /** What the streams of the group tell the batch transaction: the offsets a batch read up to. */
  public interface OffsetSource {
    /**
     * Returns, for each partition a batch read records of, the offset the next batch starts at.
     *
     * @param batch the batch time
     * @return the offsets to commit with the batch
     */
    Map<TopicPartition, OffsetAndMetadata> offsetsOf(Time batch);
  }

  /**
   * What the group said at one batch.
   *
   * @param owned the partitions the instance owns
   * @param gained those it did not own at the previous batch
   * @param committed the group's committed offsets of the gained partitions, where it has some
   * @param metadata the group generation the batch commits its offsets under
   */
  public record BatchView(Set<TopicPartition> owned, Set<TopicPartition> gained,
      Map<TopicPartition, OffsetAndMetadata> committed, ConsumerGroupMetadata metadata) {}

  /**
   * Creates the membership; the consumer joins at the first batch.
   *
   * @param groupId the application id
   * @param batchInterval the batch interval: how long a batch waits at most for a rebalance to end
   * @param committedTimeout how long reading the committed offsets of gained partitions may take (the previous
   *     owner's last transaction must end first)
   * @param contextActive tells whether the context still runs: waits end when it stops
   * @param events where the partition events go
   */
  public InstanceGroup(String groupId, Duration batchInterval,
      Duration committedTimeout, BooleanSupplier contextActive,
      java.util.function.Consumer<StreamingListenerEvent> events) {
    this.groupId = groupId;
    this.batchInterval = batchInterval;
    this.committedTimeout = committedTimeout;
    this.contextActive = contextActive;
    this.events = events;
  }

  /**
   * Adds topics to the subscription; before the first batch only.
   *
   * @param more the topics
   * @param source tells the offsets the stream reading them has read, or null if no stream needs committing
   * @param kafkaParams the stream's settings: the first stream's make the group consumer's
   * @throws IllegalStateException if the group has joined already
   * @throws IllegalArgumentException if a topic is subscribed already, or the settings contradict what the group
   *     needs (see {@link GroupConsumerConfig})
   */
  public synchronized void subscribe(Collection<String> more, OffsetSource source, Map<String, Object> kafkaParams) {
    if (consumer != null) {
      throw new IllegalStateException("the instance has joined its consumer group " + groupId + " already; define "
          + "every Kafka stream before the context starts");
    }
    Map<String, Object> config = GroupConsumerConfig.of(groupId, kafkaParams);
    for (String topic : more) {
      if (topics.contains(topic)) {
        throw new IllegalArgumentException("topic " + topic + " is read by another Kafka stream of this instance "
            + "already; in a scale-out application each topic is read once: reuse that stream");
      }
    }
    if (consumerConfig == null) {
      consumerConfig = Map.copyOf(config);
    }
    topics.addAll(more);
    if (source != null) {
      sources.add(source);
    }
  }

  /**
   * Returns what the group says at a batch: asked once per batch (later calls for the same batch return the same
   * view). Waits until every batch viewed before has ended, then polls the group; while a rebalance is under way
   * (the instance owns nothing), polls on for at most two batch intervals.
   *
   * @param batch the batch being generated
   * @return the view
   * @throws org.apache.kafka.common.KafkaException if the group cannot be reached or its offsets read
   */
  public BatchView viewAt(Time batch) {
    BatchView known = views.get(batch);
    if (known != null) {
      return known;
    }
    if (!contextActive.getAsBoolean() && lastView != null) {
      // Stopping: the batches still generated keep the partitions as they are, without polling the group,
      // which could take part in a rebalance while an earlier batch is being committed.
      return remember(batch, new BatchView(lastView.owned(), Set.of(), Map.of(), lastView.metadata()));
    }
    awaitEndOfViewedBatches();
    if (topics.isEmpty()) {
      // Only sinks write in this instance's transactions: it reads nothing, so it owns nothing.
      return remember(batch, new BatchView(Set.of(), Set.of(), Map.of(), null));
    }
    Consumer<byte[], byte[]> group = consumer();
    continuouslyAssigned.clear();
    continuouslyAssigned.addAll(owned);
    group.poll(Duration.ZERO);
    long deadline = System.nanoTime() + batchInterval.multipliedBy(2).toNanos();
    while (group.assignment().isEmpty() && System.nanoTime() < deadline && contextActive.getAsBoolean()) {
      group.poll(REBALANCE_POLL);
    }
    Set<TopicPartition> assigned = Set.copyOf(group.assignment());
    Set<TopicPartition> kept = new HashSet<>(continuouslyAssigned);
    kept.retainAll(assigned);
    Set<TopicPartition> candidates = new HashSet<>(assigned);
    candidates.removeAll(kept);
    Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    Set<TopicPartition> gained = new HashSet<>();
    if (!candidates.isEmpty()) {
      // With isolation.level=read_committed this waits until the previous owner's last transaction has ended.
      committedOffsets(group, candidates).forEach((partition, offset) -> {
        if (offset != null) {
          committed.put(partition, offset);
        }
      });
      for (TopicPartition partition : candidates) {
        long lastBatch = BatchOffsets.batchTimeOf(committed.get(partition));
        if (lastBatch >= batch.milliseconds()) {
          deferred(partition, lastBatch, batch);
        } else {
          deferredUntil.remove(partition);
          gained.add(partition);
        }
      }
    }
    Set<TopicPartition> now = new HashSet<>(kept);
    now.addAll(gained);
    Set<TopicPartition> revoked = new HashSet<>(owned);
    revoked.removeAll(now);
    committed.keySet().retainAll(gained);
    BatchView view = new BatchView(Set.copyOf(now), Set.copyOf(gained), Map.copyOf(committed),
        group.groupMetadata());
    report(batch, view, revoked);
    owned = view.owned();
    return remember(batch, view);
  }

  private BatchView remember(Time batch, BatchView view) {
    views.put(batch, view);
    lastViewed = batch;
    lastView = view;
    return view;
  }

  /**
   * Reads the group's committed offsets of partitions, waiting (in slices of a batch interval, so that a stop
   * is noticed) until the transactions that committed them have ended, at most the committed timeout.
   *
   * @throws IllegalStateException if they stay pending that long
   */
  private Map<TopicPartition, OffsetAndMetadata> committedOffsets(Consumer<byte[], byte[]> group,
      Set<TopicPartition> partitions) {
    long deadline = System.nanoTime() + committedTimeout.toNanos();
    while (true) {
      try {
        return group.committed(partitions, batchInterval);
      } catch (TimeoutException e) {
        if (System.nanoTime() > deadline || !contextActive.getAsBoolean()) {
          throw new IllegalStateException("the committed offsets of " + names(partitions) + " in the consumer "
              + "group " + groupId + " stayed pending for " + committedTimeout.toSeconds() + " s: an instance's "
              + "transaction did not end (dstream.kafka.transactionTimeout), or the broker is unreachable", e);
        }
      }
    }
  }

  /**
   * Holds back a partition whose previous owner committed a batch at or after this one: its batches may run
   * behind the previous owner's clock (a new JVM, a loaded machine), and taking the partition at once would give
   * two different batches of its keys the same batch time, which writers that key by batch time rely on.
   */
  private void deferred(TopicPartition partition, long lastBatch, Time batch) {
    if (deferredUntil.put(partition, lastBatch) != null) {
      return;
    }
    long behind = lastBatch - batch.milliseconds();
    if (behind > MANY_BATCHES * batchInterval.toMillis()) {
      LOG.warn("Instance of {} takes {} only after batch {} ms, the last its previous owner committed, {} ms "
          + "after this batch ({}): do the clocks of the instances' machines differ? The partition waits that "
          + "long", groupId, partition, lastBatch, behind, batch);
    } else {
      LOG.info("Instance of {} takes {} only after batch {} ms, the last its previous owner committed (this "
          + "batch is {})", groupId, partition, lastBatch, batch);
    }
  }

  private void report(Time batch, BatchView view, Set<TopicPartition> revoked) {
    if (revoked.isEmpty() && view.gained().isEmpty()) {
      return;
    }
    LOG.info("Instance of {} owns {} from batch {} on: gained {}, gave up {} (group generation {})", groupId,
        names(view.owned()), batch, names(view.gained()), names(revoked), view.metadata().generationId());
    if (!revoked.isEmpty()) {
      events.accept(new StreamingListenerPartitionsRevoked(batch, names(revoked), names(view.owned())));
    }
    if (!view.gained().isEmpty()) {
      events.accept(new StreamingListenerPartitionsAssigned(batch, names(view.gained()), names(view.owned())));
    }
  }

  private static List<String> names(Set<TopicPartition> partitions) {
    return partitions.stream().sorted(BY_TOPIC_AND_PARTITION).map(TopicPartition::toString).toList();
  }

  /** Waits until the batches viewed before have been committed or aborted, or the context stops. */
  private void awaitEndOfViewedBatches() {
    if (lastViewed == null) {
      return;
    }
    synchronized (ended) {
      while ((endedThrough == null || lastViewed.greater(endedThrough)) && contextActive.getAsBoolean()) {
        try {
          ended.wait(batchInterval.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while batch " + lastViewed + " was being committed", e);
        }
      }
    }
  }

  /**
   * Records that a batch has been committed or aborted, so that the next batch may poll the group.
   *
   * @param batch the batch time
   */
  public void batchEnded(Time batch) {
    synchronized (ended) {
      if (endedThrough == null || batch.greater(endedThrough)) {
        endedThrough = batch;
      }
      ended.notifyAll();
    }
    views.headMap(batch, false).clear();
  }

  /**
   * Returns the offsets a batch commits: for every partition it read records of, where the next batch starts.
   *
   * @param batch the batch time
   * @return the offsets, empty if the batch read nothing
   */
  public Map<TopicPartition, OffsetAndMetadata> offsetsOf(Time batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (OffsetSource source : sources) {
      offsets.putAll(source.offsetsOf(batch));
    }
    return offsets;
  }

  /**
   * Returns the group generation a batch was generated under.
   *
   * @param batch the batch time
   * @return the metadata to commit the batch's offsets with
   * @throws IllegalStateException if the batch was not viewed, or is forgotten
   */
  public ConsumerGroupMetadata metadataOf(Time batch) {
    BatchView view = views.get(batch);
    if (view == null) {
      throw new IllegalStateException("batch " + batch + " read offsets without asking the consumer group "
          + groupId + " which partitions it owns");
    }
    return view.metadata();
  }

  /**
   * Returns the group id.
   *
   * @return the application id
   */
  public String groupId() {
    return groupId;
  }

  private synchronized Consumer<byte[], byte[]> consumer() {
    if (consumer == null) {
      KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(consumerConfig);
      created.subscribe(topics, new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          // Nothing is in flight: the group is polled only between batches.
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          created.pause(partitions);
          // The eager protocol assigns every partition anew: one missing here had another owner in between.
          continuouslyAssigned.retainAll(partitions);
          deferredUntil.keySet().retainAll(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
          // Another member may have read them meanwhile: their state must be restored if they come back.
          continuouslyAssigned.removeAll(partitions);
          deferredUntil.keySet().removeAll(partitions);
        }
      });
      consumer = created;
      LOG.info("Instance of {} joins its consumer group, subscribed to {}", groupId, topics);
    }
    return consumer;
  }

  /** Leaves the group, so that the other instances take over the partitions at once. */
  @Override
  public synchronized void close() {
    if (consumer != null) {
      // The job generator has stopped, or gave up within the stop's timeout while still in a call here: wake it
      // so that it leaves the consumer to this thread.
      consumer.wakeup();
      consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
      consumer = null;
    }
    synchronized (ended) {
      ended.notifyAll();
    }
  }
}

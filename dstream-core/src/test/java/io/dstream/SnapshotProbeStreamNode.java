package io.dstream;

import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.SnapshottingStream;
import io.dstream.internal.stream.StreamNode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test double for a stateful stream (the seam that {@code updateStateByKey} implements): it passes its
 * parent's RDDs through, claims a snapshot at every batch time that is a multiple of two seconds, and records
 * what recovery asks it to restore.
 *
 * @param <T> the record type
 */
final class SnapshotProbeStreamNode<T> extends PassThroughStreamNode<T> implements SnapshottingStream {
  private final IOException restoreFailure;
  private volatile boolean writesSnapshots = true;
  private volatile Time latestSnapshot;
  final List<Time> restored = new CopyOnWriteArrayList<>();

  private SnapshotProbeStreamNode(StreamNode<T> parent, IOException restoreFailure) {
    super(parent);
    this.restoreFailure = restoreFailure;
  }

  /** Returns a probe over a stream. */
  static <T> SnapshotProbeStreamNode<T> over(DStream<T> stream) {
    return over(stream, null);
  }

  /** Returns a probe whose restore fails with the given exception. */
  static <T> SnapshotProbeStreamNode<T> over(DStream<T> stream, IOException restoreFailure) {
    return new SnapshotProbeStreamNode<>(stream.node, restoreFailure);
  }

  /** Returns the probe as a stream of the given context (the context of the stream it probes). */
  DStream<T> asStream(StreamingContext ssc) {
    return new DStream<>(ssc, this);
  }

  @Override
  protected RddNode<T> compute(Time time) throws Exception {
    if (time.milliseconds() % 2_000 == 0) {
      latestSnapshot = time;
    }
    return super.compute(time);
  }

  /** Makes the probe say that it writes no snapshots, as a module's stream does without a checkpoint directory. */
  SnapshotProbeStreamNode<T> writingNoSnapshots() {
    writesSnapshots = false;
    return this;
  }

  @Override
  public boolean writesSnapshots() {
    return writesSnapshots;
  }

  @Override
  public Optional<Time> latestSnapshotTime() {
    return Optional.ofNullable(latestSnapshot);
  }

  /** Accepts every snapshot: a restore failure given at creation is one that a check cannot foresee. */
  @Override
  public void checkSnapshot(Time time) {}

  @Override
  public void restoreSnapshot(Time time) throws IOException {
    if (restoreFailure != null) {
      throw restoreFailure;
    }
    restored.add(time);
    latestSnapshot = time;
  }

  @Override
  public String operationName() {
    return "snapshotProbe";
  }
}

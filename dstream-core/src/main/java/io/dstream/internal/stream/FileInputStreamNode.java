package io.dstream.internal.stream;

import io.dstream.Duration;
import io.dstream.Time;
import io.dstream.checkpoint.fs.Location;
import io.dstream.function.Function;
import io.dstream.internal.rdd.RddNode;
import io.dstream.internal.stream.FileStreamProgress.TakenFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An input stream of the new files in a directory: their lines ({@code textFileStream}, {@code fileStream}) or
 * their fixed-length records ({@code binaryRecordsStream}), as its {@link FileBatchReader} reads them; it
 * needs no receiver.
 *
 * <p>The batch at time {@code T} takes every file of the directory (see {@link NewFileFinder} for which
 * entries count as files) modified in {@code [T - window, T]} and not taken by an earlier batch, where the
 * window is the smallest multiple of the batch duration that is at least the minimum remember duration
 * (60 s by default). With {@code newFilesOnly}, files modified before the first start are never taken;
 * without it, the first batch also takes every older file already there. A file must appear by an atomic
 * move or rename and must not change afterwards: its contents are read when the batch's job runs, up to its
 * length when the batch took it, and a change noticed later is logged once (see {@link TakenFiles}). Each
 * file is one partition per {@code maxPartitionBytes}, as the reader cuts it.
 *
 * <p>The files each batch took, with their lengths and modification times then, are remembered for the window
 * (to take no file twice) or the stream's remember duration if longer (so that after a restart a downstream
 * window recomputes its older batches from the same files), and, for batches not completed successfully,
 * until they are; they are this stream's
 * {@link #progress()}, so a batch run again after a restart reads exactly the bytes it read before, and a
 * file changed in between is logged as if no restart had happened.
 *
 * @param <T> the record type
 */
public final class FileInputStreamNode<T> extends InputStreamNode<T> implements RecoverableInput {
  private static final Logger LOG = LoggerFactory.getLogger(FileInputStreamNode.class);
  private boolean warnedForgottenBatch;

  private final FileBatchReader<T> reader;
  private final Location directory;
  private final NewFileFinder finder;
  private final boolean newFilesOnly;
  private final Duration window;
  private final TreeMap<Time, List<TakenFile>> takenByBatch = new TreeMap<>();
  private final TakenFiles taken = new TakenFiles(this);
  private long ignoreBeforeMs = Long.MIN_VALUE;
  private boolean listingFails;

  /**
   * Creates the stream.
   *
   * @param graph the graph
   * @param reader makes the RDD of the files a batch took
   * @param directory the directory to watch
   * @param filter accepts a file by its location (the URI as text)
   * @param newFilesOnly true to ignore the files modified before the first start
   * @param minRememberDuration the least time files are considered after their modification
   */
  public FileInputStreamNode(DStreamGraph graph, FileBatchReader<T> reader, Location directory,
      Function<String, Boolean> filter, boolean newFilesOnly, Duration minRememberDuration) {
    super(graph);
    this.reader = reader;
    this.directory = directory;
    this.finder = new NewFileFinder(this, directory, filter);
    this.newFilesOnly = newFilesOnly;
    long batch = graph.batchDuration().milliseconds();
    long batches = Math.max(1, (minRememberDuration.milliseconds() + batch - 1) / batch);
    this.window = graph.batchDuration().times(Math.toIntExact(batches));
  }

  /**
   * Returns how long after its modification a file is considered: a multiple of the batch duration.
   *
   * @return the window
   */
  public Duration window() {
    return window;
  }

  @Override
  protected synchronized void onStart(long startTimeMillis) {
    if (newFilesOnly) {
      ignoreBeforeMs = startTimeMillis;
    }
  }

  @Override
  protected synchronized RddNode<T> compute(Time time) {
    List<TakenFile> files = takenByBatch.get(time);
    if (files == null) {
      if (!takenByBatch.isEmpty() && !time.greater(takenByBatch.lastKey())) {
        // Once per stream at WARN: a window over forgotten batches asks again every batch.
        if (!warnedForgottenBatch) {
          warnedForgottenBatch = true;
          LOG.warn("{} was asked again for batch {} after forgetting which files it took; the batch has no "
              + "RDD rather than files that later batches may have taken (further cases are logged at DEBUG)",
              this, time);
        } else {
          LOG.debug("{} was asked again for forgotten batch {}; it has no RDD", this, time);
        }
        return null;
      }
      files = findNewFiles(time);
      takenByBatch.put(time, files);
    }
    return reader.read(directory, files);
  }

  private List<TakenFile> findNewFiles(Time time) {
    long from = time.minus(window).milliseconds();
    if (newFilesOnly) {
      from = Math.max(from, ignoreBeforeMs);
    } else if (time.equals(graph().zeroTime().plus(graph().batchDuration()))) {
      from = Long.MIN_VALUE;
    }
    try {
      List<TakenFile> found = finder.find(from, time.milliseconds(), taken);
      if (listingFails) {
        LOG.info("{} can list its directory again", this);
        listingFails = false;
      }
      LOG.debug("{} takes {} new files for batch {}", this, found.size(), time);
      found.forEach(taken::take);
      return List.copyOf(found);
    } catch (IOException e) {
      // The files stay where they are, and a later batch takes them while they are within the window.
      if (!listingFails) {
        LOG.warn("{} cannot list {} ({}); its batches take no files until it can", this, directory, e.toString());
        listingFails = true;
      }
      return List.of();
    }
  }

  @Override
  public synchronized Object progress() {
    List<FileStreamProgress.BatchFiles> batches = new ArrayList<>(takenByBatch.size());
    for (Map.Entry<Time, List<TakenFile>> entry : takenByBatch.entrySet()) {
      batches.add(new FileStreamProgress.BatchFiles(entry.getKey().milliseconds(), entry.getValue()));
    }
    return new FileStreamProgress(ignoreBeforeMs, batches);
  }

  @Override
  public synchronized void restoreProgress(Object progress) {
    if (!(progress instanceof FileStreamProgress files)) {
      throw new IllegalStateException("the checkpoint holds " + describe(progress) + " for " + this
          + ", not the progress of a file stream");
    }
    ignoreBeforeMs = files.ignoreBeforeMs();
    takenByBatch.clear();
    for (FileStreamProgress.BatchFiles batch : files.batches()) {
      takenByBatch.put(new Time(batch.batchTimeMs()), batch.files());
    }
    retainTakenFiles();
  }

  private void retainTakenFiles() {
    List<TakenFile> files = new ArrayList<>();
    takenByBatch.values().forEach(files::addAll);
    taken.retainOnly(files);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Keeps the files of the batches within the window and within the remember duration (what downstream
   * windows read: after a restart they recompute those batches from the files), and of the batches recovery
   * needs (unfinished ones, and those after the latest state snapshot).
   */
  @Override
  public synchronized void forgetProgress(Time completed, Set<Time> neededByRecovery) {
    // A file taken at t was modified at or before t, so no batch after `completed` can take it again once t
    // is more than a window before `completed`: its modification time is then below every later window.
    Duration remember = rememberDuration();
    Time oldestNeeded = completed.minus(remember != null && remember.greater(window) ? remember : window);
    if (takenByBatch.keySet().removeIf(t -> t.less(oldestNeeded) && !neededByRecovery.contains(t))) {
      retainTakenFiles();
    }
  }

  private static String describe(Object value) {
    return value == null ? "nothing" : "a " + value.getClass().getName();
  }

  @Override
  public String operationName() {
    return reader.operationName();
  }

  /**
   * Its directory, since its progress names files of that directory: restored into a stream that reads
   * another one, it would skip files never read and take again files already processed. And newFilesOnly,
   * which decides whether files older than the first start are taken; and the reader's parameters (a binary
   * stream's record length). The filter is code; the window comes from the configuration.
   */
  @Override
  public Map<String, String> parameters() {
    Map<String, String> parameters = new HashMap<>(reader.parameters());
    parameters.put("directory", directory.toString());
    parameters.put("newFilesOnly", String.valueOf(newFilesOnly));
    return Map.copyOf(parameters);
  }
}

package io.dstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The kill-and-restart loop of the crash tests: runs a {@link CrashLoopChild} program in a child JVM on a work
 * directory ({@code in/} the watched input, {@code checkpoints/}, {@code out/<name>-<time>} the outputs), kills
 * it with SIGKILL at random moments, several times, restarting it each time (the child recovers with
 * {@code getOrCreate}), while it feeds input by units (also while the child is down): by default files of
 * random words, moved into the input directory by atomic rename, or whatever a {@link Feed} gives (such as
 * records offered to a {@link ResendingRecordServer}). Finally it lets the last run finish on the end marker;
 * the test then checks the output.
 *
 * <p>The moments are chosen without sleeping: the child reports each batch's submission, output and
 * completion, and the loop kills it after a random number of those reports (zero kills it right after the
 * start, or, counting from the launch, before the JVM has done anything). All random choices come from the
 * given {@link Random}, so a seed reproduces a run.
 *
 * <p>Other modules' crash tests use it from dstream-core's test-jar (such as dstream-kafka's, whose feed produces
 * records to a broker): what they need is public.
 */
public final class CrashLoop implements AutoCloseable {
  /** The output name of the word-count children: their batches go to {@code out/counts-<time>}. */
  static final String COUNTS = "counts";

  /** The input the loop gives the child: one unit at a time, at random moments, then the end marker. */
  public interface Feed {
    /** Gives one unit of input, its files through {@link CrashLoop#feed}. */
    void feedOne(CrashLoop loop, Random random) throws IOException;

    /** Gives the input that ends the child's last run. */
    void feedEnd(CrashLoop loop) throws IOException;
  }

  /** The default input: a file of one to five lines of three random words, and an end file of one word. */
  private static final Feed WORD_FILES = new Feed() {
    @Override
    public void feedOne(CrashLoop loop, Random random) throws IOException {
      List<String> lines = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int l = 0; l < count; l++) {
        lines.add("w" + random.nextInt(20) + " w" + random.nextInt(20) + " w" + random.nextInt(20));
      }
      loop.feed(String.format("f-%04d.txt", loop.filesFed), lines);
    }

    @Override
    public void feedEnd(CrashLoop loop) throws IOException {
      loop.feed("zz-end.txt", List.of(CrashLoopChild.END_WORD));
    }
  };

  private final Path work;
  private final Class<?> childMain;
  private final long batchMillis;
  private final Feed feed;
  private final List<String> extraChildArgs;
  private final List<String> fedLines = new ArrayList<>();
  private final List<ChildJvm> runs = new ArrayList<>();
  private ChildJvm child;
  private int filesFed;
  private int kills;
  private int killsBeforeStart;

  /**
   * Prepares the work directory for a child that is fed files of random words.
   *
   * @param work an empty directory
   * @param childMain the child program: a class whose {@code main} takes the arguments {@link CrashLoopChild}
   *     parses and reports through it
   * @param batchMillis the child's batch interval on the real clock
   */
  CrashLoop(Path work, Class<?> childMain, long batchMillis) throws IOException {
    this(work, childMain, batchMillis, WORD_FILES, List.of());
  }

  /**
   * Prepares the work directory for a child that is fed by {@code feed} and given {@code extraChildArgs} after
   * the arguments {@link CrashLoopChild} parses.
   *
   * @param work an empty directory
   * @param childMain the child program
   * @param batchMillis the child's batch interval on the real clock
   * @param feed the input
   * @param extraChildArgs the program's own arguments
   * @throws IOException if the directories cannot be made
   */
  public CrashLoop(Path work, Class<?> childMain, long batchMillis, Feed feed, List<String> extraChildArgs)
      throws IOException {
    this.work = work;
    this.childMain = childMain;
    this.batchMillis = batchMillis;
    this.feed = feed;
    this.extraChildArgs = List.copyOf(extraChildArgs);
    Files.createDirectories(work.resolve("in"));
    Files.createDirectories(work.resolve("staging"));
    Files.createDirectories(work.resolve("out"));
  }

  /**
   * When a run is killed: after a random number, below {@code eventBound}, of the child's events that
   * {@code counted} accepts, counted from the launch of its JVM (so that the kill may come before the context
   * has started: while {@code getOrCreate} recovers, or recovery runs batches again) or from its report
   * {@code started}; then after a random delay below {@code delayBoundMillis} (none if 0), so that the kill
   * also lands between two reports.
   */
  public record KillMoments(int eventBound, boolean fromLaunch, Predicate<String> counted, int delayBoundMillis) {
    /** The crash tests' moments: after fewer than 20 events of any kind since the start, without delay. */
    static final KillMoments AFTER_START = new KillMoments(20, false, event -> true, 0);
  }

  /** Starts, feeds and kills the child {@code kills} times, at the moments {@link KillMoments#AFTER_START}. */
  void killRepeatedly(Random random, int kills) throws IOException, InterruptedException {
    for (int kill = 0; kill < kills; kill++) {
      runAndKill(random, "run-" + kill, KillMoments.AFTER_START);
    }
  }

  /**
   * Starts the child, feeds a unit with probability 1/3 before each counted event it reports, kills it at one
   * of the {@code moments}, and feeds zero to two units while it is down.
   *
   * @param random the source of every choice
   * @param run the run's name: its log is {@code <work>/<run>.log}
   * @param moments when to kill it
   * @throws IOException if the feed fails
   * @throws InterruptedException if interrupted while the child dies
   */
  public void runAndKill(Random random, String run, KillMoments moments) throws IOException, InterruptedException {
    child = moments.fromLaunch() ? ChildJvm.launch(childMain, log(run), childArgs())
        : ChildJvm.start(childMain, log(run), childArgs());
    runs.add(child);
    int eventsBeforeKill = random.nextInt(moments.eventBound());
    for (int i = 0; i < eventsBeforeKill; i++) {
      if (random.nextInt(3) == 0) {
        feed.feedOne(this, random);
      }
      while (!moments.counted().test(child.next())) {
        // An event the moments do not count.
      }
    }
    if (moments.delayBoundMillis() > 0) {
      // Not a wait for anything: the kill moves to a random point between two reports.
      Thread.sleep(random.nextInt(moments.delayBoundMillis()));
    }
    child.kill();
    kills++;
    killsBeforeStart += child.reportedStarted() ? 0 : 1;
    int whileDown = random.nextInt(3);
    for (int i = 0; i < whileDown; i++) {
      feed.feedOne(this, random);
    }
  }

  /** Starts the child once and feeds it {@code units} units, one before each event it reports; no kill. */
  void runWithoutKills(Random random, int units) throws IOException {
    child = ChildJvm.start(childMain, log("crash-free"), childArgs());
    runs.add(child);
    for (int unit = 0; unit < units; unit++) {
      feed.feedOne(this, random);
      child.next();
    }
  }

  /**
   * Starts the last run (unless {@link #runWithoutKills} left one running), feeds two more units and the end
   * marker, and waits until the child exits with 0.
   *
   * @param random the source of every choice
   * @throws IOException if the feed fails
   * @throws InterruptedException if interrupted while waiting for the child
   */
  public void finish(Random random) throws IOException, InterruptedException {
    if (child == null || !child.isAlive()) {
      child = ChildJvm.start(childMain, log("final"), childArgs());
      runs.add(child);
    }
    feed.feedOne(this, random);
    feed.feedOne(this, random);
    feed.feedEnd(this);
    assertThat(child.awaitExit()).as("exit status of the last run; see %s", child.log()).isZero();
  }

  /** Writes a file in the staging directory and renames it into the input directory. */
  void feed(String name, List<String> lines) throws IOException {
    Path staged = Files.write(work.resolve("staging").resolve(name), lines, StandardCharsets.UTF_8);
    Files.move(staged, work.resolve("in").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    fedLines.addAll(lines);
    filesFed++;
  }

  /** How many files were fed, the end marker's included. */
  int filesFed() {
    return filesFed;
  }

  /** Every line of every file fed, in order. */
  List<String> fedLines() {
    return List.copyOf(fedLines);
  }

  /**
   * How many times the child was killed.
   *
   * @return the number of kills
   */
  public int kills() {
    return kills;
  }

  /**
   * How many of the kills came before the child had reported {@code started}.
   *
   * @return the number of those kills
   */
  public int killsBeforeStart() {
    return killsBeforeStart;
  }

  /**
   * The events each run of the child reported ({@code started}, {@code submitted T}, {@code output T}, ...), one
   * list per run in the order of the runs: the killed runs' up to the kill, the last run's up to its exit.
   *
   * @return the events of every run so far
   */
  public List<List<String>> runEvents() {
    return runs.stream().map(ChildJvm::events).map(List::copyOf).toList();
  }

  /** What a run without any crash counts, in plain Java: every word of every fed line, once. */
  Map<String, Integer> fedWordCounts() {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : fedLines) {
      for (String word : line.split(" ")) {
        counts.merge(word, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The word-count children's output directories ({@link #COUNTS}), as {@link #outputDirectories(String)}. */
  List<Path> outputDirectories() throws IOException {
    return outputDirectories(COUNTS);
  }

  /**
   * The output directories {@code out/<name>-<time>} in batch time order; fails if one lacks its completion
   * marker.
   */
  List<Path> outputDirectories(String name) throws IOException {
    try (Stream<Path> dirs = Files.list(work.resolve("out"))) {
      List<Path> complete = dirs.filter(dir -> dir.getFileName().toString().startsWith(name + "-"))
          .sorted((a, b) -> Long.compare(batchTime(a), batchTime(b))).toList();
      for (Path dir : complete) {
        assertThat(dir.resolve("_SUCCESS")).as("the marker of a complete batch directory").exists();
      }
      return complete;
    }
  }

  /** The names of hidden (half-written) entries left in the output directory. */
  List<String> hiddenLeftovers() throws IOException {
    try (Stream<Path> entries = Files.list(work.resolve("out"))) {
      return entries.map(p -> p.getFileName().toString()).filter(name -> name.startsWith(".")).toList();
    }
  }

  /** The lines of the part files of one output directory. */
  static List<String> linesIn(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
        lines.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
      }
    }
    return lines;
  }

  /** Sums the {@code (word,count)} lines of the part files of one output directory. */
  static Map<String, Integer> countsIn(Path dir) throws IOException {
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : linesIn(dir)) {
      int comma = line.lastIndexOf(',');
      counts.merge(line.substring(1, comma), Integer.parseInt(line.substring(comma + 1, line.length() - 1)),
          Integer::sum);
    }
    return counts;
  }

  /** The batch time of an output directory {@code <name>-<time>}. */
  static long batchTime(Path outputDirectory) {
    String name = outputDirectory.getFileName().toString();
    return Long.parseLong(name.substring(name.lastIndexOf('-') + 1));
  }

  /** Kills the child if a failed test left it running. */
  @Override
  public void close() {
    if (child != null) {
      try {
        child.killIfAlive();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private Path log(String run) {
    return work.resolve(run + ".log");
  }

  private String[] childArgs() {
    List<String> args = new ArrayList<>(List.of(work.resolve("in").toString(),
        work.resolve("checkpoints").toString(), work.resolve("out").toString(), Long.toString(batchMillis)));
    args.addAll(extraChildArgs);
    return args.toArray(String[]::new);
  }
}

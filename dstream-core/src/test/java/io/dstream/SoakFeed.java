package io.dstream;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The input of {@link FaultInjectionSoak}, the same for its crashed and its crash-free run. Unit {@code u} is a
 * file of 1 to 40 records {@code f<u>-<i> k<key>} moved into the watched directory, and an offer of 1 to 300
 * records {@code r<u>-<i> k<key>} to the {@link ResendingRecordServer}: every record has an id of its own and
 * one of {@value #KEYS} keys. What a unit holds is drawn from a {@link Random} seeded with the soak's seed and
 * {@code u}, so both runs get the same records in the same order, whatever the moments at which the loop feeds
 * them. The end is one record {@value CrashLoopChild#END_WORD} on each side (its own key).
 */
final class SoakFeed implements CrashLoop.Feed {
  static final int KEYS = 20;

  private final long seed;
  private final ResendingRecordServer server;
  private int units;

  SoakFeed(long seed, ResendingRecordServer server) {
    this.seed = seed;
    this.server = server;
  }

  @Override
  public void feedOne(CrashLoop loop, Random moments) throws IOException {
    Random content = new Random(seed * 1_000_003L + units);
    List<String> lines = records(content, "f", 1 + content.nextInt(40));
    List<String> offered = records(content, "r", 1 + content.nextInt(300));
    loop.feed(String.format("f-%05d.txt", units), lines);
    server.offer(offered);
    units++;
  }

  @Override
  public void feedEnd(CrashLoop loop) throws IOException {
    loop.feed("zz-end.txt", List.of(CrashLoopChild.END_WORD));
    server.offer(List.of(CrashLoopChild.END_WORD));
  }

  /** How many units were fed, the two that {@link CrashLoop#finish} feeds included once it has run. */
  int units() {
    return units;
  }

  /** The key of a record: what follows its id, or the whole record for the end marker. */
  static String keyOf(String record) {
    int space = record.indexOf(' ');
    return space < 0 ? record : record.substring(space + 1);
  }

  private List<String> records(Random content, String source, int count) {
    List<String> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(String.format("%s%05d-%03d k%02d", source, units, i, content.nextInt(KEYS)));
    }
    return records;
  }
}

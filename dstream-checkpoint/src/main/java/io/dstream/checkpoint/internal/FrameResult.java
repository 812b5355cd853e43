package io.dstream.checkpoint.internal;

/**
 * What a {@link FrameReader} found at its position: a good frame, the clean end of the data, or a damaged
 * frame.
 */
public sealed interface FrameResult {
  /**
   * Returns where the frame (or the end) starts, in bytes from the start of the file or stream.
   *
   * @return the offset
   */
  long offset();

  /**
   * A frame whose length and checksum match its payload.
   *
   * @param offset where the frame starts
   * @param payload its payload
   */
  record Frame(long offset, byte[] payload) implements FrameResult {}

  /**
   * The data ends exactly where a frame would start.
   *
   * @param offset the length of the data
   */
  record End(long offset) implements FrameResult {}

  /**
   * A frame that cannot be read.
   *
   * @param offset where the frame starts
   * @param damage what is wrong with it
   * @param detail what was found, for messages (for example "its checksum does not match its 12 bytes")
   * @param atEnd true if the damaged frame ends the data the way a write cut short by a crash leaves it: for
   *     a frame without a header checksum, no data follows it; formats whose headers carry a checksum apply
   *     stricter rules (the write-ahead log's are in its {@code RecordFrames})
   */
  record Damaged(long offset, Damage damage, String detail, boolean atEnd) implements FrameResult {
    /**
     * Tells whether this damage is what a crash in the middle of appending the last frame leaves behind:
     * the data ends inside the frame, or the frame is complete in length but its bytes did not all reach
     * the disk and it ends the data as {@link #atEnd()} says.
     *
     * @return true for a torn tail
     */
    public boolean isTornTail() {
      return damage == Damage.TRUNCATED || ((damage == Damage.BAD_CHECKSUM || damage == Damage.BAD_HEADER) && atEnd);
    }

    /**
     * Describes the damage for a message, as in "record 3 is " + describe().
     *
     * @return for example "truncated: the stream ends after 4 of its 10 bytes"
     */
    public String describe() {
      return (damage == Damage.TRUNCATED ? "truncated: " : "corrupt: ") + detail;
    }
  }

  /** The kinds of damage a frame can have. */
  enum Damage {
    /** The data ends inside the frame's header or payload. */
    TRUNCATED,
    /** The payload's checksum differs from the one stored in the header. */
    BAD_CHECKSUM,
    /** The header declares a length that no frame can have. */
    BAD_LENGTH,
    /** The header does not match its own checksum (formats whose headers carry one). */
    BAD_HEADER
  }
}

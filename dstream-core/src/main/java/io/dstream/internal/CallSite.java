package io.dstream.internal;

import java.security.CodeSource;
import java.util.Objects;

/**
 * Names the place in user code that defined an operation, such as {@code print at App.java:42}: the first
 * stack frame whose class does not come from the dstream library itself.
 */
public final class CallSite {
  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final CodeSource LIBRARY = CallSite.class.getProtectionDomain().getCodeSource();

  private CallSite() {}

  /**
   * Describes where the current user call comes from.
   *
   * @param operation the operation's name
   * @return {@code "<operation> at <File.java>:<line>"}, or the operation alone if no user frame is found
   */
  public static String describe(String operation) {
    return WALKER.walk(frames -> frames
            .filter(f -> !Objects.equals(f.getDeclaringClass().getProtectionDomain().getCodeSource(), LIBRARY))
            .findFirst())
        .map(f -> operation + " at " + f.getFileName() + ":" + f.getLineNumber())
        .orElse(operation);
  }
}

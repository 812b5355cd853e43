package io.dstream.examples;

import static org.assertj.core.api.Assertions.fail;

import io.dstream.StreamingContext;
import io.dstream.StreamingContextState;
import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Spark Streaming program ported by docs/porting.sed, compiled against dstream and run in this JVM as its
 * {@code main} would run: on a thread of its own, until the test stops the context that {@code main} started
 * and {@code main}'s {@code awaitTermination()} returns.
 */
final class PortedProgram implements AutoCloseable {
  private static final long START_TIMEOUT_SECONDS = 60;
  private static final long POLL_MILLIS = 10;

  private final URLClassLoader loader;
  private final Method main;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private Thread thread;

  private PortedProgram(URLClassLoader loader, Method main) {
    this.loader = loader;
    this.main = main;
  }

  /**
   * Ports Spark programs of the test resources, compiles them together and loads them.
   *
   * @param work a directory for the ported sources and the classes
   * @param mainClass the class whose {@code main} to run
   * @param resources the programs' sources under the test resources, such as {@code porting/X.java.txt}
   * @return the program, not running
   * @throws Exception if a source cannot be read or ported; IllegalArgumentException if it does not compile
   */
  static PortedProgram compile(Path work, String mainClass, String... resources) throws Exception {
    PortingSed sed = new PortingSed(work);
    List<CodeBlock> units = new ArrayList<>();
    for (String resource : resources) {
      units.add(new CodeBlock(resource + " after docs/porting.sed", 1, "java",
          sed.port(PortingSed.sparkProgram(resource))));
    }
    Path classes = new SnippetCompiler(work.resolve("classes")).compileUnits(units);
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, PortedProgram.class.getClassLoader());
    return new PortedProgram(loader, loader.loadClass(mainClass).getMethod("main", String[].class));
  }

  /**
   * Runs {@code main} on a new thread and waits until the context it starts is active.
   *
   * @param args the program's arguments
   * @return the running context
   * @throws InterruptedException if interrupted while waiting
   */
  StreamingContext start(String... args) throws InterruptedException {
    thread = new Thread(() -> {
      try {
        main.invoke(null, (Object) args);
      } catch (InvocationTargetException e) {
        failure.set(e.getCause());
      } catch (ReflectiveOperationException e) {
        failure.set(e);
      }
    }, main.getDeclaringClass().getSimpleName() + "-main");
    thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
    while (true) {
      Optional<StreamingContext> active =
          StreamingContext.getActive().filter(ssc -> ssc.getState() == StreamingContextState.ACTIVE);
      if (active.isPresent()) {
        return active.get();
      }
      if (!thread.isAlive()) {
        throw new AssertionError("main returned without starting a context", failure.get());
      }
      if (System.nanoTime() > deadline) {
        fail("main started no context within " + START_TIMEOUT_SECONDS + " s");
      }
      // Waits for main to end, a little at a time: nothing announces that its context has started.
      thread.join(POLL_MILLIS);
    }
  }

  /**
   * Waits until {@code main} returns, after its context was stopped, and fails the test with what it threw.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  void awaitMainReturned() throws InterruptedException {
    thread.join(TimeUnit.SECONDS.toMillis(START_TIMEOUT_SECONDS));
    if (thread.isAlive()) {
      fail("main did not return within " + START_TIMEOUT_SECONDS + " s of its context's stop");
    }
    if (failure.get() != null) {
      throw new AssertionError("main threw", failure.get());
    }
  }

  /** Closes the class loader of the ported classes. */
  @Override
  public void close() throws IOException {
    loader.close();
  }
}

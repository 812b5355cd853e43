package io.dstream.testing;

import io.dstream.Duration;
import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.checkpoint.internal.Arguments;
import java.lang.reflect.Constructor;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands every test method (and its {@code @BeforeEach} and {@code @AfterEach}
 * methods) that declares a {@link TestStreamingContext} parameter a fresh context, the same one to all three,
 * and closes it after the test, whether the test passed or failed.
 *
 * <p>With the defaults (one-second batches, the configuration of {@link TestStreamingContext#create(Duration)}):
 *
 * <pre>{@code
 * @ExtendWith(TestStreamingContextExtension.class)
 * class WordCountTest {
 *   @Test
 *   void countsWords(TestStreamingContext t) {
 *     CollectedOutput<String> out = t.collect(t.inputStream(List.of(List.of("a b"))).flatMap(...));
 *     t.runBatches(1);
 *   }
 * }
 * }</pre>
 *
 * <p>With another batch duration or configuration, register it on a field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TestStreamingContextExtension contexts = TestStreamingContextExtension
 *     .withBatchDuration(Durations.milliseconds(500))
 *     .withConf(new StreamingConf().set("dstream.concurrentJobs", "2"));
 * }</pre>
 *
 * <p>dstream-core declares JUnit Jupiter's API as an optional dependency: a project that uses this extension
 * has JUnit 5 on its test classpath already.
 */
public final class TestStreamingContextExtension implements ParameterResolver, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestStreamingContextExtension.class);

  private final Duration batchDuration;
  private final StreamingConf conf;

  /** Creates the extension with one-second batches and the default configuration (for {@code @ExtendWith}). */
  public TestStreamingContextExtension() {
    this(Durations.seconds(1), new StreamingConf());
  }

  private TestStreamingContextExtension(Duration batchDuration, StreamingConf conf) {
    this.batchDuration = batchDuration;
    this.conf = conf;
  }

  /**
   * Returns an extension whose contexts have a given batch duration (and the default configuration).
   *
   * @param batchDuration the batch interval
   * @return the extension
   * @throws IllegalArgumentException if {@code batchDuration} is null
   */
  public static TestStreamingContextExtension withBatchDuration(Duration batchDuration) {
    return new TestStreamingContextExtension(Arguments.requireNonNull(batchDuration, "batchDuration"),
        new StreamingConf());
  }

  /**
   * Returns an extension like this one whose contexts have a given configuration (copied now; its master
   * defaults to {@code local[2]}, as in {@link TestStreamingContext#create(Duration, StreamingConf)}).
   *
   * @param conf the configuration
   * @return the extension
   * @throws IllegalArgumentException if {@code conf} is null
   */
  public TestStreamingContextExtension withConf(StreamingConf conf) {
    return new TestStreamingContextExtension(batchDuration, Arguments.requireNonNull(conf, "conf").copy());
  }

  /**
   * Supports the {@link TestStreamingContext} parameters of test methods and lifecycle methods, not of
   * constructors (a context lives for one test).
   *
   * @param parameter the parameter
   * @param extension the extension context
   * @return true for a {@code TestStreamingContext} parameter of a method
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == TestStreamingContext.class
        && !(parameter.getDeclaringExecutable() instanceof Constructor<?>);
  }

  /**
   * Returns the test's context, creating it on first use.
   *
   * @param parameter the parameter
   * @param extension the extension context
   * @return the context of the test that runs
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return extension.getStore(NAMESPACE).getOrComputeIfAbsent(OpenContext.class,
        key -> new OpenContext(TestStreamingContext.create(batchDuration, conf)), OpenContext.class).context();
  }

  /**
   * Closes the test's context, if it had one, after the test and its {@code @AfterEach} methods.
   *
   * @param extension the extension context
   */
  @Override
  public void afterEach(ExtensionContext extension) {
    OpenContext open = extension.getStore(NAMESPACE).remove(OpenContext.class, OpenContext.class);
    if (open != null) {
      open.context().close();
    }
  }

  /** The context of one test; not AutoCloseable, so that only {@link #afterEach} closes it, once. */
  private record OpenContext(TestStreamingContext context) {}
}

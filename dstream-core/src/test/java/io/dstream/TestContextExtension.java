package io.dstream;

import io.dstream.testing.TestStreamingContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives every test method that declares a {@link TestStreamingContext} parameter a fresh one with one-second
 * batches, and closes it after the test, so that no test can leave a context active for the next.
 */
final class TestContextExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestContextExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == TestStreamingContext.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    TestStreamingContext context = TestStreamingContext.create(Durations.seconds(1));
    // The store closes AutoCloseable values when the test ends, whether it passed or not.
    extension.getStore(NAMESPACE).put(parameter.getIndex(), context);
    return context;
  }
}

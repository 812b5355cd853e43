package io.dstream.kafka.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that starts one {@link EmbeddedKafka} broker before the first test of a class and closes
 * it after the last one (starting a broker takes about two seconds, so a class's tests share it):
 *
 * <pre>{@code
 * class OrdersPipelineTest {
 *   @RegisterExtension
 *   static final EmbeddedKafkaExtension BROKER = new EmbeddedKafkaExtension();
 *
 *   @Test
 *   void countsOrders() {
 *     BROKER.kafka().createTopic("orders", 2);
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>dstream-kafka declares JUnit Jupiter's API as an optional dependency: a project that uses this extension
 * has JUnit 5 on its test classpath already.
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, AfterAllCallback {
  private EmbeddedKafka kafka;

  /** Creates the extension; register it on a static field with {@code @RegisterExtension}. */
  public EmbeddedKafkaExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) {
    kafka = EmbeddedKafka.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (kafka != null) {
      kafka.close();
      kafka = null;
    }
  }

  /**
   * Returns the broker of the running test class.
   *
   * @return the broker
   * @throws IllegalStateException outside the tests of a class that registered the extension on a static field
   */
  public EmbeddedKafka kafka() {
    if (kafka == null) {
      throw new IllegalStateException("the broker runs only during the tests of a class that registers this "
          + "extension on a static field (@RegisterExtension static final EmbeddedKafkaExtension ...)");
    }
    return kafka;
  }
}

package io.dstream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger logs at INFO and above while a test runs, without printing it. Close it to put
 * the logger back as it was. Shared with the modules above through dstream-core's test-jar.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level previousLevel;
  private final boolean previousAdditivity;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLog(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previousLevel = logger.getLevel();
    this.previousAdditivity = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.INFO);
    logger.setAdditive(false);
  }

  /**
   * Starts capturing a logger.
   *
   * @param loggerName the logger's name, such as a class's full name
   * @return the capture; close it when done
   */
  public static CapturedLog of(String loggerName) {
    return new CapturedLog(loggerName);
  }

  /**
   * Returns the formatted messages logged so far, in order, that start with a prefix.
   *
   * @param prefix the start of the messages wanted; empty for all
   * @return the messages
   */
  public List<String> messagesStartingWith(String prefix) {
    synchronized (appender) { // AppenderBase.doAppend appends under the appender's lock
      return appender.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith(prefix))
          .toList();
    }
  }

  /**
   * Returns the formatted messages logged so far at a level, in order.
   *
   * @param level such as {@code WARN}
   * @return the messages
   */
  public List<String> messagesAt(String level) {
    Level wanted = Level.toLevel(level, null);
    if (wanted == null) {
      throw new IllegalArgumentException("unknown log level '" + level + "'; use TRACE, DEBUG, INFO, WARN or ERROR");
    }
    synchronized (appender) {
      return appender.list.stream().filter(event -> event.getLevel().equals(wanted))
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previousLevel);
    logger.setAdditive(previousAdditivity);
    appender.stop();
  }
}

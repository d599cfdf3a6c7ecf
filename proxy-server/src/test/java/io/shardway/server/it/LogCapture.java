package io.shardway.server.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Collects what a logger (and its children) logs while a test runs. */
final class LogCapture implements AutoCloseable {
  private final Logger logger;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture(String loggerName) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    appender.setName("test-capture-" + System.identityHashCode(this));
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts collecting the events of {@code loggerName} and the loggers below it. */
  static LogCapture of(String loggerName) {
    return new LogCapture(loggerName);
  }

  /** The events so far whose formatted message matches. */
  List<ILoggingEvent> events(Predicate<String> message) {
    synchronized (appender) {
      return appender.list.stream().filter(e -> message.test(e.getFormattedMessage())).toList();
    }
  }

  List<ILoggingEvent> all() {
    return events(m -> true);
  }

  /** Every event so far, one line each, for failure messages. */
  String dump() {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent e : all()) {
      out.append(e.getLevel())
          .append(' ')
          .append(e.getLoggerName())
          .append(" - ")
          .append(e.getFormattedMessage())
          .append(
              e.getThrowableProxy() == null
                  ? ""
                  : " [" + e.getThrowableProxy().getClassName() + "]")
          .append('\n');
    }
    return out.toString();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    appender.stop();
  }
}

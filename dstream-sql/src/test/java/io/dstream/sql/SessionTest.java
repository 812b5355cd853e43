package io.dstream.sql;

import io.dstream.Durations;
import io.dstream.StreamingConf;
import io.dstream.testing.TestStreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The set-up of the tests that use a session outside a stream: a test context and its session, closed after. */
abstract class SessionTest {
  protected TestStreamingContext ssc;
  protected SqlSession session;

  @BeforeEach
  void startContextAndSession() {
    ssc = TestStreamingContext.create(Durations.seconds(1), new StreamingConf().setMaster("local[2]"));
    session = SqlSession.getOrCreate(ssc.context());
  }

  @AfterEach
  void stopContext() {
    ssc.close();
  }
}

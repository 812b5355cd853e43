package io.dstream.sql;

/**
 * A SQL statement failed in the engine: its message is the engine's, followed by the statement, and by the batch
 * time when a stream's batch ran it ({@link SqlStreams}). As Spark SQL's {@code AnalysisException} for a bad name,
 * and any other error the engine reports.
 */
public final class SqlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Makes the exception.
   *
   * @param message the engine's message, the statement and where it ran
   * @param cause the engine's exception
   */
  public SqlException(String message, Throwable cause) {
    super(message, cause);
  }
}

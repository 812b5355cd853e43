package io.dstream.sql;

import io.dstream.sql.internal.Identifiers;
import io.dstream.sql.internal.TableHandle;
import io.dstream.sql.types.StructType;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads files into DataFrames, as Spark's {@code DataFrameReader} ({@code session.read().csv(path)}): the engine
 * reads CSV, JSON and Parquet itself, once, into a table of the session, which a view then joins with each batch.
 * A path may hold a glob ({@code data/*.csv}).
 */
public final class DataFrameReader {
  private final SqlSession session;
  private final Map<String, String> options = new TreeMap<>();

  DataFrameReader(SqlSession session) {
    this.session = session;
  }

  /**
   * Sets an option, as Spark's: for CSV, {@code header} ({@code true} when the first line names the columns;
   * otherwise they are {@code _c0}, {@code _c1}, ...), {@code inferSchema} ({@code true} to type the columns from
   * the data; otherwise every column is a string) and {@code sep} (the delimiter, {@code ,} by default).
   *
   * @param key the option
   * @param value its value
   * @return this reader
   * @throws IllegalArgumentException if the option is none of those
   */
  public DataFrameReader option(String key, String value) {
    String name = key.toLowerCase(Locale.ROOT);
    if (!name.equals("header") && !name.equals("inferschema") && !name.equals("sep")
        && !name.equals("delimiter")) {
      throw new IllegalArgumentException("the reader has no option " + key + "; it knows header, inferSchema and "
          + "sep");
    }
    options.put(name.equals("delimiter") ? "sep" : name, value);
    return this;
  }

  /**
   * Reads CSV files, as Spark does by default: no header, every column a string, unless the options say so.
   *
   * @param path the file, or a glob of files
   * @return the DataFrame of their rows
   * @throws SqlException if the engine cannot read them
   */
  public DataFrame csv(String path) {
    boolean header = Boolean.parseBoolean(options.getOrDefault("header", "false"));
    boolean infer = Boolean.parseBoolean(options.getOrDefault("inferschema", "false"));
    String source = "read_csv(" + literal(path) + ", header = " + header + ", all_varchar = " + !infer
        + ", delim = " + literal(options.getOrDefault("sep", ",")) + ")";
    if (header) {
      return load(source);
    }
    StructType columns = session.engine().schema("SELECT * FROM " + source);
    StringBuilder renamed = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      renamed.append(i == 0 ? "" : ", ").append(Identifiers.quote(columns.apply(i).name())).append(" AS ")
          .append(Identifiers.quote("_c" + i));
    }
    return load("(" + renamed.append(" FROM ").append(source).append(')'));
  }

  /**
   * Reads JSON files: one object per line (Spark's JSON Lines) or an array of objects; the columns and their
   * types come from the data.
   *
   * @param path the file, or a glob of files
   * @return the DataFrame of their rows
   * @throws SqlException if the engine cannot read them
   */
  public DataFrame json(String path) {
    return load("read_json_auto(" + literal(path) + ")");
  }

  /**
   * Reads Parquet files; the columns and their types are the files'.
   *
   * @param path the file, or a glob of files
   * @return the DataFrame of their rows
   * @throws SqlException if the engine cannot read them
   */
  public DataFrame parquet(String path) {
    return load("read_parquet(" + literal(path) + ")");
  }

  private DataFrame load(String source) {
    String table = session.engine().newTableName();
    session.engine().execute("CREATE TABLE " + table + " AS SELECT * FROM " + source);
    return new DataFrame(session, "SELECT * FROM " + table,
        TableHandle.dropWhenUnreachable(session.engine(), table), null);
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}

package io.dstream.sql.internal;

import io.dstream.sql.types.StructType;
import java.util.List;

/**
 * The rows a query returned, with their schema.
 *
 * @param schema the columns
 * @param rows the values of each row, in column order, of the classes the columns' types name
 */
public record QueryResult(StructType schema, List<Object[]> rows) {}

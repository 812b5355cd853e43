/**
 * JMH benchmarks of the engine's hot paths: per record (narrow pipeline, shuffle) and per key (state update).
 * Run them all from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@jmh -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>or some of them with JMH's arguments, e.g. {@code -Djmh.args="Shuffle -f 1 -wi 3 -i 5"}.
 */
package io.dstream.benchmarks.jmh;

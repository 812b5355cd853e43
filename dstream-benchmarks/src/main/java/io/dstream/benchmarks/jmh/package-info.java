/**
 * JMH benchmarks of the engine's per-record hot paths. Run them all from the repository root with
 *
 * <pre>{@code
 * mvn -B -q -DskipTests package exec:exec@jmh -pl dstream-benchmarks -am
 * }</pre>
 *
 * <p>or some of them with JMH's arguments, e.g. {@code -Djmh.args="Shuffle -f 1 -wi 3 -i 5"}.
 */
package io.dstream.benchmarks.jmh;

package io.dstream.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the harness in several fresh JVMs, one after the other, and gathers what each reports. A run's
 * figures depend on the JVM (JIT decisions, where the worker threads land, the heap's layout), so a figure
 * that holds is the median over several JVMs, not one JVM's. Each child has this JVM's flags and class path,
 * echoes its output prefixed with its run number, and reports its figures as {@link #emit result lines}.
 */
final class JvmRuns {
  private static final String RESULT = "result\t";

  private JvmRuns() {}

  /**
   * Prints one figure of this run as a result line that a parent JVM collects.
   *
   * @param workload the workload, such as {@code W1}
   * @param metric the figure's name, such as {@code ratioToLoop}
   * @param value the figure
   */
  static void emit(String workload, String metric, double value) {
    System.out.println(RESULT + workload + "\t" + metric + "\t" + value);
  }

  /**
   * Runs a main class in fresh JVMs, one after the other, and returns their figures.
   *
   * @param runs how many JVMs
   * @param mainClass the class each runs
   * @param args the arguments of each
   * @return for each {@code workload\tmetric}, its value in each run, in run order
   * @throws IOException if a JVM cannot be started
   * @throws InterruptedException if interrupted while waiting for one
   * @throws IllegalStateException if a run fails
   */
  static Map<String, List<Double>> run(int runs, Class<?> mainClass, List<String> args)
      throws IOException, InterruptedException {
    Map<String, List<Double>> figures = new LinkedHashMap<>();
    for (int run = 1; run <= runs; run++) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-classpath");
      command.add(System.getProperty("java.class.path"));
      command.add(mainClass.getName());
      command.addAll(args);
      Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader output = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = output.readLine()) != null) {
          if (line.startsWith(RESULT)) {
            String[] fields = line.split("\t");
            figures.computeIfAbsent(fields[1] + "\t" + fields[2], key -> new ArrayList<>())
                .add(Double.parseDouble(fields[3]));
          } else {
            System.out.printf(Locale.ROOT, "[run %d] %s%n", run, line);
          }
        }
      }
      int exit = child.waitFor();
      if (exit != 0) {
        throw new IllegalStateException("run " + run + " of " + mainClass.getSimpleName() + " exited with " + exit
            + "; its output is above");
      }
    }
    return figures;
  }
}

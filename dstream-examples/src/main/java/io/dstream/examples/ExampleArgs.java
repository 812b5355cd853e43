package io.dstream.examples;

import io.dstream.ConfigKeys;
import io.dstream.StreamingConf;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The command-line arguments of an example: positional, checked against the example's usage line, so that
 * a wrong command says what was wrong and how the example is called; and, anywhere among them, the flag
 * {@value #STATUS_PAGE_FLAG} that serves the context's status page (docs/monitoring.md).
 */
final class ExampleArgs {
  /** The flag that turns the status page on ({@code dstream.ui.enabled}); it is not a positional argument. */
  static final String STATUS_PAGE_FLAG = "--ui";
  private static final String BATCHES = "the number of batches";

  private final String[] args;
  private final String hint;

  private ExampleArgs(String[] args, String hint) {
    this.args = args.clone();
    this.hint = hint;
  }

  /**
   * Checks the number of arguments against an example's usage.
   *
   * @param args the command-line arguments
   * @param usage the usage line, for example {@code NetworkWordCount <hostname> <port> [<batches>] [--ui]};
   *     the flag {@value #STATUS_PAGE_FLAG} is taken out of the arguments (wherever it stands) if the usage
   *     line offers it
   * @param required how many arguments must be given
   * @param optional how many more may be given
   * @return the arguments, to read one by one
   * @throws IllegalArgumentException if there are fewer than {@code required} or more than
   *     {@code required + optional} arguments; the message holds the usage line
   */
  static ExampleArgs parse(String[] args, String usage, int required, int optional) {
    String hint = "usage: " + usage;
    if (usage.contains("[" + STATUS_PAGE_FLAG + "]")) {
      args = positional(args);
    }
    if (args.length < required || args.length > required + optional) {
      String expected = optional == 0 ? Integer.toString(required) : required + " to " + (required + optional);
      String noun = required + optional == 1 ? " argument" : " arguments";
      throw new IllegalArgumentException("expected " + expected + noun + ", got " + args.length + "; " + hint);
    }
    return new ExampleArgs(args, hint);
  }

  /**
   * Reads the number of batches to run from the first command-line argument, for the examples that take
   * nothing else.
   *
   * @param args the command-line arguments; the first, if present, is the number of batches
   * @param defaultBatches the number to use when there is no argument
   * @return the number of batches, at least 1
   * @throws IllegalArgumentException if the argument is not a positive integer
   */
  static int batchCount(String[] args, int defaultBatches) {
    ExampleArgs parsed = new ExampleArgs(positional(args), "pass for example -Dexec.args=" + defaultBatches);
    return parsed.has(0) ? parsed.positiveInt(0, BATCHES) : defaultBatches;
  }

  /**
   * Turns the status page on in an example's configuration if its arguments hold {@value #STATUS_PAGE_FLAG}:
   * the context then serves it while it runs, at the address it logs (http://127.0.0.1:4040/ unless that
   * port is taken).
   *
   * @param args the command-line arguments
   * @param conf the example's configuration
   * @return {@code conf}, with {@code dstream.ui.enabled} set to true if the flag is given
   */
  static StreamingConf withStatusPageIfAsked(String[] args, StreamingConf conf) {
    if (Arrays.asList(args).contains(STATUS_PAGE_FLAG)) {
      conf.set(ConfigKeys.UI_ENABLED.name(), "true");
    }
    return conf;
  }

  /** The arguments without the status page's flag, which may stand anywhere among them. */
  private static String[] positional(String[] args) {
    return Arrays.stream(args).filter(arg -> !arg.equals(STATUS_PAGE_FLAG)).toArray(String[]::new);
  }

  /**
   * Tells whether an argument was given.
   *
   * @param index the argument's position, from 0
   * @return true if there are more than {@code index} arguments
   */
  boolean has(int index) {
    return index < args.length;
  }

  /**
   * Returns an argument as it was given.
   *
   * @param index the argument's position, from 0
   * @param what what the argument is, for the message
   * @return the argument
   * @throws IllegalArgumentException if it is missing or blank
   */
  String text(int index, String what) {
    if (!has(index) || args[index].isBlank()) {
      throw new IllegalArgumentException(what + " is missing; " + hint);
    }
    return args[index];
  }

  /**
   * Returns an argument that is a list of names separated by commas, such as {@code topic1,topic2}.
   *
   * @param index the argument's position, from 0
   * @param what what the names are, for the message, for example {@code the topics}
   * @return the names, stripped of surrounding spaces, in the order given
   * @throws IllegalArgumentException if it is missing, or one of the names is blank
   */
  List<String> names(int index, String what) {
    String text = text(index, what);
    List<String> names = Arrays.stream(text.split(",", -1)).map(String::strip).toList();
    if (names.contains("")) {
      throw new IllegalArgumentException(what + " must be names separated by commas, got '" + text + "'; " + hint);
    }
    return names;
  }

  /**
   * Returns an argument that is a TCP port.
   *
   * @param index the argument's position, from 0
   * @return the port, 1 to 65535
   * @throws IllegalArgumentException if it is missing, not an integer, or out of range
   */
  int port(int index) {
    int port = integer(index, "the port");
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the port must be 1 to 65535, got " + port + "; " + hint);
    }
    return port;
  }

  /**
   * Returns an argument that is a positive integer.
   *
   * @param index the argument's position, from 0
   * @param what what the number is, for the message, for example {@code the number of batches}
   * @return the number, at least 1
   * @throws IllegalArgumentException if it is missing, not an integer, or not positive
   */
  int positiveInt(int index, String what) {
    int value = integer(index, what);
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value + "; " + hint);
    }
    return value;
  }

  /**
   * Returns the optional number of batches to run.
   *
   * @param index the argument's position, from 0
   * @return the number of batches, or empty if the argument was not given (run until stopped)
   * @throws IllegalArgumentException if it is given and is not a positive integer
   */
  OptionalInt optionalBatches(int index) {
    return has(index) ? OptionalInt.of(positiveInt(index, BATCHES)) : OptionalInt.empty();
  }

  private int integer(int index, String what) {
    String text = text(index, what);
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " must be a positive integer, got '" + text + "'; " + hint, e);
    }
  }
}

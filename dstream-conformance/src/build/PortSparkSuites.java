import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Ports Spark's Java streaming suites for dstream-conformance; the build runs it with the JDK's single-file
 * launcher before compiling the tests:
 *
 * <pre>
 * java PortSparkSuites.java ORIGINAL_DIR PORTED_DIR EXCLUSIONS_FILE SED_SCRIPT...
 * </pre>
 *
 * <p>Each {@code .java} file under ORIGINAL_DIR goes through {@code sed -E} with the scripts in order (the
 * first is docs/porting.sed, as a user runs it), then loses the methods that the exclusions file names, and
 * then the imports that only those methods used. The result goes to the same path under PORTED_DIR, which is
 * emptied first. It prints, per suite, how many test methods there are, how many are excluded (by category)
 * and how many are left to run.
 *
 * <p>The exclusions file has one {@code Suite#method — reason} per line; a line {@code ## category} starts a
 * category, any other line starting with {@code #} is a comment. A line naming a suite or a method that does
 * not exist fails the port, so the list cannot go stale.
 */
public final class PortSparkSuites {
  private static final String SEPARATOR = " — ";

  private PortSparkSuites() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 4) {
      System.err.println("usage: java PortSparkSuites.java ORIGINAL_DIR PORTED_DIR EXCLUSIONS_FILE SED_SCRIPT...");
      System.exit(2);
    }
    Path original = Path.of(args[0]);
    Path ported = Path.of(args[1]);
    List<Exclusion> exclusions = Exclusion.readAll(Path.of(args[2]));
    List<Path> sedScripts = Stream.of(args).skip(3).map(Path::of).toList();

    List<Path> suites;
    try (Stream<Path> files = Files.walk(original)) {
      suites = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    Set<String> suiteNames = suites.stream().map(PortSparkSuites::suiteName).collect(Collectors.toSet());
    for (Exclusion exclusion : exclusions) {
      if (!suiteNames.contains(exclusion.suite())) {
        throw new IllegalStateException("the exclusions name " + exclusion.suite() + "#" + exclusion.method()
            + ", but there is no suite " + exclusion.suite() + " among " + suiteNames + "; fix the line");
      }
    }

    deleteTree(ported);
    for (Path suite : suites) {
      String name = suiteName(suite);
      List<Exclusion> excluded = exclusions.stream().filter(e -> e.suite().equals(name)).toList();
      SuiteSource source = new SuiteSource(sed(sedScripts, suite));
      List<String> testMethods = source.testMethodNames();
      for (Exclusion exclusion : excluded) {
        source = source.withoutMethod(exclusion.method());
      }
      Path target = ported.resolve(original.relativize(suite));
      Files.createDirectories(target.getParent());
      Files.writeString(target, source.withoutUnusedImports().text(), StandardCharsets.UTF_8);
      report(name, testMethods, excluded);
    }
  }

  private static void report(String suite, List<String> testMethods, List<Exclusion> excluded) {
    List<Exclusion> excludedTests = excluded.stream().filter(e -> testMethods.contains(e.method())).toList();
    Map<String, Long> byCategory = new TreeMap<>(excludedTests.stream()
        .collect(Collectors.groupingBy(Exclusion::category, Collectors.counting())));
    System.out.printf("%s: %d test methods, %d excluded %s, %d to run%n", suite, testMethods.size(),
        excludedTests.size(), byCategory, testMethods.size() - excludedTests.size());
    excluded.stream().filter(e -> !testMethods.contains(e.method())).forEach(e -> System.out.printf(
        "%s: %s, not a test method, excluded too (%s)%n", suite, e.method(), e.category()));
  }

  private static String suiteName(Path suite) {
    String file = suite.getFileName().toString();
    return file.substring(0, file.length() - ".java".length());
  }

  /** Runs {@code sed -E -f script...} on a file and returns what it prints. */
  private static String sed(List<Path> scripts, Path file) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sed", "-E"));
    for (Path script : scripts) {
      command.add("-f");
      command.add(script.toString());
    }
    command.add(file.toString());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    byte[] out;
    try (InputStream in = process.getInputStream()) {
      out = in.readAllBytes();
    }
    int exit = process.waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** One line of the exclusions file. */
  record Exclusion(String suite, String method, String reason, String category) {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9_]+)#([A-Za-z0-9_]+)" + SEPARATOR + "(.*\\S.*)");

    static List<Exclusion> readAll(Path file) throws IOException {
      List<Exclusion> exclusions = new ArrayList<>();
      Map<String, Integer> seen = new LinkedHashMap<>();
      String category = "uncategorized";
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (line.startsWith("## ")) {
          category = line.substring(3).strip();
        } else if (!line.isEmpty() && !line.startsWith("#")) {
          Matcher m = LINE.matcher(line);
          if (!m.matches()) {
            throw new IllegalStateException(file + ":" + (i + 1) + ": expected 'Suite#method" + SEPARATOR
                + "reason', got: " + line);
          }
          Integer earlier = seen.put(m.group(1) + "#" + m.group(2), i + 1);
          if (earlier != null) {
            throw new IllegalStateException(file + ":" + (i + 1) + ": " + m.group(1) + "#" + m.group(2)
                + " is excluded already on line " + earlier + "; keep one line");
          }
          exclusions.add(new Exclusion(m.group(1), m.group(2), m.group(3).strip(), category));
        }
      }
      return exclusions;
    }
  }

  /**
   * The text of a Java source file, with just enough understanding of Java to find a class's methods and
   * imports: comments, string and character literals are told apart from code.
   */
  record SuiteSource(String text) {
    private static final Pattern TEST_METHOD =
        Pattern.compile("@Test\\b[^;{]*?\\bvoid\\s+([A-Za-z0-9_]+)\\s*\\(");
    private static final Pattern IMPORT =
        Pattern.compile("(?m)^import\\s+(?:static\\s+)?[A-Za-z0-9_.]*?([A-Za-z0-9_]+)\\s*;[ \\t]*\\R");

    /** The names of the methods annotated {@code @Test}, in file order. */
    List<String> testMethodNames() {
      List<String> names = new ArrayList<>();
      Matcher m = TEST_METHOD.matcher(codeOnly());
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    }

    /**
     * Removes a method: its declaration, the annotations and the doc comment above it, its body, and the
     * blank line before it.
     */
    SuiteSource withoutMethod(String name) {
      String code = codeOnly();
      Matcher declaration = Pattern.compile("\\bvoid\\s+" + name + "\\s*\\(").matcher(code);
      if (!declaration.find()) {
        throw new IllegalStateException("the exclusions name the method " + name
            + ", which the ported suite does not declare; fix or remove the line");
      }
      int start = startOfMember(code, declaration.start());
      int open = code.indexOf('{', declaration.end());
      int end = matchingBrace(code, open) + 1;
      if (end < text.length() && text.charAt(end) == '\n') {
        end++;
      }
      return new SuiteSource(text.substring(0, start) + text.substring(end));
    }

    /** Removes the single-type imports whose simple name the code no longer uses. */
    SuiteSource withoutUnusedImports() {
      String code = codeOnly();
      String body = IMPORT.matcher(code).replaceAll("");
      StringBuilder out = new StringBuilder();
      Matcher m = IMPORT.matcher(text);
      int last = 0;
      while (m.find()) {
        boolean used = Pattern.compile("\\b" + m.group(1) + "\\b").matcher(body).find();
        out.append(text, last, used ? m.end() : m.start());
        last = m.end();
      }
      out.append(text.substring(last));
      return new SuiteSource(out.toString());
    }

    /**
     * Where the member whose declaration starts at {@code declaration} begins: at the start of the first line
     * of the annotations and doc comment right above it, less one blank line before them.
     */
    private int startOfMember(String code, int declaration) {
      int lineStart = text.lastIndexOf('\n', declaration - 1) + 1;
      while (lineStart > 0) {
        int previous = text.lastIndexOf('\n', lineStart - 2) + 1;
        String line = text.substring(previous, lineStart).strip();
        boolean partOfMember = line.startsWith("@") || line.startsWith("/**") || line.startsWith("*")
            || line.startsWith("//");
        if (!partOfMember) {
          if (line.isEmpty()) {
            lineStart = previous;
          }
          break;
        }
        lineStart = previous;
      }
      return lineStart;
    }

    private static int matchingBrace(String code, int open) {
      int depth = 0;
      for (int i = open; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth == 0) {
          return i;
        }
      }
      throw new IllegalStateException("unbalanced braces after offset " + open);
    }

    /**
     * The text with every comment and every string and character literal replaced by spaces (line breaks
     * kept), so that offsets are the same as in {@link #text} and braces or names inside them do not count.
     */
    private String codeOnly() {
      StringBuilder code = new StringBuilder(text);
      int i = 0;
      while (i < code.length()) {
        char c = code.charAt(i);
        int end;
        if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
          end = code.indexOf("\n", i);
          end = end < 0 ? code.length() : end;
        } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '*') {
          end = code.indexOf("*/", i + 2) + 2;
        } else if (c == '"' || c == '\'') {
          end = i + 1;
          while (code.charAt(end) != c) {
            end += code.charAt(end) == '\\' ? 2 : 1;
          }
          end++;
        } else {
          i++;
          continue;
        }
        for (int j = i; j < end; j++) {
          if (code.charAt(j) != '\n') {
            code.setCharAt(j, ' ');
          }
        }
        i = end;
      }
      return code.toString();
    }
  }
}

package io.dstream.examples;

import io.dstream.examples.MarkdownCodeBlocks.CodeBlock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles the Java code blocks of the documentation with the in-process compiler, against this test's
 * classpath, and reports each block that does not compile as {@code file:line: message}.
 *
 * <p>A block that starts with {@code package}, {@code import} or a type declaration is compiled as it
 * is. Any other block is a fragment: it is wrapped into a class that imports {@link #IMPORTS} and declares
 * the fields of {@link #PREAMBLE}, either as the body of a method that may throw any exception (statements)
 * or as the class's members (a block that starts with a modifier or a method declaration). A fragment may
 * declare a local variable named like a preamble field: the local shadows the field.
 */
final class SnippetCompiler {
  /** The imports a fragment may assume. */
  static final String IMPORTS = """
      import io.dstream.*;
      import io.dstream.function.*;
      import io.dstream.rdd.*;
      import io.dstream.scheduler.*;
      import io.dstream.storage.*;
      import io.dstream.testing.*;
      import java.util.*;
      """;

  /**
   * The names a fragment may assume: the quick example's context and streams, two pair streams to join,
   * and a stand-in for the user's own client code in the foreachRDD connection pattern.
   */
  static final String PREAMBLE = """
      StreamingContext ssc;
      StreamingConf conf;
      Queue<RDD<String>> queue;
      DStream<String> lines;
      DStream<String> words;
      PairDStream<String, Integer> pairs;
      PairDStream<String, Integer> wordCounts;
      PairDStream<String, String> stream1;
      PairDStream<String, String> stream2;
      interface Connection extends AutoCloseable { void send(Object record); @Override void close(); }
      static Connection createNewConnection() { throw new UnsupportedOperationException("docs only"); }
      """;

  private static final Pattern COMPILATION_UNIT = Pattern.compile(
      "^(package|import)\\s.*|^(@\\w+\\s+)*((public|abstract|final|sealed)\\s+)*(class|interface|record|enum)\\s.*");
  private static final Pattern MEMBER = Pattern.compile(
      "^(public|protected|private|static|abstract|final|default)\\s.*|^[\\w<>\\[\\],?. ]+\\s+\\w+\\s*\\(.*\\)\\s*"
          + "(throws\\s+[\\w., ]+)?\\{\\s*$");
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile("public\\s+(?:(?:abstract|final|sealed)\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");

  private enum Form { UNIT, STATEMENTS, MEMBERS }

  /** A block wrapped as a source file: how, and where its code starts in that file. */
  private static final class Source extends SimpleJavaFileObject {
    final CodeBlock block;
    final int index;
    final Form form;
    final String text;
    final int codeOffset;

    Source(String className, CodeBlock block, int index, Form form, String text, int codeOffset) {
      super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
      this.block = block;
      this.index = index;
      this.form = form;
      this.text = text;
      this.codeOffset = codeOffset;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private final JavaCompiler compiler;
  private final StandardJavaFileManager files;
  private final Path outputDir;
  private int compilations;

  /**
   * Creates a compiler that writes class files under a directory.
   *
   * @param outputDir an empty directory for the class files
   * @throws IllegalStateException if this Java runtime has no compiler (a JRE rather than a JDK)
   */
  SnippetCompiler(Path outputDir) {
    this.compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("this Java runtime has no compiler; run the tests on a JDK");
    }
    this.files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    this.outputDir = outputDir;
  }

  /**
   * Compiles the blocks: all together first, and if that fails, one by one to find which fail and why.
   *
   * @param blocks Java code blocks
   * @return one message per block that does not compile: {@code file:line: compiler message}, with the
   *     offending line; empty if all compile
   */
  List<String> compile(List<CodeBlock> blocks) {
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      sources.add(wrap(blocks.get(i), i, initialForm(blocks.get(i).code())));
    }
    if (run(sources).isEmpty()) {
      return List.of();
    }
    List<String> failures = new ArrayList<>();
    for (Source source : sources) {
      List<String> errors = run(List.of(source));
      if (!errors.isEmpty() && source.form != Form.UNIT) {
        // The heuristic may have guessed the form wrong; the other form's success settles it.
        Form other = source.form == Form.STATEMENTS ? Form.MEMBERS : Form.STATEMENTS;
        if (run(List.of(wrap(source.block, source.index, other))).isEmpty()) {
          continue;
        }
      }
      failures.addAll(errors);
    }
    return failures;
  }

  /**
   * Compiles one block as a complete source file, which declares its own package, imports and types, so
   * that a test can load and run the classes.
   *
   * @param unit the source file as a block (its file and line name it in messages)
   * @return the directory that holds the class files
   * @throws IllegalArgumentException with the compiler's messages if the source does not compile
   */
  Path compileUnit(CodeBlock unit) {
    return compileUnits(List.of(unit));
  }

  /**
   * Compiles blocks together, each a complete source file (see {@link #compileUnit}), so that they may use
   * each other's classes.
   *
   * @param units the source files as blocks
   * @return the directory that holds the class files
   * @throws IllegalArgumentException with the compiler's messages if the sources do not compile
   */
  Path compileUnits(List<CodeBlock> units) {
    Path out = nextOutputDirectory();
    List<Source> sources = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      sources.add(wrap(units.get(i), i, Form.UNIT));
    }
    List<String> errors = run(sources, out);
    if (!errors.isEmpty()) {
      throw new IllegalArgumentException("does not compile:\n" + String.join("\n", errors));
    }
    return out;
  }

  private static Form initialForm(String code) {
    String first = firstSignificantLine(code);
    if (COMPILATION_UNIT.matcher(first).matches()) {
      return Form.UNIT;
    }
    return MEMBER.matcher(first).matches() ? Form.MEMBERS : Form.STATEMENTS;
  }

  private static String firstSignificantLine(String code) {
    for (String line : code.lines().toList()) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("//") && !trimmed.startsWith("/*")
          && !trimmed.startsWith("*")) {
        return trimmed;
      }
    }
    return "";
  }

  private static Source wrap(CodeBlock block, int index, Form form) {
    if (form == Form.UNIT) {
      Matcher publicType = PUBLIC_TYPE.matcher(block.code());
      String name = publicType.find() ? publicType.group(1) : "DocUnit" + index;
      return new Source(name, block, index, form, block.code(), 0);
    }
    String className = "DocSnippet" + index;
    String before = IMPORTS + "@SuppressWarnings(\"unused\")\nabstract class " + className + " {\n"
        + PREAMBLE.indent(2) + (form == Form.STATEMENTS ? "  void snippet() throws Exception {\n" : "");
    String after = form == Form.STATEMENTS ? "  }\n}\n" : "}\n";
    return new Source(className, block, index, form, before + block.code() + after,
        (int) before.lines().count());
  }

  private List<String> run(List<Source> sources) {
    return run(sources, nextOutputDirectory());
  }

  private Path nextOutputDirectory() {
    Path out = outputDir.resolve("compilation-" + (++compilations));
    try {
      return Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> run(List<Source> sources, Path out) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
        "-proc:none", "-Xlint:none", "-encoding", "UTF-8");
    compiler.getTask(null, files, diagnostics, options, null, sources).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(describe(d));
      }
    }
    return errors;
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d) {
    if (!(d.getSource() instanceof Source source)) {
      return "(no snippet): " + d.getMessage(Locale.ROOT);
    }
    List<String> codeLines = source.block.code().lines().toList();
    long codeLine = d.getLineNumber() - source.codeOffset;
    int index = (int) Math.max(1, Math.min(codeLine, Math.max(1, codeLines.size())));
    String offending = codeLines.isEmpty() ? "" : "\n    > " + codeLines.get(index - 1).strip();
    return source.block.file() + ":" + (source.block.firstLine() + index - 1) + ": "
        + d.getMessage(Locale.ROOT) + offending;
  }
}

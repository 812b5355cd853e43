package io.dstream.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the fenced code blocks (```lang ... ```) of a Markdown document. */
final class MarkdownCodeBlocks {
  private static final Pattern OPENING_FENCE = Pattern.compile("^( *)```\\s*([^`\\s]*)\\s*$");
  private static final Pattern CLOSING_FENCE = Pattern.compile("^ *```\\s*$");

  /**
   * One fenced block.
   *
   * @param file the document's name, for messages
   * @param firstLine the 1-based line of the block's first code line (the line after the fence)
   * @param language the fence's language tag, empty if it has none
   * @param code the block's lines, without the fence's indentation
   */
  record CodeBlock(String file, int firstLine, String language, String code) {
    /** Returns {@code file:line} of the fence, for messages. */
    String location() {
      return file + ":" + (firstLine - 1);
    }
  }

  private MarkdownCodeBlocks() {}

  /**
   * Parses a document.
   *
   * @param file the document's name, for messages
   * @param markdown the document's text
   * @return the blocks in document order
   * @throws IllegalArgumentException if a fence is never closed
   */
  static List<CodeBlock> parse(String file, String markdown) {
    List<String> lines = markdown.lines().toList();
    List<CodeBlock> blocks = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher opening = OPENING_FENCE.matcher(lines.get(i));
      if (!opening.matches()) {
        i++;
        continue;
      }
      int fenceLine = i;
      int indent = opening.group(1).length();
      StringBuilder code = new StringBuilder();
      i++;
      while (i < lines.size() && !CLOSING_FENCE.matcher(lines.get(i)).matches()) {
        code.append(stripIndent(lines.get(i), indent)).append('\n');
        i++;
      }
      if (i == lines.size()) {
        throw new IllegalArgumentException(file + ":" + (fenceLine + 1) + ": the code block is never closed");
      }
      blocks.add(new CodeBlock(file, fenceLine + 2, opening.group(2), code.toString()));
      i++;
    }
    return blocks;
  }

  private static String stripIndent(String line, int indent) {
    int strip = 0;
    while (strip < indent && strip < line.length() && line.charAt(strip) == ' ') {
      strip++;
    }
    return line.substring(strip);
  }
}

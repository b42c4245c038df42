package io.github.nixml.archetype;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** What a Markdown reader shows of a generated README, read with a CommonMark parser. */
final class ReadmeText {

  private ReadmeText() {}

  /**
   * The block right after the title: the description. It must be one paragraph of plain text (no heading, code,
   * list or emphasis), whose text is returned with line breaks as \n.
   */
  static String description(String readme) {
    Node document = Parser.builder().build().parse(readme);
    Node title = document.getFirstChild();
    if (!(title instanceof Heading heading) || heading.getLevel() != 1) {
      throw new AssertionError("the README does not start with a title: " + title);
    }
    Node block = title.getNext();
    if (!(block instanceof Paragraph)) {
      throw new AssertionError("the description is not a paragraph of text but " + block);
    }
    StringBuilder text = new StringBuilder();
    block.accept(new AbstractVisitor() {
      @Override
      public void visit(Text node) {
        text.append(node.getLiteral());
      }

      @Override
      public void visit(SoftLineBreak node) {
        text.append('\n');
      }

      @Override
      public void visit(HardLineBreak node) {
        text.append('\n');
      }

      @Override
      public void visit(Code node) {
        throw new AssertionError("the description holds inline code: " + node.getLiteral());
      }

      @Override
      protected void visitChildren(Node parent) {
        if (parent != block && !(parent instanceof Text)) {
          throw new AssertionError("the description holds Markdown markup: " + parent);
        }
        super.visitChildren(parent);
      }
    });
    return text.toString();
  }

  /** Markdown reads \r\n and \r as line endings. */
  static String asLines(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}

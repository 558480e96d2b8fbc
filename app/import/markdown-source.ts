/**
 * Markdown reduced to source blocks, through mdast (micromark with the GFM extensions for tables
 * and footnotes): headings, paragraphs, numbered lists (nested lists numbered (a) then (i), as UN
 * texts number sub-paragraphs), footnotes and tables. The UN conventions are applied afterwards,
 * by the same classifier as plain text.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { normalizeSpaces } from "./clean-text";
import { ImportError, type SourceBlock, type SourceDocument } from "./outline-types";
import { toRoman } from "./typed-numbering";

/** A marker the author typed: "(a)", "a.", "(iv)", "1.1.", "12." — kept as typed. */
const TYPED_MARKER = /^(?:\(([a-z]{1,2}|[ivxl]{1,6})\)|([a-z])\.|(\d{1,2}\.\d{1,2}\.?)|(\d{1,3}\.))\s+/;

export function markdownToSource(markdown: string): SourceDocument {
  if (markdown.includes("\u0000")) throw new ImportError("the file is binary, not Markdown text");
  if (markdown.trim() === "") throw new ImportError("the file contains no text");
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const reader = new MarkdownReader(tree);
  return reader.read();
}

class MarkdownReader {
  private readonly footnoteText = new Map<string, string>();
  private readonly blocks: SourceBlock[] = [];
  private title: string | null = null;

  constructor(private readonly tree: Root) {
    for (const node of tree.children) {
      if (node.type === "footnoteDefinition") {
        this.footnoteText.set(node.identifier, normalizeSpaces(node.children.map((c) => this.plain(c).text).join(" ")));
      }
    }
  }

  read(): SourceDocument {
    for (const node of this.tree.children) this.block(node);
    if (this.blocks.length === 0 && this.title === null) throw new ImportError("the file contains no paragraphs");
    return { title: this.title, blocks: this.blocks };
  }

  private block(node: RootContent): void {
    switch (node.type) {
      case "heading":
        return this.heading(node);
      case "paragraph":
        return this.paragraph(node);
      case "list":
        return this.list(node, 0);
      case "table":
        return this.table(node);
      case "blockquote":
        for (const child of node.children) this.block(child);
        return;
      default:
        // Footnote definitions are read up front; rules, HTML and code are not draft text.
        return;
    }
  }

  /**
   * Lettered items typed on their own lines ("a. on progress;") are not a Markdown list: they
   * arrive as one paragraph with line breaks, and become sub-paragraphs here.
   */
  private paragraph(node: Paragraph, numberFirst?: (text: string) => string): void {
    const { text, footnotes } = this.plain(node, true);
    const lines = text.split(/\n(?=\s*(?:\([a-z]{1,2}\)|\([ivxl]{1,6}\)|[a-z]\.)\s)/);
    lines.forEach((line, i) => {
      const cited = [...line.matchAll(/\uE000(\d+)\uE001/g)].map((m) => footnotes[Number(m[1])]!);
      let clean = normalizeSpaces(line.replace(/\uE000\d+\uE001/g, ""));
      if (i > 0) clean = clean.replace(/^([a-z])\.\s+/, "($1) ");
      else if (numberFirst) clean = numberFirst(clean);
      this.push({ text: clean, footnotes: cited });
    });
  }

  private heading(node: Heading): void {
    const { text, footnotes } = this.plain(node);
    if (node.depth === 1 && this.title === null && this.blocks.length === 0) {
      this.title = text;
      return;
    }
    this.push({ text, footnotes }, { heading: true });
  }

  private list(list: List, depth: number): void {
    list.children.forEach((item, index) => this.listItem(item, list, index, depth));
  }

  private listItem(item: ListItem, list: List, index: number, depth: number): void {
    let first = true;
    for (const child of item.children) {
      if (child.type === "list") {
        this.list(child, depth + 1);
        continue;
      }
      if (child.type !== "paragraph") {
        this.block(child as RootContent);
        continue;
      }
      const number = first && list.ordered ? (text: string) => numbered(text, (list.start ?? 1) + index, depth) : undefined;
      this.paragraph(child, number);
      first = false;
    }
  }

  /** Header row → the column names; then every cell, row by row, its paragraphs split at `<br><br>`. */
  private table(table: Table): void {
    const [header, ...rows] = table.children;
    if (!header) return;
    this.blocks.push({ text: "", footnotes: [], tableHeader: header.children.map((cell) => this.plain(cell).text) });
    for (const row of rows) {
      for (const cell of row.children) {
        // Each paragraph of the cell keeps the footnotes it cites: references are marked in the
        // text, the cell split, and the marks resolved per paragraph.
        const { text, footnotes } = this.plain(cell, true);
        for (const paragraph of text.split(/\n{2,}/)) {
          const cited = [...paragraph.matchAll(/\uE000(\d+)\uE001/g)].map((m) => footnotes[Number(m[1])]!);
          this.push({ text: paragraph.replace(/\uE000\d+\uE001/g, ""), footnotes: cited });
        }
      }
    }
  }

  private push(content: { text: string; footnotes: string[] }, extra: Partial<SourceBlock> = {}): void {
    const text = normalizeSpaces(content.text.replace(/\n{2,}/g, " "));
    if (text === "") return;
    this.blocks.push({ text, footnotes: content.footnotes, ...extra });
  }

  /** Plain text of a node, footnote references taken out and resolved; `<br>` kept as a newline. */
  private plain(node: Nodes, markReferences = false): { text: string; footnotes: string[] } {
    const footnotes: string[] = [];
    const walk = (n: Nodes): string => {
      switch (n.type) {
        case "text":
        case "inlineCode":
          return n.value;
        case "break":
          return "\n";
        case "html":
          return /^<br\s*\/?>$/i.test(n.value.trim()) ? "\n" : "";
        case "footnoteReference": {
          const text = this.footnoteText.get(n.identifier);
          if (text === undefined) return "";
          footnotes.push(text);
          return markReferences ? `\uE000${footnotes.length - 1}\uE001` : "";
        }
        case "image":
          return n.alt ?? "";
        default:
          return "children" in n ? (n.children as Nodes[]).map(walk).join("") : "";
      }
    };
    const raw = walk(node);
    const text = markReferences ? raw : normalizeSpaces(raw);
    return { text, footnotes };
  }
}

/** The number Markdown renders for a list item, typed out as a UN text types it. */
function numbered(text: string, n: number, depth: number): string {
  const typed = TYPED_MARKER.exec(text);
  if (typed) {
    // "a. text" is written "(a) text" in UN drafts; other typed markers stay as they are.
    return typed[2] ? `(${typed[2]}) ${text.slice(typed[0].length)}` : text;
  }
  if (depth === 0) return `${n}. ${text}`;
  if (depth === 1) return `(${letter(n)}) ${text}`;
  return `(${toRoman(n)}) ${text}`;
}

function letter(n: number): string {
  const base = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return n <= 26 ? base : base.repeat(Math.ceil(n / 26));
}

/** The imported outline: exactly the shape `npm run import -- --dry-run --json` prints (docs/import-format.md). */
export type NodeKind = "heading" | "preambular" | "operative" | "paragraph" | "subparagraph" | "text";

export interface OutlineNode {
  kind: NodeKind;
  /** Unique within the document: `PP3`, `OP4(a)`, `37`, `2(a)(iii)`, `III.2`, `POLICY AREA 3`; null for unnumbered text. */
  label: string | null;
  /** Label of the enclosing heading or paragraph, null at the top. */
  parent: string | null;
  level: number;
  text: string;
  footnotes: string[];
}

export interface ImportedOutline {
  title: string;
  nodes: OutlineNode[];
}

export type ImportFormat = "text" | "markdown" | "docx";

/** Input that cannot be read or parsed; the message says why, for a person to act on. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

/**
 * A logical block of a source document, before the UN drafting conventions are applied: one
 * paragraph (or heading) of text, numbering still typed at its start ("4. ", "(a) "), footnotes
 * already attached. Every source format (text, Markdown, DOCX) reduces to these.
 */
export interface SourceBlock {
  text: string;
  footnotes: string[];
  /** The source marks it as a heading (Markdown `#`, Word heading style). */
  heading?: boolean;
  /** Header row of a table (column names), e.g. ["Commitment", "Measure"]. */
  tableHeader?: string[];
}

/**
 * A source document reduced to blocks: what the Markdown and DOCX readers produce and the plain
 * text reader builds internally. `title` is the document title when the source marks one
 * (Markdown's first `#` heading, Word's Title style), otherwise null and the classifier finds it.
 */
export interface SourceDocument {
  title: string | null;
  blocks: SourceBlock[];
}

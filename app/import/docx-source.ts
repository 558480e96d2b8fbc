/**
 * Word (.docx) reduced to source blocks. The package is opened with JSZip and its WordprocessingML
 * parsed with xmldom; automatic list numbers are computed as Word displays them, from
 * word/numbering.xml (see docs/decisions/006-docx-and-markdown-readers.md for why not mammoth).
 */
import { DOMParser, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";
import { normalizeSpaces } from "./clean-text";
import { ImportError, type SourceBlock, type SourceDocument } from "./outline-types";
import { toRoman } from "./typed-numbering";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

interface LevelFormat {
  numFmt: string;
  lvlText: string;
  start: number;
}

interface Numbering {
  /** numId → level definitions (ilvl → format), start overrides applied. */
  levels: Map<string, Map<number, LevelFormat>>;
  /** numId → the abstract definition it instantiates; Word counts per abstract list. */
  abstractOf: Map<string, string>;
}

function children(element: Element, localName: string): Element[] {
  const out: Element[] = [];
  for (let n = element.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === W && (n as Element).localName === localName) out.push(n as Element);
  }
  return out;
}

function child(element: Element | undefined, localName: string): Element | undefined {
  return element ? children(element, localName)[0] : undefined;
}

function attr(element: Element | undefined, name: string): string | undefined {
  return element?.getAttributeNS(W, name) ?? undefined;
}

async function readXml(zip: JSZip, path: string): Promise<Element | null> {
  const file = zip.file(path);
  if (!file) return null;
  const text = await file.async("string");
  const doc = new DOMParser().parseFromString(text, "text/xml");
  return doc.documentElement ?? null;
}

export async function docxToSource(data: Buffer): Promise<SourceDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new ImportError("not a Word .docx file (it is not a zip package)");
  }
  const document = await readXml(zip, "word/document.xml").catch(() => null);
  if (!document) throw new ImportError("not a Word .docx file (word/document.xml is missing)");
  const body = child(document, "body");
  if (!body) throw new ImportError("the Word document has no body");

  const reader = new DocxReader(
    readStyles(await readXml(zip, "word/styles.xml")),
    readNumbering(await readXml(zip, "word/numbering.xml")),
    readFootnotes(await readXml(zip, "word/footnotes.xml")),
  );
  reader.readContainer(body);
  return reader.result();
}

interface Style {
  name: string;
  numId?: string;
  ilvl?: number;
}

function readStyles(root: Element | null): Map<string, Style> {
  const styles = new Map<string, Style>();
  if (!root) return styles;
  for (const style of children(root, "style")) {
    const id = attr(style, "styleId");
    if (!id) continue;
    const numPr = child(child(style, "pPr"), "numPr");
    styles.set(id, {
      name: (attr(child(style, "name"), "val") ?? id).toLowerCase(),
      numId: attr(child(numPr, "numId"), "val"),
      ilvl: numPr ? Number(attr(child(numPr, "ilvl"), "val") ?? 0) : undefined,
    });
  }
  return styles;
}

function readNumbering(root: Element | null): Numbering {
  const numbering: Numbering = { levels: new Map(), abstractOf: new Map() };
  if (!root) return numbering;
  const abstract = new Map<string, Map<number, LevelFormat>>();
  /** A list style's name → the abstract definition that holds its levels (w:styleLink). */
  const styleLinked = new Map<string, string>();
  const linksToStyle = new Map<string, string>();
  for (const definition of children(root, "abstractNum")) {
    const id = attr(definition, "abstractNumId") ?? "";
    const levels = new Map<number, LevelFormat>();
    for (const lvl of children(definition, "lvl")) levels.set(Number(attr(lvl, "ilvl") ?? 0), readLevel(lvl));
    abstract.set(id, levels);
    const styleLink = attr(child(definition, "styleLink"), "val");
    if (styleLink) styleLinked.set(styleLink, id);
    const numStyleLink = attr(child(definition, "numStyleLink"), "val");
    if (numStyleLink) linksToStyle.set(id, numStyleLink);
  }
  // Word's list styles: a definition that only names a list style ("UN List") takes its levels
  // from the definition that defines that style.
  for (const [id, style] of linksToStyle) {
    const source = styleLinked.get(style);
    if (source !== undefined && (abstract.get(id)?.size ?? 0) === 0) abstract.set(id, abstract.get(source) ?? new Map());
  }
  for (const num of children(root, "num")) {
    const numId = attr(num, "numId") ?? "";
    const abstractId = attr(child(num, "abstractNumId"), "val") ?? "";
    const levels = new Map(abstract.get(abstractId) ?? []);
    for (const override of children(num, "lvlOverride")) {
      const ilvl = Number(attr(override, "ilvl") ?? 0);
      const start = attr(child(override, "startOverride"), "val");
      // An override may redefine the level outright (another format, another text).
      const redefined = child(override, "lvl");
      if (redefined) levels.set(ilvl, readLevel(redefined));
      const base = levels.get(ilvl);
      if (base && start !== undefined) levels.set(ilvl, { ...base, start: Number(start) });
    }
    numbering.levels.set(numId, levels);
    // A list instance with its own start overrides is numbered on its own.
    numbering.abstractOf.set(numId, children(num, "lvlOverride").length > 0 ? `num:${numId}` : `abstract:${abstractId}`);
  }
  return numbering;
}

function readLevel(lvl: Element): LevelFormat {
  return {
    numFmt: attr(child(lvl, "numFmt"), "val") ?? "decimal",
    lvlText: attr(child(lvl, "lvlText"), "val") ?? "",
    start: Number(attr(child(lvl, "start"), "val") ?? 1),
  };
}

function readFootnotes(root: Element | null): Map<string, string> {
  const notes = new Map<string, string>();
  if (!root) return notes;
  for (const note of children(root, "footnote")) {
    const type = attr(note, "type");
    if (type === "separator" || type === "continuationSeparator" || type === "continuationNotice") continue;
    const text = children(note, "p").map((p) => runText(p, () => undefined)).join(" ");
    notes.set(attr(note, "id") ?? "", normalizeSpaces(text));
  }
  return notes;
}

/** The text of a paragraph's runs (hyperlinks and tracked insertions included, deletions not). */
function runText(paragraph: Element, onFootnote: (id: string) => void): string {
  let text = "";
  const walk = (element: Element) => {
    for (let n = element.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (e.namespaceURI !== W) continue;
      switch (e.localName) {
        case "t":
          text += e.textContent ?? "";
          break;
        case "tab":
          text += " ";
          break;
        case "br":
        case "cr":
          text += "\n";
          break;
        case "noBreakHyphen":
          text += "‑";
          break;
        case "footnoteReference":
          onFootnote(attr(e, "id") ?? "");
          break;
        case "del":
        case "pPr":
        case "rPr":
        case "instrText":
          break;
        default:
          walk(e);
      }
    }
  };
  walk(paragraph);
  return text;
}

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1)).repeat(Math.ceil(n / 26));
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1)).repeat(Math.ceil(n / 26));
    case "lowerRoman":
      return toRoman(n);
    case "upperRoman":
      return toRoman(n).toUpperCase();
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

class DocxReader {
  private title: string | null = null;
  private readonly blocks: SourceBlock[] = [];
  /** Counters per list and level, as Word keeps them through the document. */
  private readonly counters = new Map<string, number[]>();

  constructor(
    private readonly styles: Map<string, Style>,
    private readonly numbering: Numbering,
    private readonly footnotes: Map<string, string>,
  ) {}

  result(): SourceDocument {
    if (this.blocks.length === 0 && this.title === null) throw new ImportError("the Word document contains no text");
    return { title: this.title, blocks: this.blocks };
  }

  readContainer(container: Element): void {
    for (let n = container.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1 || (n as Element).namespaceURI !== W) continue;
      const e = n as Element;
      if (e.localName === "p") this.paragraph(e);
      else if (e.localName === "tbl") this.table(e);
      else if (e.localName === "sdt") {
        const content = child(e, "sdtContent");
        if (content) this.readContainer(content);
      }
    }
  }

  private table(table: Element): void {
    const [header, ...rows] = children(table, "tr");
    if (!header) return;
    const names = children(header, "tc").map((cell) => normalizeSpaces(children(cell, "p").map((p) => runText(p, () => undefined)).join(" ")));
    this.blocks.push({ text: "", footnotes: [], tableHeader: names });
    for (const row of rows) for (const cell of children(row, "tc")) this.readContainer(cell);
  }

  private paragraph(p: Element): void {
    const pPr = child(p, "pPr");
    const styleId = attr(child(pPr, "pStyle"), "val");
    const style = styleId ? this.styles.get(styleId) : undefined;
    const styleName = style?.name ?? (styleId ?? "").toLowerCase();
    const cited: string[] = [];
    const raw = runText(p, (id) => {
      const note = this.footnotes.get(id);
      if (note !== undefined) cited.push(note);
    });
    const text = normalizeSpaces(raw);

    const numPr = child(pPr, "numPr");
    const numId = attr(child(numPr, "numId"), "val") ?? style?.numId;
    const ilvl = Number(attr(child(numPr, "ilvl"), "val") ?? style?.ilvl ?? 0);
    const number = numId && numId !== "0" ? this.nextNumber(numId, ilvl) : "";

    if (text === "") return;
    if (styleName === "title" && this.title === null && this.blocks.length === 0) {
      this.title = text;
      return;
    }
    const heading = /^heading \d$/.test(styleName) || /^heading\d$/i.test(styleId ?? "");
    this.blocks.push({ text: number ? `${number} ${text}` : text, footnotes: cited, ...(heading ? { heading: true } : {}) });
  }

  /** The number Word shows for the next paragraph of list `numId` at level `ilvl`. */
  private nextNumber(numId: string, ilvl: number): string {
    const levels = this.numbering.levels.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return "";
    const key = this.numbering.abstractOf.get(numId) ?? numId;
    const counters = this.counters.get(key) ?? [];
    counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    // Deeper levels start again under a new item.
    counters.length = ilvl + 1;
    this.counters.set(key, counters);
    return level.lvlText.replace(/%(\d)/g, (_, k: string) => {
      const index = Number(k) - 1;
      const format = levels.get(index);
      return format ? formatNumber(counters[index] ?? format.start, format.numFmt) : "";
    }).trim();
  }
}

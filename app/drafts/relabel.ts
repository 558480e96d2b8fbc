/**
 * Labels recomputed as the expert group edits the outline: a paragraph inserted between 4 and 5
 * makes the old 5 the new 6, a sub-paragraph split in two gives (a) and (b). Labels are for
 * display and for the next published version; identity stays with the node id.
 */
export interface LabelledBlock {
  kind: string;
  level: number;
  /** The label the block had when it was imported or last published; its shape is kept. */
  label: string | null;
}

const ROMAN: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function upperRoman(n: number): string {
  let out = "";
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

function letter(n: number): string {
  // (a)…(z), then (aa), (bb)…
  const base = String.fromCharCode(96 + (((n - 1) % 26) + 1));
  return n <= 26 ? base : base.repeat(Math.ceil(n / 26));
}

/** Returns the label of every block, in order, renumbered the way the source numbered them. */
export function relabel(blocks: LabelledBlock[]): (string | null)[] {
  let preambular = 0;
  let operative = 0;
  let paragraph = 0;
  let section = 0;
  let subsection = 0;
  const named = new Map<string, number>(); // "POLICY AREA" → count
  const rows = new Map<string, number>(); // "Commitment" → count
  let row: { label: string; number: number; measures: number } | null = null;
  let currentSection = "";
  // Open paragraphs and sub-paragraphs by level, for "OP4(a)(i)".
  const open: { level: number; label: string; children: number }[] = [];

  return blocks.map((block) => {
    while (open.length > 0 && open.at(-1)!.level >= block.level) open.pop();
    const previous = block.label ?? "";

    if (block.kind === "heading") {
      open.length = 0;
      row = null;
      if (block.label === null) return null;
      const namedMatch = /^(\p{L}[\p{L} ]*) \d+$/u.exec(previous);
      if (namedMatch) {
        const count = (named.get(namedMatch[1]!) ?? 0) + 1;
        named.set(namedMatch[1]!, count);
        return `${namedMatch[1]} ${count}`;
      }
      if (block.level === 0 || !previous.includes(".")) {
        section += 1;
        subsection = 0;
        currentSection = upperRoman(section);
        return currentSection;
      }
      subsection += 1;
      return `${currentSection || upperRoman(Math.max(section, 1))}.${subsection}`;
    }

    if (block.kind === "subparagraph") {
      const parent = open.at(-1);
      if (!parent) return null;
      parent.children += 1;
      const depth = open.length; // 1 under a paragraph → letters, 2 → roman numerals
      const token = depth <= 1 ? letter(parent.children) : upperRoman(parent.children).toLowerCase();
      const label = `${parent.label}(${token})`;
      open.push({ level: block.level, label, children: 0 });
      return label;
    }

    let label: string | null = null;
    if (block.kind === "preambular") label = `PP${++preambular}`;
    else if (block.kind === "operative") label = `OP${++operative}`;
    else if (block.kind === "paragraph") {
      const rowMatch = /^(\p{L}+) \d+$/u.exec(previous);
      const measureMatch = /^\d+\.\d+$/.test(previous);
      if (rowMatch) {
        const count = (rows.get(rowMatch[1]!) ?? 0) + 1;
        rows.set(rowMatch[1]!, count);
        row = { label: `${rowMatch[1]} ${count}`, number: count, measures: 0 };
        label = row.label;
      } else if (measureMatch && row) {
        row.measures += 1;
        label = `${row.number}.${row.measures}`;
      } else label = String(++paragraph);
    }
    if (label !== null) open.push({ level: block.level, label, children: 0 });
    return label;
  });
}

/** A block of the working draft that publishing keeps: one with text. Empty blocks are dropped. */
export function isPublishedBlock(block: { text: string }): boolean {
  return block.text.trim() !== "";
}

/**
 * The labels the working draft's blocks will have once published — what the co-editor shows, what
 * "publish revision" stores, what label references in dispositions resolve to. Empty blocks are
 * not published, so they get no label and do not shift the numbering of the others.
 */
export function workingDraftLabels(blocks: (LabelledBlock & { text: string })[]): (string | null)[] {
  const kept = blocks.filter(isPublishedBlock);
  const labels = relabel(kept);
  let next = 0;
  return blocks.map((block) => (isPublishedBlock(block) ? (labels[next++] ?? null) : null));
}

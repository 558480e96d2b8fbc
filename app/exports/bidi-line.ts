/**
 * One line of mixed-direction text laid out by the Unicode Bidirectional Algorithm (UAX #9,
 * bidi-js): the line cut into pieces — words and the spaces between them, cut again where the
 * direction changes, and around brackets — in visual order, left to right, each piece's text ready
 * for a shaper that turns Arabic right to left itself (fontkit does). A bracket in a right-to-left
 * run is its own piece, marked to be drawn mirrored: drawing the other bracket instead would put
 * the wrong character in the text a reader copies.
 *
 * The PDF writer draws the pieces in logical order at their visual places: the page reads right
 * to left, while copying the text, a screen reader and pdftotext get it in the order it was written.
 */
import bidiFactory from "bidi-js";

const bidi = bidiFactory();

export interface LinePiece {
  /** The characters to draw: neutral runs in a right-to-left line reversed. */
  text: string;
  /** A bracket (or other mirrored character) in a right-to-left run: to be drawn flipped. */
  mirror: boolean;
  /** Where the piece starts in the line, in UTF-16 code units: its logical position. */
  start: number;
  space: boolean;
  rtl: boolean;
}

const SPACE = /\s/;
const LOW_SURROGATE = /[\udc00-\udfff]/;
/** Letters a shaper lays out right to left by itself (fontkit: Arabic, Hebrew, Syriac, Thaana, N'Ko). */
const STRONG_RTL = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/**
 * The line's direction: right to left when asked for it (an Arabic report's text with Arabic in
 * it), else the first strong character's (rules P2–P3).
 */
export function visualPieces(line: string, direction?: "rtl" | "ltr"): LinePiece[] {
  if (line.length === 0) return [];
  const levels = bidi.getEmbeddingLevels(line, direction);
  // bidi-js 1.0.3 reads this one's levels as an array (its README passes the whole result, which mirrors nothing).
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const alone = (i: number) => mirrored.has(i) || mirrored.has(i - 1);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [from, to] of bidi.getReorderSegments(line, levels)) {
    const reversed = order.slice(from, to + 1).reverse();
    order.splice(from, reversed.length, ...reversed);
  }
  const visualAt = new Array<number>(line.length);
  order.forEach((logical, visual) => (visualAt[logical] = visual));

  const pieces: (LinePiece & { visual: number })[] = [];
  let start = 0;
  for (let i = 1; i <= line.length; i++) {
    // A surrogate pair stays whole.
    const boundary =
      i === line.length ||
      (!LOW_SURROGATE.test(line[i]!) && (SPACE.test(line[i]!) !== SPACE.test(line[start]!) || levels.levels[i] !== levels.levels[start] || alone(i)));
    if (!boundary) continue;
    const rtl = (levels.levels[start]! & 1) === 1;
    let text = line.slice(start, i);
    // Neutrals alone in a right-to-left run (brackets, quotation marks, dashes): the shaper
    // would set them left to right, so they are reversed here.
    if (rtl && !STRONG_RTL.test(text)) text = Array.from(text).reverse().join("");
    let visual = Infinity;
    for (let k = start; k < i; k++) visual = Math.min(visual, visualAt[k]!);
    pieces.push({ text, mirror: mirrored.has(start), start, space: SPACE.test(line[start]!), rtl, visual });
    start = i;
  }
  return pieces.sort((a, b) => a.visual - b.visual).map(({ visual: _, ...piece }) => piece);
}

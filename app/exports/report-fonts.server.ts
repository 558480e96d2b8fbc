/**
 * The fonts the PDF report embeds: Noto from Debian's fonts-noto-core and fonts-noto-cjk, which
 * between them cover the six UN scripts (Latin, Cyrillic, Arabic, Chinese). Each text is set in
 * the font of its script. Without Noto, DejaVu Sans (Latin, Cyrillic, some Arabic), then PDF's
 * built-in Helvetica (Western European only); the server says so once in its log.
 */
import { existsSync } from "node:fs";

export interface FontFace {
  src: string;
  /** The face inside a font collection (.ttc). */
  family?: string;
}

export interface ReportFonts {
  latin: { regular: FontFace; bold: FontFace };
  arabic: { regular: FontFace; bold: FontFace } | null;
  cjk: { regular: FontFace; bold: FontFace } | null;
  /** For Arabic text with Latin letters in it: one font with both scripts. */
  arabicLatin: { regular: FontFace; bold: FontFace } | null;
  /** What is missing, for the log; null when every script has its font. */
  missing: string | null;
}

const NOTO = "/usr/share/fonts/truetype/noto";
const NOTO_CJK = "/usr/share/fonts/opentype/noto";
const DEJAVU = "/usr/share/fonts/truetype/dejavu";

const face = (src: string, family?: string): FontFace | null => (existsSync(src) ? { src, family } : null);

function pair(regular: FontFace | null, bold: FontFace | null) {
  return regular ? { regular, bold: bold ?? regular } : null;
}

let warned = false;

export function reportFonts(): ReportFonts {
  const noto = pair(face(`${NOTO}/NotoSans-Regular.ttf`), face(`${NOTO}/NotoSans-Bold.ttf`));
  const dejavu = pair(face(`${DEJAVU}/DejaVuSans.ttf`), face(`${DEJAVU}/DejaVuSans-Bold.ttf`));
  // Noto Sans Arabic before Noto Naskh: its lam-alef (لا, لأ, لإ, لآ) is one ligature glyph, which
  // extracts as written (pdf.server.ts); Naskh draws the alef as a second glyph laid over the lam
  // with no advance, which pdftotext reads as a duplicate and splits off the word ("أن ل" for "لأن").
  // It also matches Noto Sans, the Latin face.
  const arabic =
    pair(face(`${NOTO}/NotoSansArabic-Regular.ttf`), face(`${NOTO}/NotoSansArabic-Bold.ttf`)) ??
    pair(face(`${NOTO}/NotoNaskhArabic-Regular.ttf`), face(`${NOTO}/NotoNaskhArabic-Bold.ttf`));
  const cjk = pair(face(`${NOTO_CJK}/NotoSansCJK-Regular.ttc`, "NotoSansCJKsc-Regular"), face(`${NOTO_CJK}/NotoSansCJK-Bold.ttc`, "NotoSansCJKsc-Bold"));
  const latin = noto ?? dejavu ?? { regular: { src: "Helvetica" }, bold: { src: "Helvetica-Bold" } };
  const gaps = [!noto && "Noto Sans (fonts-noto-core)", !arabic && "Noto Sans Arabic (fonts-noto-core)", !cjk && "Noto Sans CJK (fonts-noto-cjk)"].filter(Boolean);
  const missing = gaps.length > 0 ? `report fonts missing: ${gaps.join(", ")}; using ${noto ? "Noto" : dejavu ? "DejaVu Sans" : "Helvetica"} for those scripts, which may print as empty boxes. Install: apt-get install fonts-noto-core fonts-noto-cjk` : null;
  if (missing && !warned) {
    warned = true;
    console.warn(missing);
  }
  return { latin, arabic: arabic ?? dejavu, cjk, arabicLatin: dejavu ?? arabic, missing };
}

const ARABIC = /[\p{sc=Arabic}]/u;
const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Which of the report's scripts a text needs: Arabic wins over CJK, CJK over Latin (the CJK font carries Latin too). */
export function scriptOf(text: string): "arabic" | "cjk" | "latin" {
  if (ARABIC.test(text)) return "arabic";
  if (CJK.test(text)) return "cjk";
  return "latin";
}

/** Right-to-left text, to be right-aligned: Arabic script. */
export function isRtl(text: string): boolean {
  return ARABIC.test(text);
}

/**
 * The geometry of the analysis charts as plain data, so the web page's SVG and the report's PDF
 * and Word writers draw the same bars from the same numbers: a printed chart never disagrees with
 * the one on screen. Units are the web chart's (CHART_WIDTH wide); writers scale to their page.
 */
import { stances, type Stance } from "../../../db/enums";
import { niceMax } from "./chart-scale";

/** The web charts' drawing width (chart-frame.tsx uses the same). */
export const CHART_WIDTH = 640;
export const BAR_LABEL_WIDTH = 230;
export const BAR_VALUE_WIDTH = 70;
export const BAR_ROW = 28;
export const BAR_HEIGHT = 16;
export const BAR_LEGEND = 26;
export const STANCE_HEIGHT = 28;

export interface BarDatum {
  label: string;
  value: number;
  /** A value to compare with, e.g. the baseline share: drawn as a dashed mark across the bar. */
  comparison?: number;
}

export interface BarGeometry {
  /** The axis top every bar is scaled against. */
  max: number;
  height: number;
  hasComparison: boolean;
  bars: { datum: BarDatum; y: number; width: number; /** where the value is written */ valueX: number; markX: number | null }[];
}

/** Horizontal bars, one row per datum, scaled to a round axis top (niceMax). */
export function barGeometry(data: readonly BarDatum[], width = CHART_WIDTH): BarGeometry {
  const max = niceMax(Math.max(0, ...data.map((d) => Math.max(d.value, d.comparison ?? 0))));
  const plot = width - BAR_LABEL_WIDTH - BAR_VALUE_WIDTH;
  const scale = (v: number) => (Math.max(0, v) / max) * plot;
  const hasComparison = data.some((d) => d.comparison !== undefined);
  return {
    max,
    hasComparison,
    height: Math.max(1, data.length) * BAR_ROW + (hasComparison ? BAR_LEGEND : 0) + 4,
    bars: data.map((datum, i) => {
      const w = scale(datum.value);
      const markX = datum.comparison === undefined ? null : BAR_LABEL_WIDTH + scale(datum.comparison);
      // The value goes after the bar or the mark, whichever ends further right, so they never overlap.
      const end = Math.max(w, datum.comparison === undefined ? 0 : scale(datum.comparison) + 2);
      return { datum, y: i * BAR_ROW + (BAR_ROW - BAR_HEIGHT) / 2, width: w, valueX: BAR_LABEL_WIDTH + end + 6, markX };
    }),
  };
}

export interface StanceSegment {
  stance: Stance;
  count: number;
  /** count / total, 0 when there are no comments. */
  share: number;
  x: number;
  width: number;
}

/** Comments per stance as one stacked bar, in the fixed stance order; stances without comments have no width. */
export function stanceSegments(counts: Partial<Record<Stance, number>>, width = CHART_WIDTH): { total: number; segments: StanceSegment[] } {
  const parts = stances.map((s) => ({ stance: s, count: Math.max(0, counts[s] ?? 0) }));
  const total = parts.reduce((n, p) => n + p.count, 0);
  let x = 0;
  const segments = parts.map((p) => {
    const w = total > 0 ? (p.count / total) * width : 0;
    const segment = { ...p, share: total > 0 ? p.count / total : 0, x, width: w };
    x += w;
    return segment;
  });
  return { total, segments };
}

/**
 * The texture each stance wears over its colour so the parts stay apart in black and white:
 * support plain, concern diagonal lines, amendment dots, question cross-hatching, remark
 * horizontal lines. Paths in an 8 × 8 tile, shared by the SVG patterns and the PDF writer.
 */
export const STANCE_TEXTURES: Record<Stance, { path?: string; dot?: { cx: number; cy: number; r: number } }> = {
  support: {},
  concern: { path: "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" },
  amendment: { dot: { cx: 4, cy: 4, r: 1.6 } },
  question: { path: "M0,0 l8,8 M8,0 l-8,8" },
  remark: { path: "M0,2 h8 M0,6 h8" },
};

/** Light fills that print as distinct greys; the textures carry the difference without colour. */
export const STANCE_FILLS: Record<Stance, string> = {
  support: "#9fd3b0",
  concern: "#f2b8a0",
  amendment: "#b9c8ee",
  question: "#f3dd8c",
  remark: "#d6d6d6",
};

/** Scales and number formats shared by the analysis charts. */
import { numberFormatter } from "../../i18n/kept-formatters";

/** The smallest of 1, 2, 2.5 or 5 × 10ⁿ at or above `max`: a round top for an axis (1 when empty). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

const DAY_MS = 86_400_000;

/**
 * Counts per day from the first day to the last, days without comments included with 0 (so the
 * chart's gaps are visible), in date order. Dates are ISO days (YYYY-MM-DD); repeated days add up.
 */
export function fillDays(points: { date: string; count: number }[]): { date: string; count: number }[] {
  if (points.length === 0) return [];
  const byDay = new Map<string, number>();
  for (const p of points) byDay.set(p.date, (byDay.get(p.date) ?? 0) + p.count);
  const days = [...byDay.keys()].sort();
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const last = Date.parse(`${days[days.length - 1]}T00:00:00Z`);
  const out: { date: string; count: number }[] = [];
  for (let t = first; t <= last; t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push({ date, count: byDay.get(date) ?? 0 });
  }
  return out;
}

export type ValueFormat = "number" | "percent" | "ratio";

const formats: Record<ValueFormat, Intl.NumberFormatOptions> = {
  number: { maximumFractionDigits: 2 },
  percent: { style: "percent", maximumFractionDigits: 1 },
  ratio: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
};

/** A count with grouping, a share (0–1) as a percentage to one decimal, or a ratio to two. */
export function formatValue(value: number, format: ValueFormat, locale: string): string {
  return numberFormatter(locale, `chart-${format}`, formats[format]).format(value);
}

/** An id usable in url(#…) references: React's useId() values contain colons. */
export function svgId(reactId: string, suffix: string): string {
  return `chart${reactId.replace(/[^a-zA-Z0-9_-]/g, "")}-${suffix}`;
}

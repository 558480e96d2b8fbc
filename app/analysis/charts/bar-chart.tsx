import { CHART_WIDTH, ChartFigure, ChartNumbers, useChart } from "./chart-frame";
import { formatValue, niceMax, type ValueFormat } from "./chart-scale";

export interface BarDatum {
  label: string;
  value: number;
  /** A value to compare with, e.g. the baseline share: drawn as a dashed mark across the bar. */
  comparison?: number;
}

const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const ROW = 28;
const BAR = 16;
const LEGEND = 26;

/**
 * Horizontal bars, one per label, each value written beside its bar; an optional comparison
 * value is a dashed black mark named in a legend, so nothing depends on colour.
 */
export function BarChart({
  title,
  description,
  labelHeading,
  valueLabel,
  comparisonLabel,
  data,
  format = "number",
}: {
  title: string;
  /** What the chart shows, for screen readers; a summary of the largest bar by default. */
  description?: string;
  /** Heading of the label column in the table of numbers (e.g. "Region"). */
  labelHeading: string;
  valueLabel: string;
  comparisonLabel?: string;
  data: BarDatum[];
  format?: ValueFormat;
}) {
  const { t, locale, ids } = useChart();
  const show = (n: number) => formatValue(n, format, locale);
  const hasComparison = data.some((d) => d.comparison !== undefined);
  const comparing = hasComparison && comparisonLabel !== undefined;
  // Over- or under-representation: the value as a multiple of the comparison (1 = as expected).
  const comparisonCells = (d: BarDatum) =>
    d.comparison === undefined
      ? ["—", "—"]
      : [show(d.comparison), d.comparison > 0 ? formatValue(d.value / d.comparison, "ratio", locale) : "—"];
  const max = niceMax(Math.max(0, ...data.map((d) => Math.max(d.value, d.comparison ?? 0))));
  const scale = (v: number) => (Math.max(0, v) / max) * (CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH);
  const top = data.reduce<BarDatum | undefined>((best, d) => (!best || d.value > best.value ? d : best), undefined);
  const summary =
    description ??
    (top
      ? t("chart.barSummary", { count: data.length, label: top.label, value: show(top.value) })
      : t("chart.noData"));
  const height = Math.max(1, data.length) * ROW + (hasComparison ? LEGEND : 0) + 4;

  return (
    <ChartFigure
      title={title}
      description={summary}
      ids={ids}
      height={height}
      svg={
        <>
          {data.map((d, i) => {
            const y = i * ROW + (ROW - BAR) / 2;
            const w = scale(d.value);
            // The value goes after the bar or the mark, whichever ends further right, so they never overlap.
            const end = Math.max(w, d.comparison === undefined ? 0 : scale(d.comparison) + 2);
            return (
              <g key={`${i}-${d.label}`}>
                <text className="chart__label" x={LABEL_WIDTH - 8} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
                  {d.label}
                </text>
                <rect className="chart__bar" x={LABEL_WIDTH} y={y} width={w} height={BAR} />
                <text className="chart__value" x={LABEL_WIDTH + end + 6} y={y + BAR / 2} dominantBaseline="central">
                  {show(d.value)}
                </text>
                {d.comparison === undefined ? null : (
                  <line
                    className="chart__marker"
                    x1={LABEL_WIDTH + scale(d.comparison)}
                    x2={LABEL_WIDTH + scale(d.comparison)}
                    y1={y - 4}
                    y2={y + BAR + 4}
                  />
                )}
              </g>
            );
          })}
          {comparing ? (
            <g transform={`translate(${LABEL_WIDTH}, ${data.length * ROW + 6})`}>
              <line className="chart__marker" x1={4} x2={4} y1={0} y2={16} />
              <text className="chart__legend-text" x={14} y={8} dominantBaseline="central">
                {t("chart.comparisonLegend", { label: comparisonLabel })}
              </text>
            </g>
          ) : null}
        </>
      }
    >
      <ChartNumbers
        caption={title}
        columns={comparing ? [labelHeading, valueLabel, comparisonLabel, t("chart.ratio")] : [labelHeading, valueLabel]}
        rows={data.map((d) => ({
          label: d.label,
          cells: comparing ? [show(d.value), ...comparisonCells(d)] : [show(d.value)],
        }))}
      />
    </ChartFigure>
  );
}

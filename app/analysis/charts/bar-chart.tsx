import { ChartFigure, ChartNumbers, useChart } from "./chart-frame";
import { formatValue, type ValueFormat } from "./chart-scale";
import { BAR_HEIGHT as BAR, BAR_LABEL_WIDTH as LABEL_WIDTH, BAR_ROW as ROW, barGeometry, type BarDatum } from "./chart-spec";

export type { BarDatum };

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
  // The geometry the report's PDF and Word writers draw too (chart-spec.ts).
  const geometry = barGeometry(data);
  const top = data.reduce<BarDatum | undefined>((best, d) => (!best || d.value > best.value ? d : best), undefined);
  const summary =
    description ??
    (top
      ? t("chart.barSummary", { count: data.length, label: top.label, value: show(top.value) })
      : t("chart.noData"));
  const height = geometry.height;

  return (
    <ChartFigure
      title={title}
      description={summary}
      ids={ids}
      height={height}
      svg={
        <>
          {geometry.bars.map(({ datum: d, y, width: w, valueX, markX }, i) => {
            return (
              <g key={`${i}-${d.label}`}>
                <text className="chart__label" x={LABEL_WIDTH - 8} y={y + BAR / 2} textAnchor="end" dominantBaseline="central">
                  {d.label}
                </text>
                <rect className="chart__bar" x={LABEL_WIDTH} y={y} width={w} height={BAR} />
                <text className="chart__value" x={valueX} y={y + BAR / 2} dominantBaseline="central">
                  {show(d.value)}
                </text>
                {markX === null ? null : (
                  <line
                    className="chart__marker"
                    x1={markX}
                    x2={markX}
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

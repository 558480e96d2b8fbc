import { CHART_WIDTH, ChartFigure, ChartNumbers, useChart } from "./chart-frame";
import { fillDays, formatValue, niceMax } from "./chart-scale";

const HEIGHT = 220;
const LEFT = 48;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 28;

/** Comments per day, one column per day from the first to the last (days without comments at 0). */
export function TimeSeriesChart({
  title,
  data,
  description,
}: {
  title: string;
  /** Counts per ISO day (YYYY-MM-DD), in any order; missing days are filled in. */
  data: { date: string; count: number }[];
  description?: string;
}) {
  const { t, locale, ids } = useChart();
  const days = fillDays(data);
  // Days are formatted by the server's and then the browser's ICU, which may differ in details:
  // the elements holding them leave their text out of hydration's comparison.
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const showDay = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));
  const count = (n: number) => formatValue(n, "number", locale);
  const total = days.reduce((n, d) => n + d.count, 0);
  const peak = days.reduce<(typeof days)[number] | undefined>((best, d) => (!best || d.count > best.count ? d : best), undefined);
  const summary =
    description ??
    (peak
      ? t("chart.timeSummary", {
          total,
          days: days.length,
          from: showDay(days[0]!.date),
          to: showDay(days[days.length - 1]!.date),
          peakDay: showDay(peak.date),
          peak: peak.count,
        })
      : t("chart.noData"));
  const max = niceMax(peak?.count ?? 0);
  const plotWidth = CHART_WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const step = plotWidth / Math.max(1, days.length);
  const gap = step > 4 ? Math.min(2, step * 0.2) : 0;
  const yOf = (v: number) => TOP + plotHeight - (v / max) * plotHeight;
  const ticks = Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max];
  const labelled = days.length > 2 ? [0, Math.floor((days.length - 1) / 2), days.length - 1] : days.map((_, i) => i);

  return (
    <ChartFigure
      title={title}
      description={summary}
      ids={ids}
      height={HEIGHT}
      svg={
        <>
          {ticks.map((v) => (
            <g key={v}>
              <line className="chart__grid" x1={LEFT} x2={CHART_WIDTH - RIGHT} y1={yOf(v)} y2={yOf(v)} />
              <text className="chart__axis" x={LEFT - 6} y={yOf(v)} textAnchor="end" dominantBaseline="central">
                {count(v)}
              </text>
            </g>
          ))}
          {days.map((d, i) => (
            <rect
              key={d.date}
              className="chart__bar"
              x={LEFT + i * step + gap / 2}
              y={yOf(d.count)}
              width={Math.max(0.5, step - gap)}
              height={TOP + plotHeight - yOf(d.count)}
            />
          ))}
          {labelled.map((i) => (
            <text
              key={i}
              className="chart__axis"
              x={LEFT + (i + 0.5) * step}
              y={HEIGHT - 8}
              textAnchor={i === 0 && days.length > 1 ? "start" : i === days.length - 1 && days.length > 1 ? "end" : "middle"}
              suppressHydrationWarning
            >
              {showDay(days[i]!.date)}
            </text>
          ))}
        </>
      }
    >
      <ChartNumbers
        caption={title}
        columns={[t("chart.day"), t("chart.comments")]}
        rows={days.map((d) => ({ label: showDay(d.date), cells: [count(d.count)] }))}
      />
    </ChartFigure>
  );
}

import { useId, type ReactNode } from "react";
import { useLocale, useT } from "../../i18n/i18n-context";
import { svgId } from "./chart-scale";
import { DataTable } from "~/components/data-table";

export interface NumbersTable {
  caption: string;
  /** Column headings; the first heads the row labels. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

/**
 * The numbers behind a chart, as a table behind "Show the numbers": the text alternative that
 * screen readers can walk cell by cell, and what a reader copies into a report. Printed open.
 */
export function ChartNumbers({ caption, columns, rows }: NumbersTable) {
  const t = useT();
  return (
    <details className="chart__numbers">
      <summary>{t("chart.showNumbers")}</summary>
      <DataTable caption={caption} columns={columns}>
        {rows.map((row, i) => (
          <tr key={`${i}-${row.label}`}>
            {/* Row labels may be dates, formatted by each side's ICU (time-series-chart.tsx). */}
            <th scope="row" suppressHydrationWarning>
              {row.label}
            </th>
            {row.cells.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </details>
  );
}

/** The width of every chart's drawing, in SVG units; it scales to the page's width. */
import { CHART_WIDTH } from "./chart-spec";

export { CHART_WIDTH };

/** What every chart needs: the translation function, the locale, and ids unique in the page. */
export function useChart() {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  return { t, locale, ids: (suffix: string) => svgId(id, suffix) };
}

/**
 * The figure around a chart: a visible title, then the SVG as one image named by its title and
 * described by `description`, then what follows it (legend, numbers).
 */
export function ChartFigure({
  title,
  description,
  ids,
  height,
  svg,
  children,
}: {
  title: string;
  description: string;
  ids: (suffix: string) => string;
  height: number;
  svg: ReactNode;
  children: ReactNode;
}) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg className="chart__svg" viewBox={`0 0 ${CHART_WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${ids("title")} ${ids("desc")}`}>
        <title id={ids("title")}>{title}</title>
        {/* The description may name dates, formatted by each side's ICU (time-series-chart.tsx). */}
        <desc id={ids("desc")} suppressHydrationWarning>
          {description}
        </desc>
        {svg}
      </svg>
      {children}
    </figure>
  );
}

import type { ReactNode } from "react";
import { useT } from "../../i18n/i18n-context";

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
      <div className="table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={`${i}-${row.label}`}>
                <th scope="row">{row.label}</th>
                {row.cells.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The figure around a chart: a visible title, the SVG, then what follows it (legend, numbers). */
export function ChartFigure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      {children}
    </figure>
  );
}

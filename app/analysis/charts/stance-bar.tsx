import { stances, type Stance } from "../../../db/enums";
import { CHART_WIDTH, ChartFigure, ChartNumbers, useChart } from "./chart-frame";
import { formatValue } from "./chart-scale";
import { STANCE_HEIGHT as HEIGHT, STANCE_TEXTURES, stanceSegments } from "./chart-spec";

/**
 * A texture per stance on top of its colour, so that the parts stay apart in black and white and
 * for readers who do not tell the colours apart: support plain, concern diagonal lines, amendment
 * dots, question cross-hatching, remark horizontal lines.
 */
function StanceTexture({ stance }: { stance: Stance }) {
  const { path, dot } = STANCE_TEXTURES[stance];
  if (dot) return <circle className="chart__texture chart__texture--dot" cx={dot.cx} cy={dot.cy} r={dot.r} />;
  return path ? <path className="chart__texture" d={path} /> : null;
}

function StancePatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {stances.map((s) => (
        <pattern key={s} id={`${prefix}-${s}`} width={8} height={8} patternUnits="userSpaceOnUse">
          <rect className={`chart-stance chart-stance--${s}`} width={8} height={8} />
          <StanceTexture stance={s} />
        </pattern>
      ))}
    </defs>
  );
}

/** Comments per stance as one stacked bar, with a legend and the numbers. */
export function StanceBar({
  title,
  counts,
  description,
}: {
  title: string;
  counts: Partial<Record<Stance, number>>;
  description?: string;
}) {
  const { t, locale, ids } = useChart();
  const patterns = ids("stance");
  // The same segments the report's writers draw (chart-spec.ts).
  const { total, segments: parts } = stanceSegments(counts);
  const share = (n: number) => formatValue(total > 0 ? n / total : 0, "percent", locale);
  const visible = parts.filter((p) => p.count > 0);
  const summary =
    description ??
    (total > 0
      ? t("chart.stanceSummary", {
          total,
          parts: visible.map((p) => `${t(`stance.${p.stance}`)} ${formatValue(p.count, "number", locale)}`).join(", "),
        })
      : t("chart.noData"));

  return (
    <ChartFigure
      title={title}
      description={summary}
      ids={ids}
      height={HEIGHT}
      svg={
        <>
          <StancePatterns prefix={patterns} />
          <rect className="chart__track" x={0} y={2} width={CHART_WIDTH} height={HEIGHT - 4} />
          {visible.map((p) => {
            return (
              <rect
                key={p.stance}
                className={`chart__segment chart__segment--${p.stance}`}
                x={p.x}
                y={2}
                width={p.width}
                height={HEIGHT - 4}
                fill={`url(#${patterns}-${p.stance})`}
              />
            );
          })}
        </>
      }
    >
      <ul className="chart__legend">
        {visible.map((p) => (
          <li key={p.stance}>
            <svg className="chart__swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
              <rect width={16} height={16} fill={`url(#${patterns}-${p.stance})`} />
            </svg>
            {t(`stance.${p.stance}`)} {formatValue(p.count, "number", locale)} ({share(p.count)})
          </li>
        ))}
      </ul>
      <ChartNumbers
        caption={title}
        columns={[t("chart.stance"), t("chart.comments"), t("chart.share")]}
        rows={[
          ...parts.map((p) => ({ label: t(`stance.${p.stance}`), cells: [formatValue(p.count, "number", locale), share(p.count)] })),
          { label: t("chart.total"), cells: [formatValue(total, "number", locale), share(total)] },
        ]}
      />
    </ChartFigure>
  );
}

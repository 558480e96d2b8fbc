import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n-context";
import { coSignerDimensions, type CoSignerBreakdown } from "../joint/co-signers";
import type { CommentFilters } from "./comment-filters";
import { dimensionValueLabel, type GroupName } from "./dimension-labels";
import { drillDownPath } from "./drill-down";
import { ScrollRegion } from "~/components/scroll-region";

/**
 * Who stands behind the joint submissions the analysis counted (issue 17, decision 032): their
 * co-signers by region, electoral group and stakeholder group, one table each.
 */
export function CoSignersPanel({ slug, filters, groups, breakdown, listLink = true }: {
  slug: string;
  filters: CommentFilters;
  groups: GroupName[];
  breakdown: CoSignerBreakdown;
  /** A link to the joint submissions' list (not on that list itself). */
  listLink?: boolean;
}) {
  const t = useT();
  if (breakdown.totals.submissions === 0) return <p>{t("coSigners.empty")}</p>;
  return (
    <>
      <p>
        {t("coSigners.totals", { ...breakdown.totals })}{" "}
        {listLink ? <Link to={drillDownPath(slug, { ...filters, joint: "only" })}>{t("coSigners.list")}</Link> : null}
      </p>
      <div className="analysis-grid">
        {coSignerDimensions.map((d) => (
          <ScrollRegion key={d} label={t(`coSigners.by.${d}`)}>
            <table className="analysis-table">
              <caption>{t(`coSigners.by.${d}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("analysis.col.value")}</th>
                  <th scope="col" className="num">{t("coSigners.col.coSigners")}</th>
                  <th scope="col" className="num">{t("coSigners.col.organisations")}</th>
                  <th scope="col" className="num">{t("coSigners.col.submissions")}</th>
                </tr>
              </thead>
              <tbody>
                {breakdown.byDimension[d].map((r) => (
                  <tr key={r.value}>
                    <th scope="row">{dimensionValueLabel(t, d, r.value, groups)}</th>
                    <td className="num">{r.coSigners}</td>
                    <td className="num">{r.organisations}</td>
                    <td className="num">{r.submissions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        ))}
      </div>
    </>
  );
}

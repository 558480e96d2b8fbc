import type { Translate } from "../i18n/translate";
import type { CommentFilters } from "./comment-filters";
import { NONE, type AnalysisDimension } from "./drill-down";

export interface GroupName {
  id: number;
  name: string;
}

/** How a dimension's value reads on the page: "Africa", "Group V(a): African States", a group's name. */
export function dimensionValueLabel(t: Translate, dimension: AnalysisDimension, value: string, groups: GroupName[]): string {
  if (value === NONE) return t("analysis.none");
  switch (dimension) {
    case "region":
      return t(`region.${value}` as "region.africa");
    case "electoral":
      return t(`group.${value}` as "group.I");
    case "group":
      return groups.find((g) => String(g.id) === value)?.name ?? value;
    case "gender":
      return t(`field.gender.${value}` as "field.gender.woman");
    case "age":
      return t(`field.ageBand.${value}` as "field.ageBand.18-24");
    case "channel":
      return t(`channel.${value}` as "channel.online");
    case "language":
      return t(`language.${value}` as "language.en");
  }
}

/** The active filters in words ("Region: Africa, Position: Concern"), or null when there is none. */
export function describeFilters(t: Translate, f: CommentFilters, groups: GroupName[]): string | null {
  const parts: string[] = [];
  if (f.region) parts.push(`${t("analysis.filter.region")}: ${dimensionValueLabel(t, "region", f.region, groups)}`);
  if (f.electoral) parts.push(`${t("analysis.filter.electoral")}: ${dimensionValueLabel(t, "electoral", f.electoral, groups)}`);
  if (f.group) parts.push(`${t("analysis.filter.group")}: ${dimensionValueLabel(t, "group", String(f.group), groups)}`);
  if (f.stance) parts.push(`${t("analysis.filter.stance")}: ${t(`stance.${f.stance}`)}`);
  if (f.channel) parts.push(`${t("analysis.filter.channel")}: ${dimensionValueLabel(t, "channel", f.channel, groups)}`);
  if (f.language) parts.push(`${t("analysis.filter.language")}: ${dimensionValueLabel(t, "language", f.language, groups)}`);
  if (f.round) parts.push(`${t("analysis.filter.round")}: ${f.round}`);
  if (f.from) parts.push(`${t("analysis.filter.from")}: ${f.from}`);
  if (f.to) parts.push(`${t("analysis.filter.to")}: ${f.to}`);
  if (f.campaigns === "collapsed") parts.push(t("analysis.filter.campaigns.collapsed"));
  if (f.joint) parts.push(t(`coSigners.filter.${f.joint}`));
  return parts.length > 0 ? parts.join(", ") : null;
}

import { z } from "zod";
import { ageBands, channels, electoralGroups, genders, languages, unescoRegions } from "../../db/enums";
import { filtersToSearch, type CommentFilters } from "./comment-filters";

/**
 * The dimensions participation is broken down by. Each is a column copied onto the comment when
 * it was written (see db/schema.ts `comments`); "none" stands for a comment without the value
 * (input recorded on behalf of a meeting has no electoral group, gender or age band).
 */
export const analysisDimensions = ["region", "electoral", "group", "gender", "age", "channel", "language"] as const;
export type AnalysisDimension = (typeof analysisDimensions)[number];
export const NONE = "none";
/** The node parameter of comments on the draft as a whole. */
export const WHOLE_DRAFT = "draft";

/**
 * What a figure counted, on top of the shared filters: a paragraph (node id, or the whole draft)
 * and one value of one dimension. A drill-down link carries both, so the list behind a figure is
 * built from exactly the conditions the figure was counted with.
 */
export const drillDownSchema = z.object({
  node: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional().catch(undefined),
  by: z.enum(analysisDimensions).optional().catch(undefined),
  value: z.string().min(1).max(60).optional().catch(undefined),
  /** A campaign's comments (its id: its first comment's, decision 016). */
  campaign: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type DrillDown = z.infer<typeof drillDownSchema>;

export function parseDrillDown(params: URLSearchParams): DrillDown {
  return drillDownSchema.parse({
    node: params.get("node") || undefined,
    by: params.get("by") || undefined,
    value: params.get("value") || undefined,
    campaign: params.get("campaign") || undefined,
    page: params.get("page") ?? 1,
  });
}

const dimensionValues: Record<Exclude<AnalysisDimension, "group">, readonly string[]> = {
  region: unescoRegions,
  electoral: electoralGroups,
  gender: genders,
  age: ageBands,
  channel: channels,
  language: languages,
};

/**
 * Whether a drill-down's value is one its dimension has (`none` included; for stakeholder groups,
 * one of `groupIds`). A value nobody could have clicked is a bad request, not an empty list.
 */
export function isKnownDimensionValue(by: AnalysisDimension, value: string, groupIds: readonly number[]): boolean {
  if (value === NONE) return true;
  if (by === "group") return groupIds.some((id) => String(id) === value);
  return dimensionValues[by].includes(value);
}

export interface Cell {
  node?: string;
  by?: AnalysisDimension;
  value?: string;
  campaign?: number;
}

/** The drill-down address of one figure: the current filters plus the figure's own cell. */
export function drillDownPath(slug: string, filters: CommentFilters, cell: Cell = {}): string {
  return `/c/${encodeURIComponent(slug)}/analysis/comments${filtersToSearch(filters, {
    node: cell.node,
    by: cell.value !== undefined ? cell.by : undefined,
    value: cell.by !== undefined ? cell.value : undefined,
    campaign: cell.campaign,
  })}`;
}

/**
 * The same addresses as drillDownPath for many cells under one set of filters (a matrix has
 * thousands): the filters' part is built once. Gives exactly what drillDownPath gives.
 */
export function drillDownPaths(slug: string, filters: CommentFilters): (cell: Cell) => string {
  const base = drillDownPath(slug, filters);
  const join = base.includes("?") ? "&" : "?";
  return (cell) => {
    const parts: string[] = [];
    if (cell.node !== undefined) parts.push(`node=${encodeURIComponent(cell.node)}`);
    if (cell.by !== undefined && cell.value !== undefined) parts.push(`by=${cell.by}`, `value=${new URLSearchParams({ v: cell.value }).toString().slice(2)}`);
    if (cell.campaign !== undefined) parts.push(`campaign=${cell.campaign}`);
    return parts.length > 0 ? `${base}${join}${parts.join("&")}` : base;
  };
}

/** The query string of a page of a drill-down list (or of any filtered view). */
export function withPage(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page > 1) params.set("page", String(page));
  else params.delete("page");
  const s = params.toString();
  return s ? `?${s}` : "";
}

import { z } from "zod";
import { channels, electoralGroups, languages, stances, unescoRegions } from "../../db/enums";

const day = z.iso.date();

export const jointFilterValues = ["only", "exclude"] as const;

/**
 * The filters shared by the analysis page, its drill-downs, the compiled comments table and the
 * exports. They live in the URL so a view can be shared and reloaded; a value that does not parse
 * is dropped rather than refused, as a reader may have edited the address by hand.
 */
export const commentFilterSchema = z.object({
  region: z.enum(unescoRegions).optional().catch(undefined),
  electoral: z.enum(electoralGroups).optional().catch(undefined),
  group: z.coerce.number().int().positive().optional().catch(undefined),
  stance: z.enum(stances).optional().catch(undefined),
  channel: z.enum(channels).optional().catch(undefined),
  language: z.enum(languages).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  /** The consultation's round the comments were made in (a second round on a newer version). */
  round: z.coerce.number().int().min(1).max(99).optional().catch(undefined),
  /** Raw (absent): every comment counts; collapsed: a campaign counts once (decision 016). */
  campaigns: z.enum(["collapsed"]).optional().catch(undefined),
  /** Joint submissions (issue 17): only them, or every comment but them; absent: all comments. */
  joint: z.enum(jointFilterValues).optional().catch(undefined),
});
export type CommentFilters = z.infer<typeof commentFilterSchema>;
export const commentFilterKeys = Object.keys(commentFilterSchema.shape) as (keyof CommentFilters)[];

export function parseCommentFilters(params: URLSearchParams): CommentFilters {
  const raw: Record<string, string> = {};
  for (const key of commentFilterKeys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  return commentFilterSchema.parse(raw);
}

/** The query string for a set of filters, with `extra` on top (e.g. a drill-down's paragraph). */
export function filtersToSearch(f: CommentFilters, extra: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const key of commentFilterKeys) {
    const value = f[key];
    if (value !== undefined) params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) params.set(key, String(value));
    else params.delete(key);
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/**
 * Traceability: for a published version, the comments whose dispositions point at each of its
 * paragraphs — the comments that led to the change — with their regions and groups and the
 * version they were made on.
 */
import type { Db } from "../../db/client.server";
import type { Channel, Decision } from "../../db/enums";
import { publicAuthor } from "../comments/comments.server";

export interface ChangeReason {
  commentId: number;
  author: string;
  region: string;
  stakeholderGroup: string;
  electoralGroup: string | null;
  version: number | null;
  decision: Decision;
  rationale: string;
  body: string;
}

export function commentsBehindChanges(
  db: Db,
  consultationId: number,
  versionNumber: number,
  nodeIds: string[],
  participantWord: string,
): Map<string, ChangeReason[]> {
  const byNode = new Map<string, ChangeReason[]>();
  if (nodeIds.length === 0) return byNode;
  const rows = db.$client
    .prepare(
      `select j.value as target, c.id, c.author_id as authorId, c.author_name as authorName, c.author_pseudonymous as authorPseudonymous,
              c.author_country_code as authorCountryCode, c.channel, c.author_region as region, c.author_electoral_group as electoralGroup,
              g.name as groupName, v.number as version, d.decision, d.rationale, c.body
         from dispositions d
         join json_each(d.target_node_ids) j
         join comments c on c.id = d.comment_id
         join stakeholder_groups g on g.id = c.author_stakeholder_group_id
         left join document_versions v on v.id = c.version_id
        where d.consultation_id = ? and c.status = 'visible'
          and (v.number is null or v.number < ?)
          and j.value in (select value from json_each(?))
        order by c.id`,
    )
    .all(consultationId, versionNumber, JSON.stringify(nodeIds)) as {
    target: string; id: number; authorId: number | null; authorName: string; authorPseudonymous: number; authorCountryCode: string | null; channel: Channel;
    region: string; electoralGroup: string | null; groupName: string; version: number | null; decision: Decision; rationale: string; body: string;
  }[];
  for (const r of rows) {
    const list = byNode.get(r.target) ?? [];
    list.push({
      commentId: r.id,
      author: publicAuthor({ ...r, authorPseudonymous: r.authorPseudonymous === 1 }, r.groupName, participantWord),
      region: r.region,
      stakeholderGroup: r.groupName,
      electoralGroup: r.electoralGroup,
      version: r.version,
      decision: r.decision,
      rationale: r.rationale,
      body: r.body,
    });
    byNode.set(r.target, list);
  }
  return byNode;
}


/**
 * Many comments quickly, for export tests and the export benchmark: participants spread over the
 * regions, groups and stances, a share pseudonymous, some endorsements and dispositions. Inserted
 * with prepared statements in one transaction (the accounts get a placeholder password hash: they
 * never sign in). The synthetic consultation generator of the seeds supersedes this for demos.
 */
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.server";
import { documents, documentVersions, outlineNodes, stakeholderGroups } from "../../db/schema";
import { electoralGroups, stances, unescoRegions } from "../../db/enums";

const COUNTRIES = ["KE", "EG", "JP", "FR", "BR", "NG", "IN", "DE", "MX", "CI"];
const DECISIONS = ["accepted", "accepted-in-part", "noted", "not-accepted", "out-of-scope", "duplicate"];

export function generateComments(
  db: Db,
  consultationId: number,
  count: number,
  options: { participants?: number; decidedShare?: number; start?: Date } = {},
): { participants: number; decided: number } {
  const sqlite = db.$client;
  const version = db
    .select({ id: documentVersions.id })
    .from(documentVersions)
    .innerJoin(documents, eq(documents.id, documentVersions.documentId))
    .where(and(eq(documents.consultationId, consultationId), isNotNull(documentVersions.publishedAt)))
    .get()!;
  const nodes = db.select({ nodeId: outlineNodes.nodeId }).from(outlineNodes).where(eq(outlineNodes.versionId, version.id)).all();
  const groups = db.select({ id: stakeholderGroups.id }).from(stakeholderGroups).all();
  const participants = options.participants ?? Math.max(1, Math.ceil(count / 5));
  const decidedShare = options.decidedShare ?? 0.3;
  const start = (options.start ?? new Date("2026-10-01T00:00:00Z")).getTime();
  const insertUser = sqlite.prepare(
    `insert into users (email, display_name, password_hash, role, country_code, unesco_region, electoral_group, stakeholder_group_id, pseudonymous, consented_at)
     values (?, ?, 'x', 'participant', ?, ?, ?, ?, ?, ?)`,
  );
  const insertComment = sqlite.prepare(
    `insert into comments (consultation_id, node_id, version_id, author_id, author_name, author_pseudonymous, author_country_code, author_region,
       author_electoral_group, author_stakeholder_group_id, stance, language, body, proposed_text, channel, submission_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'en', ?, ?, 'online', ?, ?)`,
  );
  const insertEndorsement = sqlite.prepare(`insert or ignore into endorsements (comment_id, user_id) values (?, ?)`);
  const insertDisposition = sqlite.prepare(
    `insert into dispositions (consultation_id, comment_id, decision, rationale, target_node_ids, decided_by_name, decided_at) values (?, ?, ?, ?, ?, 'Expert', ?)`,
  );
  let decided = 0;
  sqlite.transaction(() => {
    const userIds: { id: number; name: string; pseudonymous: number; country: string; region: string; electoral: string; group: number }[] = [];
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    for (let i = 0; i < participants; i++) {
      const u = {
        name: `Participant ${i} Naïve-Lé`,
        pseudonymous: i % 4 === 0 ? 1 : 0,
        country: COUNTRIES[i % COUNTRIES.length]!,
        region: unescoRegions[i % unescoRegions.length]!,
        electoral: electoralGroups[i % electoralGroups.length]!,
        group: groups[i % groups.length]!.id,
      };
      const id = Number(insertUser.run(`p${i}-${tag}@example.org`, u.name, u.country, u.region, u.electoral, u.group, u.pseudonymous, start).lastInsertRowid);
      userIds.push({ id, ...u });
    }
    for (let i = 0; i < count; i++) {
      const u = userIds[i % userIds.length]!;
      const stance = stances[i % stances.length]!;
      const node = i % 17 === 0 ? null : nodes[i % nodes.length]!.nodeId;
      const body = `Comment ${i}: the paragraph should say more about « équité » and data, "quoted", with commas.`;
      const id = Number(
        insertComment.run(consultationId, node, version.id, u.id, u.name, u.pseudonymous, u.country, u.region, u.electoral, u.group, stance, body,
          stance === "amendment" ? `Proposed wording ${i}.` : null, `${tag}-${i}`, start + i * 1000).lastInsertRowid,
      );
      if (i % 3 === 0) insertEndorsement.run(id, userIds[(i + 1) % userIds.length]!.id);
      if ((i * 7919) % 1000 < decidedShare * 1000) {
        insertDisposition.run(consultationId, id, DECISIONS[i % DECISIONS.length]!, `Rationale ${i}`, JSON.stringify(node ? [node] : []), start + i * 1000);
        decided += 1;
      }
    }
  })();
  return { participants, decided };
}

/**
 * Confirmed followers of one consultation, inserted straight into the database before a bench
 * starts (bench:notifications in process, bench:closing-mail against a server): the six
 * languages in turn, so e-mail is rendered in each.
 */
import type { Db } from "../db/client.server";

const LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"] as const;

export function seedFollowers(db: Db, consultationId: number, count: number): void {
  const client = db.$client;
  client.transaction(() => {
    const insert = client.prepare(
      `insert into users (email, display_name, password_hash, country_code, unesco_region, electoral_group, stakeholder_group_id, consented_at, language, email_confirmed_at)
       values (?, ?, '-', 'KE', 'africa', 'V(a)', 1, 0, ?, 0)`,
    );
    const follow = client.prepare("insert into follows (user_id, consultation_id, node_id) values (?, ?, '')");
    for (let i = 0; i < count; i++) {
      follow.run(insert.run(`follower${i}@example.org`, `Follower ${i}`, LANGUAGES[i % LANGUAGES.length]).lastInsertRowid, consultationId);
    }
  })();
}

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase } from "./client.server";
import { consultations } from "./schema";
import { whileUnchanged } from "./change-token.server";

describe("whileUnchanged", () => {
  it("reuses a result until this connection or another one writes", () => {
    const path = join(mkdtempSync(join(tmpdir(), "redraft-token-")), "t.db");
    const db = openDatabase(path);
    migrateDatabase(db);
    const other = openDatabase(path);
    let computed = 0;
    const count = () => whileUnchanged(db, "consultations", () => (computed++, db.select().from(consultations).all().length));
    try {
      expect(count()).toBe(0);
      expect(count()).toBe(0);
      expect(computed).toBe(1);
      // A write through the same connection.
      db.insert(consultations).values({ slug: "a", title: "A", status: "open" }).run();
      expect(count()).toBe(1);
      expect(computed).toBe(2);
      // A commit by another connection (an import from the command line).
      other.insert(consultations).values({ slug: "b", title: "B", status: "open" }).run();
      expect(count()).toBe(2);
      expect(count()).toBe(2);
      expect(computed).toBe(3);
    } finally {
      other.$client.close();
      db.$client.close();
    }
  });
});

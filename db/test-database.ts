import { migrateDatabase, openDatabase, type Db } from "./client.server";

/** A private, migrated in-memory database: each test gets its own. */
export function createTestDatabase(): Db {
  const db = openDatabase(":memory:");
  migrateDatabase(db);
  return db;
}

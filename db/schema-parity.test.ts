import { getTableName, is, SQL, type Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgDialect, PgTable, type IndexedColumn } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as pgSchema from "./schema-pg";
import * as sqliteSchema from "./schema";

/**
 * Decision 035: the two dialects are kept in step by hand, and this test is what keeps the hand
 * honest. Each schema is reduced to a dialect-neutral description (names, nullability, defaults,
 * keys, references, indexes, checks) and the two descriptions must be equal.
 */

type Described = ReturnType<typeof describeSqlite>;

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();
const normalSql = (text: string) => text.replace(/["`]/g, "").replace(/\s+/g, " ").trim().toLowerCase();

/** Value types as the application sees them; a pg custom column is the bytea (Buffer) one. */
const sameJsType = (dataType: string) => (dataType === "custom" ? "buffer" : dataType);

function describeSqlite(table: SQLiteTable) {
  const config = sqliteTableConfig(table);
  return {
    columns: config.columns
      .map((c) => ({
        name: c.name,
        jsType: sameJsType(c.dataType),
        notNull: c.notNull,
        // An INTEGER PRIMARY KEY without AUTOINCREMENT is SQLite's rowid, which drizzle marks as
        // defaulted; the application never leaves it to SQLite, so only declared defaults count.
        hasDefault: c.default !== undefined || c.defaultFn !== undefined || ("autoIncrement" in c && c.autoIncrement === true),
        primary: c.primary,
        enumValues: c.enumValues ?? null,
      }))
      .sort(byName),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)).sort(),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name ?? null, columns: u.columns.map((c) => c.name) })).sort(byName),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          foreignTable: sqliteTableConfig(ref.foreignTable).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
        };
      })
      .sort(byColumns),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name,
        columns: i.config.columns.map((c) => (is(c, SQL) ? "(expression)" : c.name)),
        unique: i.config.unique,
        where: i.config.where ? normalSql(sqliteDialect.sqlToQuery(i.config.where).sql) : null,
      }))
      .sort(byName),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function describePg(table: PgTable): Described {
  const config = pgTableConfig(table);
  return {
    columns: config.columns
      .map((c) => ({
        name: c.name,
        jsType: sameJsType(c.dataType),
        notNull: c.notNull,
        hasDefault: c.default !== undefined || c.defaultFn !== undefined || c.generatedIdentity !== undefined,
        primary: c.primary,
        enumValues: c.enumValues ?? null,
      }))
      .sort(byName),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)).sort(),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.name ?? null, columns: u.columns.map((c) => c.name) })).sort(byName),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        return {
          columns: ref.columns.map((c) => c.name),
          foreignTable: pgTableConfig(ref.foreignTable).name,
          foreignColumns: ref.foreignColumns.map((c) => c.name),
          onDelete: fk.onDelete ?? "no action",
        };
      })
      .sort(byColumns),
    indexes: config.indexes
      .map((i) => ({
        name: i.config.name!,
        columns: i.config.columns.map((c) => (is(c, SQL) ? "(expression)" : (c as IndexedColumn).name!)),
        unique: i.config.unique,
        where: i.config.where ? normalSql(pgDialect.sqlToQuery(i.config.where).sql) : null,
      }))
      .sort(byName),
    checks: config.checks.map((c) => c.name).sort(),
  };
}

function byName(a: { name: string | null }, b: { name: string | null }) {
  return (a.name ?? "").localeCompare(b.name ?? "");
}
function byColumns(a: { columns: string[] }, b: { columns: string[] }) {
  return a.columns.join(",").localeCompare(b.columns.join(","));
}

function tablesOf<T extends Table>(schema: Record<string, unknown>, isTable: (value: unknown) => value is T): Map<string, T> {
  return new Map(Object.values(schema).filter(isTable).map((table) => [getTableName(table), table]));
}

const sqliteTables = tablesOf(sqliteSchema, (value): value is SQLiteTable => is(value, SQLiteTable));
const pgTables = tablesOf(pgSchema, (value): value is PgTable => is(value, PgTable));

describe("the PostgreSQL schema is in step with the SQLite one", () => {
  it("declares the same tables", () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort());
    expect(sqliteTables.size).toBeGreaterThan(30);
  });

  it.each([...sqliteTables.keys()].sort())("declares %s with the same columns, keys, references, indexes and checks", (name) => {
    const pg = pgTables.get(name);
    expect(pg, `db/schema-pg.ts has no table ${name}`).toBeDefined();
    expect(describePg(pg!)).toEqual(describeSqlite(sqliteTables.get(name)!));
  });
});

/**
 * The application reads rows of either engine through the same code: each table's row type must
 * be the same on both sides. Checked by `tsc --noEmit` (a mismatch does not compile).
 */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type RowTypes<S> = { [K in keyof S as S[K] extends Table ? K : never]: S[K] extends Table ? S[K]["$inferSelect"] : never };
const sameRowTypes: Equal<RowTypes<typeof sqliteSchema>, RowTypes<typeof pgSchema>> = true;
void sameRowTypes;

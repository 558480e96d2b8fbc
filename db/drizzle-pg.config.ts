import { defineConfig } from "drizzle-kit";

// The PostgreSQL twin of db/drizzle.config.ts (decision 035). Run from the repository root after
// changing db/schema-pg.ts: npm run db:generate:pg -- --name <what-changed>
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg.ts",
  out: "./db/migrations-pg",
});

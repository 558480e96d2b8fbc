import { defineConfig } from "drizzle-kit";

// Run from the repository root: npm run db:generate -- --name <what-changed>
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});

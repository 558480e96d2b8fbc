/**
 * npm run user:create -- --email <address> --name <name> [--role participant|moderator|secretariat]
 *   [--country <ISO code>] [--group <stakeholder group slug>]
 * Creates an account (real administrators in production). The password is read from the
 * REDRAFT_PASSWORD environment variable or asked for on the terminal, never taken as an argument
 * (it would stay in the shell history).
 */
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { migrateDatabase, openDatabase } from "../../db/client.server";
import { roles, stakeholderGroups } from "../../db/schema";
import { passwordProblem } from "../auth/password.server";
import { loadConfig } from "../config/env.server";
import { countryByCode } from "../accounts/countries";
import { EmailTakenError, registerUser } from "../accounts/users.server";

const USAGE = "usage: npm run user:create -- --email <address> --name <name> [--role participant|moderator|secretariat] [--country <ISO code>] [--group <slug>]";

const argsSchema = z.object({
  email: z.email({ error: "--email must be an e-mail address" }),
  name: z.string({ error: "--name is required" }).trim().min(2, { error: "--name must have at least 2 characters" }),
  role: z.enum(roles, { error: "--role must be participant, moderator or secretariat" }).default("participant"),
  country: z.string().default("CH").refine((c) => countryByCode(c) !== undefined, { error: "--country must be an ISO 3166 code such as KE or FR" }),
  group: z.string().default("intergovernmental"),
});

async function readPassword(): Promise<string> {
  if (process.env.REDRAFT_PASSWORD) return process.env.REDRAFT_PASSWORD;
  if (!process.stdin.isTTY) throw new Error("set REDRAFT_PASSWORD or run in a terminal to type the password");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question("Password (at least 10 characters): ");
  rl.close();
  return password;
}

async function main() {
  let raw;
  try {
    raw = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, country: { type: "string" }, group: { type: "string" } } }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${parsed.error.issues.map((i) => i.message).join("; ")}\n${USAGE}`);
  const args = parsed.data;
  const password = await readPassword();
  const problem = passwordProblem(password, args.email);
  if (problem) throw new Error(`the password is refused (${problem})`);
  const config = loadConfig();
  const db = openDatabase(config.databasePath);
  try {
    migrateDatabase(db);
    const group = db.select().from(stakeholderGroups).where(eq(stakeholderGroups.slug, args.group)).get();
    if (!group) throw new Error(`no stakeholder group "${args.group}"`);
    const user = await registerUser(db, {
      email: args.email,
      displayName: args.name,
      password,
      role: args.role,
      countryCode: args.country.toUpperCase(),
      stakeholderGroupId: group.id,
      organisation: null,
      respondsFor: "individual",
      gender: "prefer-not-to-say",
      ageBand: "prefer-not-to-say",
      language: "en",
      pseudonymous: false,
      // The secretariat typed the address in: nobody else could have registered it.
      confirmed: true,
    });
    console.log(`Created ${user.role} account ${user.email} (id ${user.id}).`);
  } finally {
    db.$client.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof EmailTakenError ? "an account with this e-mail exists already" : (error as Error).message;
  console.error(`redraft user:create: ${message}`);
  process.exit(2);
});

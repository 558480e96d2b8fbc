import type { Db } from "../db/client.server";
import type { Config } from "./config/env.server";

/** What the server hands every loader and action: built once per process in server.ts. */
export interface AppContext {
  db: Db;
  config: Config;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends AppContext {}
}

/**
 * What a co-editor may publish about itself (y-protocols awareness): who they are and where their
 * cursor is. The server refuses any other state; the editor parses what it receives with the same
 * schema before rendering it, so a hostile state can neither inject CSS through a colour nor show
 * a role or region that does not exist. Plain TypeScript, shared by the server and the browser.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { z } from "zod";
import { roles, unescoRegions } from "../../db/enums";

/** Largest awareness state, as JSON (a name, a colour, two cursor positions take a few hundred bytes). */
export const MAX_AWARENESS_STATE_BYTES = 2_000;
/** Entries one awareness message may carry (a client normally sends its own, one). */
export const MAX_AWARENESS_ENTRIES = 16;

export const awarenessRoles = [...roles, "expert"] as const;

/** `#rrggbb` only: a colour ends up in a style attribute. */
export const awarenessColour = z.string().regex(/^#[0-9a-fA-F]{6}$/);

const clientClock = z.object({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() }).strict();

/** A Yjs relative position as `Y.relativePositionToJSON` writes it (y-prosemirror's cursors). */
export const relativePositionJson = z
  .object({
    type: clientClock.nullish(),
    tname: z.string().max(100).nullish(),
    item: clientClock.nullish(),
    assoc: z.number().int().min(-1).max(0).nullish(),
  })
  .strict();

export const awarenessUser = z
  .object({
    name: z.string().trim().min(1).max(100),
    color: awarenessColour,
    role: z.enum(awarenessRoles),
    region: z.enum(unescoRegions).nullable(),
    /** Co-authors of a joint submission show who they speak for (issue 17): organisation and country. */
    organisation: z.string().trim().max(200).nullish(),
    country: z.string().regex(/^[A-Z]{2}$/).nullish(),
  })
  .strict();
export type AwarenessUser = z.infer<typeof awarenessUser>;

export const awarenessState = z
  .object({
    user: awarenessUser.optional(),
    cursor: z.object({ anchor: relativePositionJson, head: relativePositionJson }).strict().nullish(),
  })
  .strict();
export type AwarenessState = z.infer<typeof awarenessState>;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON text, exactly as sent; "null" when the client left. */
  json: string;
}

/** Reads a y-protocols awareness update without applying it. Throws on malformed input. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`an awareness update may carry at most ${MAX_AWARENESS_ENTRIES} states`);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    entries.push({ clientId, clock, json });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the awareness update");
  return entries;
}

export function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, json);
  }
  return encoding.toUint8Array(encoder);
}

export type StateCheck = { ok: true } | { ok: false; error: string };

/** Checks one state's JSON text: size first, then the schema. `null` (the client left) is fine. */
export function checkAwarenessJson(json: string): StateCheck {
  if (json.length > MAX_AWARENESS_STATE_BYTES) return { ok: false, error: `awareness state over ${MAX_AWARENESS_STATE_BYTES} bytes` };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, error: "awareness state is not JSON" };
  }
  if (value === null) return { ok: true };
  const parsed = awarenessState.safeParse(value);
  return parsed.success ? { ok: true } : { ok: false, error: `invalid awareness state: ${z.prettifyError(parsed.error).slice(0, 300)}` };
}

/** A received user, or null when it does not pass the schema (the editor then shows nothing of it). */
export function safeAwarenessUser(value: unknown): AwarenessUser | null {
  const parsed = awarenessUser.safeParse(value);
  return parsed.success ? parsed.data : null;
}

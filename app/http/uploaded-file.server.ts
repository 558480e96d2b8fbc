/**
 * Reading one uploaded file from a multipart form, bounded while it streams in: a part larger than
 * the limit stops the upload there instead of being read into memory whole. Shared by the uploads
 * that end in a preview (bulk comment import, draft upload).
 */
import { createHash, randomBytes } from "node:crypto";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { z } from "zod";

export type UploadedFile =
  | { ok: true; fileName: string; bytes: Uint8Array; fields: Record<string, string> }
  /** required: no file chosen; empty: a file of 0 bytes (named); tooLarge: over the limit. */
  | { ok: false; problem: "required" | "empty" | "tooLarge"; fileName?: string; fields: Record<string, string> };

/** Text fields beside the file are kept (cut to a sane length) so the form can show them again. */
export async function readUploadedFile(request: Request, options: { maxBytes: number; field?: string }): Promise<UploadedFile> {
  const field = options.field ?? "file";
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: options.maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, problem: "tooLarge", fields: {} };
    throw data({ message: "invalid upload" }, { status: 400 });
  }
  const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 1000)]));
  const value = form.get(field);
  if (!(value instanceof File) || value.name === "") return { ok: false, problem: "required", fields };
  if (value.size === 0) return { ok: false, problem: "empty", fileName: safeFileName(value.name), fields };
  return { ok: true, fileName: safeFileName(value.name), bytes: new Uint8Array(await value.arrayBuffer()), fields };
}

/** The name as shown back to the user and stored: no path, bounded. */
export const safeFileName = (name: string) => name.replace(/[\\/]/g, "_").slice(0, 200);

export const sha256 = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

/**
 * A pending upload is found by a random token in its preview's address; only the token's SHA-256 is
 * stored, so a copy of the database does not hand out working preview addresses.
 */
export const newPendingToken = () => randomBytes(24).toString("base64url");
export const pendingTokenId = (token: string) => sha256(token);
export const pendingTokenParam = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

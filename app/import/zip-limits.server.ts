/**
 * ZIP containers (XLSX, DOCX) are inspected before any library expands them: a few kilobytes can
 * declare, or really hold, gigabytes (a "zip bomb"). The central directory is read with yauzl and
 * checked against the limits below; then every entry is inflated as a stream, counting and
 * discarding the bytes, so a header that lies about its sizes is caught too (yauzl refuses an entry
 * whose inflated size differs from the size it declares). Only a container that passes is handed
 * to JSZip or exceljs, which then cannot inflate more than was counted here.
 *
 * Limits in docs/security.md. The ratio limit follows Apache POI's ZipSecureFile (1 % minimum
 * inflate ratio), applied only to entries large enough to matter: small XML parts compress well.
 */
import type { Readable } from "node:stream";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import type { MessageKey } from "../i18n/messages.en";
import { createTranslator } from "../i18n/translate";
import { ImportError } from "./outline-types";

export const ZIP_LIMITS = {
  /** Total size of all entries once expanded. */
  maxUncompressedBytes: 100_000_000,
  maxEntries: 5_000,
  /** Expanded size over compressed size, per entry. */
  maxRatio: 100,
  /** Entries expanding to less than this are not held to the ratio. */
  ratioCheckedFromBytes: 1_000_000,
};

export type ZipLimits = typeof ZIP_LIMITS;

export interface ZipProblem {
  key: MessageKey;
  values: Record<string, string | number>;
}

/**
 * A container refused by the inspection. An ImportError (its message in English, for the CLI and
 * logs); `problem` is the translatable reason, for pages in the reader's language.
 */
export class ZipLimitError extends ImportError {
  constructor(readonly problem: ZipProblem) {
    super(createTranslator()(problem.key, problem.values));
    this.name = "ZipLimitError";
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1_000_000);

/**
 * Resolves when the container is within the limits; rejects with a ZipLimitError saying which
 * limit it passes (or that it is not a readable ZIP file) otherwise.
 */
export async function inspectZip(data: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<void> {
  const refuse = (key: MessageKey, values: ZipProblem["values"] = {}) => new ZipLimitError({ key, values });
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
      lazyEntries: true,
      // Entries are inflated after the whole directory was read: the file must stay open.
      autoClose: false,
      validateEntrySizes: true,
      decodeStrings: true,
    });
  } catch {
    throw refuse("zip.unreadable");
  }
  // The central directory says how many entries there are before any is read.
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw refuse("zip.tooManyEntries", { max: limits.maxEntries });
  }
  const tooLarge = () => refuse("zip.tooLarge", { max: megabytes(limits.maxUncompressedBytes) });

  const entries: Entry[] = [];
  let declared = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("entry", (entry: Entry) => {
        declared += entry.uncompressedSize;
        if (declared > limits.maxUncompressedBytes) return reject(tooLarge());
        const ratio = entry.compressedSize === 0 ? Infinity : entry.uncompressedSize / entry.compressedSize;
        if (entry.uncompressedSize >= limits.ratioCheckedFromBytes && ratio > limits.maxRatio) {
          return reject(refuse("zip.tooCompressed", { max: limits.maxRatio }));
        }
        entries.push(entry);
        zip.readEntry();
      });
      zip.once("end", resolve);
      zip.once("error", () => reject(refuse("zip.unreadable")));
      zip.readEntry();
    });

    // The declared sizes passed; now check them against what the data really inflates to.
    let inflated = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const stream = await new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, s) => (error || !s ? reject(refuse("zip.unreadable")) : resolve(s))),
      );
      await new Promise<void>((resolve, reject) => {
        stream.on("data", (chunk: Buffer) => {
          inflated += chunk.length;
          if (inflated > limits.maxUncompressedBytes) {
            stream.destroy();
            reject(tooLarge());
          }
        });
        stream.once("end", resolve);
        // yauzl's size validation: an entry inflating to more (or less) than it declares.
        stream.once("error", () => reject(refuse("zip.sizeMismatch")));
      });
    }
  } finally {
    zip.close();
  }
}

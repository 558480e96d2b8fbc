/**
 * Streamed downloads: CSV, the XLSX workbook and the open-data JSON are written a batch of rows at
 * a time while the client reads, so a 100,000-comment export never sits whole in memory and the
 * server keeps answering other requests between batches.
 */
import { PassThrough, Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { Db } from "../../db/client.server";
import { electoralGroups, unescoRegions } from "../../db/enums";
import type { CommentFilters } from "../analysis/comment-filters";
import type { Translate } from "../i18n/translate";
import type { MessageKey } from "../i18n/messages.en";
import { compiledRowBatches, type RowContext } from "../review/compiled-rows.server";
import { compiledColumns, dataColumns, type Column } from "./columns";
import { BOM, csvLine } from "./csv";
import { PARTICIPATION_DIMENSIONS, Tally } from "./tally";

export interface ExportInput {
  db: Db;
  ctx: RowContext;
  filters: CommentFilters;
  t: Translate;
  /** The secretariat's private variant: names, e-mail addresses, hidden comments with their status. */
  withPrivate: boolean;
  /** Waits until the client has taken what was sent (see AppContext.drained). */
  drained?: () => Promise<void>;
}

/** A web stream fed by an async generator of text chunks, pulled as the client reads. */
function textStream(chunks: Generator<string>, drained?: () => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      await drained?.();
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return?.(undefined);
    },
  });
}

export function csvStream({ db, ctx, filters, t, withPrivate, drained }: ExportInput): ReadableStream<Uint8Array> {
  const columns = compiledColumns(t, withPrivate);
  function* chunks() {
    yield BOM + csvLine(columns.map((c) => c.header));
    // One string per batch, joined once: concatenating line by line leaves a chain of intermediate
    // strings for the garbage collector and the encoder to flatten.
    const values: (string | number | null)[] = new Array(columns.length);
    for (const batch of compiledRowBatches(db, ctx, filters, { withPrivate })) {
      const lines: string[] = new Array(batch.length);
      for (let r = 0; r < batch.length; r++) {
        for (let i = 0; i < columns.length; i++) values[i] = columns[i]!.value(batch[r]!);
        lines[r] = csvLine(values);
      }
      yield lines.join("");
    }
  }
  return textStream(chunks(), drained);
}

/** Open data: the documented JSON (docs/open-data.md), never with names of pseudonymous authors or e-mail addresses. */
export function openDataStream(
  { db, ctx, filters, drained }: Omit<ExportInput, "withPrivate" | "t">,
  about: { slug: string; title: string; status: string; closesAt: string | null; versions: { number: number; publishedAt: string | null }[] },
): ReadableStream<Uint8Array> {
  function* chunks() {
    const head = {
      format: "redraft-open-data",
      formatVersion: 1,
      generatedAt: new Date().toISOString(),
      consultation: about,
      filters,
    };
    yield JSON.stringify(head).slice(0, -1) + ',"comments":[';
    let first = true;
    for (const batch of compiledRowBatches(db, ctx, filters)) {
      const parts = batch.map((r) =>
        JSON.stringify({
          id: r.id,
          nodeId: r.nodeId,
          paragraph: r.paragraph,
          version: r.version,
          author: r.stakeholder,
          country: r.country,
          region: r.region,
          electoralGroup: r.electoralGroup,
          stakeholderGroup: r.stakeholderGroup,
          stance: r.stance,
          type: r.type,
          channel: r.channel,
          language: r.language,
          peopleRepresented: r.peopleRepresented,
          endorsements: r.endorsements,
          createdAt: r.createdAt,
          body: r.comment,
          proposedText: r.proposedChange,
          campaign: r.campaign,
          coSigners: r.coSigners
            ? { count: r.coSigners.signers, organisations: r.coSigners.organisations, regions: r.coSigners.regionCodes, signers: r.coSigners.list }
            : null,
          disposition: r.decision
            ? {
                decision: r.decision,
                rationale: r.rationale,
                targets: r.targetNodeIds.map((nodeId, i) => ({ nodeId, label: r.targets[i] ?? null })),
                decidedAt: r.decidedAt,
              }
            : null,
        }),
      );
      yield (first ? "" : ",") + parts.join(",");
      first = false;
    }
    yield "]}";
  }
  return textStream(chunks(), drained);
}

function addHeader(sheet: ExcelJS.Worksheet, columns: Column[]) {
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 14 }));
}

/**
 * The workbook: comments (data columns), the compiled table with dispositions, the paragraph ×
 * region and paragraph × stakeholder group matrices, and participation. exceljs's streaming
 * writer without shared strings or styles keeps memory flat.
 */
export function xlsxStream(input: ExportInput): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  void writeWorkbook(input, out).catch((error: unknown) => out.destroy(error as Error));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

export async function writeWorkbook({ db, ctx, filters, t, withPrivate, drained }: ExportInput, out: import("node:stream").Writable): Promise<void> {
  // exceljs writes without waiting; between batches, wait for the pipe and the client to catch up.
  const nextTick = async () => {
    if (out.writableNeedDrain && !out.destroyed) await new Promise((resolve) => { out.once("drain", resolve); out.once("close", resolve); });
    await drained?.();
    if (out.destroyed) throw new Error("download cancelled");
  };
  // Loaded on first use: exceljs costs tens of megabytes a server that never exports would carry (decision 017).
  const { default: Excel } = await import("exceljs");
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const tally = new Tally();

  const data = dataColumns(t, withPrivate);
  const comments = workbook.addWorksheet(t("export.sheet.comments"));
  addHeader(comments, data);
  for (const batch of compiledRowBatches(db, ctx, filters, { withPrivate })) {
    for (const row of batch) {
      comments.addRow(data.map((c) => c.value(row))).commit();
      tally.add(row);
    }
    await nextTick();
  }
  comments.commit();

  const compiled = compiledColumns(t, withPrivate);
  const table = workbook.addWorksheet(t("export.sheet.compiled"));
  addHeader(table, compiled);
  for (const batch of compiledRowBatches(db, ctx, filters, { withPrivate })) {
    for (const row of batch) table.addRow(compiled.map((c) => c.value(row))).commit();
    await nextTick();
  }
  table.commit();

  const paragraphs = [...tally.paragraphs.values()];
  const matrix = (name: string, keys: readonly string[], header: (k: string) => string, pick: (p: (typeof paragraphs)[number]) => Map<string, number>) => {
    const sheet = workbook.addWorksheet(name);
    sheet.addRow([t("export.col.paragraph"), ...keys.map(header), t("export.col.total")]).commit();
    for (const p of paragraphs) {
      const counts = pick(p);
      sheet.addRow([p.label ?? t("review.wholeDraft"), ...keys.map((k) => counts.get(k) ?? 0), p.total]).commit();
    }
    sheet.commit();
  };
  matrix(t("export.sheet.regions"), unescoRegions, (r) => t(`region.${r}` as MessageKey), (p) => p.byRegion);
  const groupNames = [...tally.byGroup.keys()].sort();
  matrix(t("export.sheet.groups"), groupNames, (g) => g, (p) => p.byGroup);

  const participation = workbook.addWorksheet(t("export.sheet.participation"));
  participation.addRow([t("export.col.dimension"), t("export.col.value"), t("export.col.comments"), t("export.col.participants"), t("export.col.people")]).commit();
  const valueLabel = (dimension: string, value: string) =>
    dimension === "region"
      ? t(`region.${value}` as MessageKey)
      : dimension === "electoral"
        ? value && (electoralGroups as readonly string[]).includes(value) ? t("electoral.group", { group: value }) : "—"
        : dimension === "channel"
          ? t(`channel.${value}` as MessageKey)
          : value;
  for (const dimension of PARTICIPATION_DIMENSIONS) {
    for (const [value, p] of tally.participation.get(dimension)!) {
      participation
        .addRow([t(`export.dimension.${dimension}` as MessageKey), valueLabel(dimension, value), p.comments, p.participants.size, p.people])
        .commit();
    }
  }
  participation.commit();
  await workbook.commit();
}


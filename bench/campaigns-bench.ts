/**
 * Campaign detection benchmark: findCampaigns over synthetic comments of about 400 characters,
 * some of them copies of a few campaign texts with a word or two changed. Run with
 * `npx tsx bench/campaigns-bench.ts` (COMMENTS=100000 by default). Prints a Markdown line for
 * docs/benchmarks.md. Not a test: timings depend on the machine.
 */
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { findCampaigns } from "../app/analysis/campaigns";

const COMMENTS = Number(process.env.COMMENTS ?? 100_000);
const CAMPAIGNS = 50;
const COPIES = 100;

let state = 42;
function random(): number {
  // mulberry32: a reproducible corpus on every run
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}

const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${"abcdefgh"[i % 8]}`);
const commonWords = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "this", "paragraph", "should"];
function word(): string {
  return random() < 0.4 ? commonWords[Math.floor(random() * commonWords.length)]! : vocabulary[Math.floor(random() * vocabulary.length)]!;
}
function text(chars = 400): string[] {
  const words: string[] = [];
  let length = 0;
  while (length < chars) {
    const w = word();
    words.push(w);
    length += w.length + 1;
  }
  return words;
}

const templates = Array.from({ length: CAMPAIGNS }, () => text());
const comments: { id: number; body: string }[] = [];
for (let id = 1; id <= COMMENTS; id++) {
  const campaign = id <= CAMPAIGNS * COPIES ? templates[id % CAMPAIGNS] : undefined;
  let words: string[];
  if (campaign) {
    words = [...campaign];
    words[Math.floor(random() * words.length)] = word();
  } else words = text();
  comments.push({ id, body: `${words.join(" ")}.` });
}
const chars = comments.reduce((n, c) => n + c.body.length, 0);

const t0 = performance.now();
const found = findCampaigns(comments);
const ms = performance.now() - t0;
const grouped = found.reduce((n, c) => n + c.ids.length, 0);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log("");
console.log("| comments | mean length (chars) | planted campaigns × copies | campaigns found | comments grouped | time (s) | heap used (MB) |");
console.log("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
console.log(`| ${COMMENTS} | ${Math.round(chars / COMMENTS)} | ${CAMPAIGNS} × ${COPIES} | ${found.length} | ${grouped} | ${(ms / 1000).toFixed(2)} | ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} |`);

/**
 * Campaign detection benchmark: findCampaigns over synthetic comments of about 400 characters,
 * 5,000 of them copies of 50 campaign texts with one word (or character) changed, in a
 * space-separated language and in Chinese. Run with `npx tsx bench/campaigns-bench.ts`
 * (COMMENTS=100000 by default). Prints a Markdown table for docs/benchmarks.md. Not a test:
 * timings depend on the machine.
 */
import { cpus, totalmem } from "node:os";
import { performance } from "node:perf_hooks";
import { findCampaigns } from "../app/analysis/campaigns";

const COMMENTS = Number(process.env.COMMENTS ?? 100_000);
const CAMPAIGNS = 50;
const COPIES = 100;

let state = 42;
function random(): number {
  // mulberry32: the same corpus on every run
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

interface Language {
  name: string;
  word: () => string;
  join: string;
}

const vocabulary = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}${"abcdefgh"[i % 8]}`);
const commonWords = ["the", "of", "and", "to", "in", "a", "is", "that", "for", "this", "paragraph", "should"];
const hanzi = [..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研"];

const languages: Language[] = [
  { name: "space-separated words", word: () => (random() < 0.4 ? pick(commonWords) : pick(vocabulary)), join: " " },
  { name: "Chinese (one token per character)", word: () => pick(hanzi), join: "" },
];

function text(language: Language, chars = 400): string[] {
  const tokens: string[] = [];
  let length = 0;
  while (length < chars) {
    const token = language.word();
    tokens.push(token);
    length += token.length + language.join.length;
  }
  return tokens;
}

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ${new Date().toISOString().slice(0, 10)}`);
console.log("");
console.log("| corpus | comments | mean length (chars) | planted campaigns × copies | campaigns found | comments grouped | time (s) |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const language of languages) {
  const templates = Array.from({ length: CAMPAIGNS }, () => text(language));
  const comments: { id: number; body: string }[] = [];
  for (let id = 1; id <= COMMENTS; id++) {
    const template = id <= CAMPAIGNS * COPIES ? templates[id % CAMPAIGNS] : undefined;
    let tokens: string[];
    if (template) {
      tokens = [...template];
      tokens[Math.floor(random() * tokens.length)] = language.word();
    } else tokens = text(language);
    comments.push({ id, body: `${tokens.join(language.join)}.` });
  }
  const chars = comments.reduce((n, c) => n + c.body.length, 0);
  const t0 = performance.now();
  const found = findCampaigns(comments);
  const seconds = (performance.now() - t0) / 1000;
  const grouped = found.reduce((n, c) => n + c.ids.length, 0);
  console.log(`| ${language.name} | ${COMMENTS} | ${Math.round(chars / COMMENTS)} | ${CAMPAIGNS} × ${COPIES} | ${found.length} | ${grouped} | ${seconds.toFixed(2)} |`);
}

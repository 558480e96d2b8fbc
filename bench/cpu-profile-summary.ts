/**
 * What a V8 CPU profile (`node --cpu-prof`) spent its time on: the functions with the most samples of
 * their own, and inclusive shares by function (a function counted once per sample, wherever it is in
 * the stack). `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]`, or imported by a bench.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A profile's nodes by id, each node's parent, and a node's label ("function file:line"). */
export function profileTree(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number) => {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    return `${functionName || "(anonymous)"} ${url ? `${basename(url)}:${lineNumber + 1}` : ""}`.trim();
  };
  return { byId, parent, label };
}

export function summarizeCpuProfile(file: string, top = 25): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const { byId, parent, label } = profileTree(profile);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let counted = 0;
  for (const id of profile.samples) {
    if (byId.get(id)!.callFrame.functionName === "(idle)") continue;
    counted += 1;
    self.set(label(id), (self.get(label(id)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const name = label(n);
      if (!seen.has(name)) {
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + 1);
      }
    }
  }
  const list = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `  ${((100 * v) / counted).toFixed(1).padStart(5)} %  ${k}`).join("\n");
  return `${counted} busy samples of ${profile.samples.length}\nself:\n${list(self)}\ninclusive:\n${list(inclusive)}`;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  console.log(summarizeCpuProfile(process.argv[2]!, Number(process.argv[3] ?? 25)));
}

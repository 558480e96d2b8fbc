/** wrk from a benchmark: one run against one address, with wrk's own figures parsed. Needs `wrk`. */
import { spawn } from "node:child_process";

export interface WrkResult {
  requestsPerSecond: number;
  p50: string;
  p90: string;
  p99: string;
  requests: number;
  errors: string;
}

/** wrk's own figures: requests/s and its latency distribution (HdrHistogram, --latency). */
export function wrk(url: string, connections: number, encoding: string, seconds: number): Promise<WrkResult> {
  return new Promise((resolve, reject) => {
    // A 10 s timeout: a slow answer is measured rather than dropped from the figures.
    // WRK_NICE: wrk's scheduling priority (root may raise it, e.g. -5), to tell the server's
    // latency from the load generator's own waits for a core when both share the machine.
    const nice = process.env.WRK_NICE ? ["nice", "-n", process.env.WRK_NICE] : [];
    const command = [...nice, "wrk"];
    const child = spawn(command[0]!, [...command.slice(1), "-t2", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "--latency", "-H", `Accept-Encoding: ${encoding}`, url]);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", () => {
      const pick = (re: RegExp) => re.exec(out)?.[1] ?? "?";
      resolve({
        requestsPerSecond: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
        p50: pick(/\s50%\s+(\S+)/),
        p90: pick(/\s90%\s+(\S+)/),
        p99: pick(/\s99%\s+(\S+)/),
        requests: Number(pick(/(\d+) requests in/)),
        errors: [pick(/Socket errors: ([^\n]+)/), pick(/Non-2xx or 3xx responses: (\d+)/)].filter((e) => e !== "?").join("; ") || "none",
      });
    });
  });
}

/**
 * Time inside a co-editing server, the same way for all three (docs/benchmarks.md, "N = 10"):
 * from a socket's `data` event carrying a keystroke to the first and to the last socket write after
 * it (the relay to the other clients). Loaded into every process of a benchmark run:
 *
 *   NODE_OPTIONS="--require ./bench/server-timing-probe.cjs" CLIENTS=10 npm run bench:collab
 *
 * Only server processes record (their script path contains "server"). Each writes one line to
 * $PROBE_DIR (default: the system temporary directory)/server-timing-<pid>.txt when it exits.
 * Meaningful at low load only: with keystrokes arriving while a relay is under way, a write is
 * attributed to the latest arrival.
 */
const net = require("node:net");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

if (/server/.test(process.argv[1] ?? "")) {
  // A keystroke's WebSocket message, not a ping or a whole document.
  const looksLikeKeystroke = (chunk) => chunk && chunk.length > 30 && chunk.length < 400;
  let arrivedAt = 0;
  let firstWrite = 0;
  let lastWrite = 0;
  const firsts = [];
  const lasts = [];

  const emit = net.Socket.prototype.emit;
  net.Socket.prototype.emit = function (event, chunk) {
    if (event === "data" && looksLikeKeystroke(chunk)) {
      if (arrivedAt && firstWrite) {
        firsts.push(firstWrite - arrivedAt);
        lasts.push(lastWrite - arrivedAt);
      }
      arrivedAt = performance.now();
      firstWrite = 0;
      lastWrite = 0;
    }
    return emit.apply(this, arguments);
  };
  for (const method of ["_writeGeneric", "_writev"]) {
    const write = net.Socket.prototype[method];
    net.Socket.prototype[method] = function () {
      if (arrivedAt) {
        lastWrite = performance.now();
        if (!firstWrite) firstWrite = lastWrite;
      }
      return write.apply(this, arguments);
    };
  }

  const quantile = (values, q) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length * q)].toFixed(3) : "-";
  };
  const report = () => {
    const line =
      `${path.basename(process.argv[1])} keystrokes=${firsts.length} ` +
      `first-write p50=${quantile(firsts, 0.5)} p90=${quantile(firsts, 0.9)} ms ` +
      `last-write p50=${quantile(lasts, 0.5)} p90=${quantile(lasts, 0.9)} ms\n`;
    fs.writeFileSync(path.join(process.env.PROBE_DIR ?? os.tmpdir(), `server-timing-${process.pid}.txt`), line);
  };
  process.on("exit", report);
  // The benchmark stops servers with SIGTERM; not every server exits through process.exit.
  process.on("SIGTERM", () => process.exit(0));
}
